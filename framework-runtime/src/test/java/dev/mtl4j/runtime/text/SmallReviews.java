package dev.mtl4j.runtime.text;

import dev.mtl4j.runtime.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The first rows of the bundled fine-food reviews, copied record by record (quoted cells may hold line breaks). */
final class SmallReviews {

    private SmallReviews() {
    }

    static Path write(Path folder, int rows) throws IOException {
        String text = Files.readString(Repository.file("examples/data/fine_food_reviews.csv"), StandardCharsets.UTF_8);
        int records = -1; // the header is not a row
        boolean quoted = false;
        int end = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted && ++records == rows) {
                end = i + 1;
                break;
            }
        }
        Path file = folder.resolve("reviews.csv");
        Files.writeString(file, text.substring(0, end), StandardCharsets.UTF_8);
        return file;
    }
}
