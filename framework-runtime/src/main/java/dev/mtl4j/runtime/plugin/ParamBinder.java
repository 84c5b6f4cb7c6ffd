package dev.mtl4j.runtime.plugin;

import dev.mtl4j.api.spi.ComponentFactory;
import dev.mtl4j.api.spi.Param;
import dev.mtl4j.runtime.suggest.FuzzyMatcher;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a component's parameters (plain values as in {@code ComponentSpec.params()}) to its factory's
 * config record, using each component's {@link Param} for defaults, ranges and allowed values. Every
 * problem is collected, so a user fixes a component in one go.
 */
public final class ParamBinder {
    private ParamBinder() {
    }

    public static <C extends Record> Binding<C> bind(ComponentFactory<C> factory, Map<String, Object> params) {
        return bind(factory.configType(), params);
    }

    public static <C extends Record> Binding<C> bind(Class<C> configType, Map<String, Object> params) {
        List<ParamSlot> slots = ParamSlot.inspect(configType);
        Map<String, ParamSlot> byName = new LinkedHashMap<>();
        slots.forEach(slot -> byName.put(slot.name(), slot));
        List<ParamProblem> problems = new ArrayList<>();
        for (String key : params.keySet()) {
            if (!byName.containsKey(key)) {
                problems.add(new ParamProblem(key, FuzzyMatcher.unknownKey(key, byName.keySet())));
            }
        }
        Object[] values = new Object[slots.size()];
        for (int i = 0; i < slots.size(); i++) {
            ParamSlot slot = slots.get(i);
            Object given = params.get(slot.name());
            if (given == null) {
                if (slot.required()) {
                    problems.add(new ParamProblem(slot.name(), "is required"));
                }
                values[i] = slot.defaultValue();
                continue;
            }
            try {
                Object value = slot.type().convert(given, slot.javaType());
                slot.check(value);
                values[i] = value;
            } catch (IllegalArgumentException e) {
                problems.add(new ParamProblem(slot.name(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            return new Binding<>(null, problems);
        }
        return construct(configType, slots, values);
    }

    /** The parameters of a config record, in declaration order, for {@code mtl describe}. */
    public static List<ParamDoc> describe(Class<? extends Record> configType) {
        return ParamSlot.inspect(configType).stream().map(ParamBinder::doc).toList();
    }

    private static ParamDoc doc(ParamSlot slot) {
        Param param = slot.param();
        String defaultText = slot.required() ? "required"
                : param.defaultValue().equals(Param.NONE) ? "none" : param.defaultValue();
        List<String> allowed = slot.type() == ParamType.ENUM ? ParamType.yamlNames(slot.javaType())
                : Arrays.asList(param.oneOf());
        return new ParamDoc(slot.name(), slot.type().text(), defaultText, param.doc(), constraint(param, allowed));
    }

    private static String constraint(Param param, List<String> allowed) {
        if (!allowed.isEmpty()) {
            return "one of " + allowed;
        }
        boolean hasMin = param.min() != Double.NEGATIVE_INFINITY;
        boolean hasMax = param.max() != Double.POSITIVE_INFINITY;
        if (hasMin && hasMax) {
            return ParamSlot.bound(param.min()) + " to " + ParamSlot.bound(param.max());
        }
        return hasMin ? ">= " + ParamSlot.bound(param.min()) : hasMax ? "<= " + ParamSlot.bound(param.max()) : "";
    }

    private static <C extends Record> Binding<C> construct(Class<C> configType, List<ParamSlot> slots, Object[] values) {
        Class<?>[] types = slots.stream().map(ParamSlot::javaType).toArray(Class<?>[]::new);
        try {
            Constructor<C> constructor = configType.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return new Binding<>(constructor.newInstance(values), List.of());
        } catch (InvocationTargetException e) {
            // The record's own validation (a compact constructor) speaks to the user too.
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                return new Binding<>(null, List.of(new ParamProblem(keyOf(invalid), messageOf(invalid))));
            }
            throw new IllegalStateException(configType.getName() + " could not be constructed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(configType.getName() + " could not be constructed: " + e, e);
        }
    }

    private static String keyOf(IllegalArgumentException e) {
        return e instanceof dev.mtl4j.api.spec.SpecException spec ? spec.key() : "(parameters)";
    }

    private static String messageOf(IllegalArgumentException e) {
        return e instanceof dev.mtl4j.api.spec.SpecException spec ? spec.reason() : e.getMessage();
    }
}
