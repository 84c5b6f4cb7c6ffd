package dev.mtl4j.runtime.config;

import java.util.List;
import java.util.Random;

/**
 * One searched key of a pipeline ({@code search.space.KEY}): a range of numbers or a list of
 * choices. A drawn value is YAML text, applied like {@code --set KEY=VALUE}, so it is typed and
 * checked exactly as the file is.
 *
 * @param key the pipeline key, written with dots as for --set
 * @param kind how values are drawn
 * @param low the range's lower end (ranges)
 * @param high the range's upper end (ranges)
 * @param choices each choice's YAML text (choice)
 */
public record SearchDimension(String key, Kind kind, double low, double high, List<String> choices) {
    /** How a value is drawn. */
    public enum Kind {
        /** Uniform in [low, high]. */
        UNIFORM("uniform"),
        /** Log-uniform in [low, high], low > 0: a learning rate, say. */
        LOG_UNIFORM("logUniform"),
        /** A whole number, uniform in [low, high]. */
        INT("int"),
        /** One of the choices, each equally likely. */
        CHOICE("choice");

        private final String yamlName;

        Kind(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    public SearchDimension {
        choices = List.copyOf(choices);
        if (kind == Kind.CHOICE ? choices.isEmpty() : !(low < high) && !(kind == Kind.INT && low == high)) {
            throw new IllegalArgumentException(kind == Kind.CHOICE ? "at least one choice" : "low < high, got [" + low + ", " + high + "]");
        }
        if (kind == Kind.LOG_UNIFORM && low <= 0) {
            throw new IllegalArgumentException("logUniform needs low > 0, got " + low);
        }
    }

    /** A value drawn with {@code random}, as YAML text. */
    public String draw(Random random) {
        return switch (kind) {
            case UNIFORM -> number(low + (high - low) * random.nextDouble());
            case LOG_UNIFORM -> number(Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * random.nextDouble()));
            case INT -> Long.toString((long) low + (long) Math.floor(random.nextDouble() * ((long) high - (long) low + 1)));
            case CHOICE -> choices.get(random.nextInt(choices.size()));
        };
    }

    /** The values a dry read checks before any trial: the range's ends, or every choice. */
    public List<String> extremes() {
        return switch (kind) {
            case UNIFORM, LOG_UNIFORM -> List.of(number(low), number(high));
            case INT -> List.of(Long.toString((long) low), Long.toString((long) high));
            case CHOICE -> choices;
        };
    }

    /** Four significant digits, in plain notation (YAML reads it as a number): enough to tell trials apart. */
    static String number(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
