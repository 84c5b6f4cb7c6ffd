package dev.mtl4j.runtime.text;

import dev.mtl4j.runtime.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The header and first rows of a bundled CSV file, copied record by record (quoted cells may hold line breaks). */
public final class FirstRows {

    private FirstRows() {
    }

    public static Path write(String bundled, Path file, int rows) throws IOException {
        String text = Files.readString(Repository.file(bundled), StandardCharsets.UTF_8);
        int records = -1; // the header is not a row
        boolean quoted = false;
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted && ++records == rows) {
                end = i + 1;
                break;
            }
        }
        Files.writeString(file, text.substring(0, end), StandardCharsets.UTF_8);
        return file;
    }
}
