package dev.mtl4j.plugins.text;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Copies every field of a DL4J layer configuration made by its builder into an instance of a subclass
 * that only swaps the running layer ({@link TokenConvolution}, {@link TokenLstm}): DL4J's builders
 * construct their own class alone, and the configuration classes have dozens of fields across their
 * hierarchy, each of which the copy must keep.
 */
final class Dl4jLayerFields {
    private Dl4jLayerFields() {
    }

    /** Every instance field of {@code built}, declared in {@code type} or above it, set in {@code into}. */
    static <T> T copy(Object built, T into, Class<?> type) {
        for (Class<?> declaring = type; declaring != Object.class; declaring = declaring.getSuperclass()) {
            for (Field field : declaring.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    field.set(into, field.get(built));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot copy " + field + " of a DL4J layer configuration", e);
                }
            }
        }
        return into;
    }
}
