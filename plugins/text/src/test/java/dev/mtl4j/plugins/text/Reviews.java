package dev.mtl4j.plugins.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The first reviews of the bundled fine-food file (the plugin cannot use the csv plugin: it reads the quoted cells itself). */
final class Reviews {

    private Reviews() {
    }

    static List<String> first(int count) throws IOException {
        String text = Files.readString(file(), StandardCharsets.UTF_8);
        List<String> reviews = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length() && reviews.size() < count; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                if (!row.get(1).equals("review")) {
                    reviews.add(row.get(1));
                }
                row.clear();
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        return reviews;
    }

    private static Path file() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples/data/fine_food_reviews.csv");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/data/fine_food_reviews.csv not found above " + Path.of("").toAbsolutePath());
    }
}
