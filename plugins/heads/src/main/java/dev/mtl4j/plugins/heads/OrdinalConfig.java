package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.Param;
import java.util.HashSet;
import java.util.List;

/**
 * The {@code ordinal} head's parameters.
 *
 * @param classes the classes, lowest first; null for the label column's numeric order
 * @param hidden widths of dense layers before the output
 */
public record OrdinalConfig(
        @Param(doc = "the classes, lowest first (e.g. [low, medium, high]); absent: the label column's values in "
                + "numeric order, which needs every value to be a number", defaultValue = Param.NONE) List<String> classes,
        @Param(doc = "widths of dense ReLU layers between the shared representation and the score",
                defaultValue = "[]", min = 1) List<Integer> hidden) {

    public OrdinalConfig {
        hidden = List.copyOf(hidden);
        if (classes != null) {
            classes = List.copyOf(classes);
            if (classes.size() < 2) {
                throw new SpecException("classes", "an ordinal head needs at least two classes in order, got " + classes);
            }
            if (new HashSet<>(classes).size() != classes.size()) {
                throw new SpecException("classes", "names a class twice: " + classes);
            }
        }
    }
}
