package dev.mtl4j.runtime.config;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A node written back as one line of flow-style YAML ({@code [64, 32]}, {@code { type: mmoe, experts: 4 }}),
 * so that a search choice can be applied as an override: a plain scalar stays plain (so 64 stays
 * a number), any other is double-quoted.
 */
final class YamlText {
    private YamlText() {
    }

    static String of(Node node) {
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue();
            boolean plain = scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && !value.isEmpty()
                    && value.chars().noneMatch(c -> ",[]{}:#&*!|>'\"%@`\n".indexOf(c) >= 0);
            return plain ? value : quoted(value);
        }
        if (node instanceof SequenceNode sequence) {
            StringBuilder text = new StringBuilder("[");
            sequence.getValue().forEach(item -> text.append(text.length() == 1 ? "" : ", ").append(of(item)));
            return text.append(']').toString();
        }
        MappingNode mapping = (MappingNode) node;
        StringBuilder text = new StringBuilder("{");
        mapping.getValue().forEach(entry -> text.append(text.length() == 1 ? " " : ", ").append(of(entry.getKeyNode()))
                .append(": ").append(of(entry.getValueNode())));
        return text.append(text.length() == 1 ? "}" : " }").toString();
    }

    private static String quoted(String value) {
        StringBuilder text = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                default -> text.append(c);
            }
        }
        return text.append('"').toString();
    }
}
