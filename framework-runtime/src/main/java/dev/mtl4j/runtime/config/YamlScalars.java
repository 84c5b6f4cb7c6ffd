package dev.mtl4j.runtime.config;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The Java value of a plain YAML 1.1 scalar, computed here rather than by SnakeYAML's constructors so
 * that nothing but these five tags can ever turn into an object.
 */
final class YamlScalars {
    private static final Set<String> TRUE = Set.of("yes", "true", "on");

    private YamlScalars() {
    }

    /**
     * String, Integer (Long when too large for an int), Double, Boolean, or null for a null scalar
     * and any other tag (which {@link NodeChecker} has reported).
     *
     * @throws NumberFormatException when an explicit {@code !!int} or {@code !!float} does not fit its text
     */
    static Object value(ScalarNode node) {
        String text = node.getValue();
        Tag tag = node.getTag();
        if (tag.equals(Tag.INT)) {
            return integer(text);
        } else if (tag.equals(Tag.FLOAT)) {
            return decimal(text);
        } else if (tag.equals(Tag.BOOL)) {
            return TRUE.contains(text.toLowerCase(Locale.ROOT));
        } else if (tag.equals(Tag.STR)) {
            return text;
        }
        return null;
    }

    /** YAML 1.1 integers: decimal, 0x hex, 0b binary, 0 octal, with _ separators; Long when Integer is too small. */
    static Number integer(String text) {
        String digits = text.replace("_", "");
        boolean negative = digits.startsWith("-");
        digits = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
        BigInteger value;
        if (digits.startsWith("0x")) {
            value = new BigInteger(digits.substring(2), 16);
        } else if (digits.startsWith("0b")) {
            value = new BigInteger(digits.substring(2), 2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            value = new BigInteger(digits.substring(1), 8);
        } else {
            value = new BigInteger(digits);
        }
        value = negative ? value.negate() : value;
        if (value.bitLength() < 32) {
            return value.intValue();
        } else if (value.bitLength() < 64) {
            return value.longValue();
        }
        throw new NumberFormatException("too large");
    }

    static double decimal(String text) {
        String value = text.replace("_", "").toLowerCase(Locale.ROOT);
        return switch (value) {
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            case ".nan" -> Double.NaN;
            default -> Double.parseDouble(value);
        };
    }
}
