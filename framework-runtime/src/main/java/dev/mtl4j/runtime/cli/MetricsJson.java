package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.io.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Nested maps and lists of metrics as JSON (NaN as null), written atomically. */
final class MetricsJson {
    private MetricsJson() {
    }

    static void write(Map<String, ?> metrics, Path file) {
        byte[] json = (render(metrics, "") + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, "metrics", out -> out.write(json));
    }

    static String render(Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("{");
            String inner = indent + "  ";
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                text.append(first ? "\n" : ",\n").append(inner).append(quote(String.valueOf(entry.getKey()))).append(": ")
                        .append(render(entry.getValue(), inner));
                first = false;
            }
            return text.append(first ? "}" : "\n" + indent + "}").toString();
        }
        if (value instanceof java.util.List<?> list) {
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(render(list.get(i), indent));
            }
            return text.append(']').toString();
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : Double.toString(d);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(String.valueOf(value));
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
