package dev.mtl4j.api.dsl;

import dev.mtl4j.api.spec.ComponentSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A component of any type, parameters given by name: the way to use a third-party plugin's
 * component from Java, e.g. {@code Component.of("residual-mlp").param("blocks", 2)}. The built-in
 * builders ({@link Encoders}, {@link Heads}, {@link Sharing}) extend it with typed setters.
 */
public class Component implements ComponentSource {
    private final String type;
    private final Map<String, Object> params = new LinkedHashMap<>();

    protected Component(String type) {
        this.type = type;
    }

    public static Component of(String type) {
        return new Component(type);
    }

    /** Sets a parameter; lists of numbers are given as {@code List.of(..)}. */
    public Component param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    protected void set(String name, Object value) {
        params.put(name, value);
    }

    protected static List<Integer> ints(int... values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    @Override
    public ComponentSpec toSpec() {
        return new ComponentSpec(type, params);
    }
}
