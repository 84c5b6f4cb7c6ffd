package dev.mtl4j.api.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one parameter of a component's config record: what it means, its default and its range.
 * The runtime binds YAML or DSL parameters to the record through these annotations, so the same
 * text serves {@code mtl describe}, error messages and validation.
 *
 * <p>Supported component types: {@code int}, {@code long}, {@code double}, {@code boolean},
 * {@code String}, enums (written in lower case with dashes), {@code List<Integer>}, {@code List<Double>}
 * and {@code List<String>}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface Param {

    /** Marks a parameter without a default: the user must give it. */
    String REQUIRED = "\u0000required";

    /** Marks a parameter whose absence is meaningful (the component then decides, e.g. from the data). */
    String NONE = "\u0000none";

    /** One line saying what the parameter does. */
    String doc();

    /** The default, written as in YAML ({@code 0.5}, {@code relu}, {@code [256, 256]}), or REQUIRED, or NONE. */
    String defaultValue() default REQUIRED;

    /** The smallest allowed value of a number, or of each number in a list. */
    double min() default Double.NEGATIVE_INFINITY;

    /** The largest allowed value of a number, or of each number in a list. */
    double max() default Double.POSITIVE_INFINITY;

    /** For strings: the allowed values; empty means any. */
    String[] oneOf() default {};
}
