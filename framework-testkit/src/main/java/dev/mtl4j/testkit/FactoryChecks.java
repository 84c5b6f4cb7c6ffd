package dev.mtl4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spi.ComponentFactory;
import dev.mtl4j.runtime.plugin.Binding;
import dev.mtl4j.runtime.plugin.ComponentResolver;
import dev.mtl4j.runtime.plugin.Family;
import dev.mtl4j.runtime.plugin.ParamBinder;
import dev.mtl4j.runtime.plugin.ParamDoc;
import dev.mtl4j.runtime.plugin.ParamProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every component's factory and config record promise, whatever the family. */
final class FactoryChecks {
    private static final String TYPE_NAME = "[a-z][a-z0-9]*(-[a-z0-9]+)*";
    /** Wrong for every parameter type: no parameter is a map of names to lists. */
    private static final Object WRONG = Map.of("not", List.of());

    private FactoryChecks() {
    }

    static void describedAndDocumented(Family<?> family, ComponentFactory<?> factory, Map<String, Object> params) {
        String name = factory.name();
        assertTrue(name != null && name.matches(TYPE_NAME), "type name '" + name + "' must be lower case words joined by dashes");
        assertTrue(family.factoryType().isInstance(factory), name + " is listed among the " + family.plural());
        String description = factory.description();
        assertTrue(description != null && !description.isBlank() && description.endsWith("."),
                name + ": description() must be one sentence ending with '.', got: " + description);
        for (ParamDoc param : ParamBinder.describe(factory.configType())) {
            assertFalse(param.doc().isBlank(), name + "." + param.name() + ": @Param(doc = ...) is blank");
        }
        Binding<?> binding = ParamBinder.bind(factory.configType(), params);
        assertTrue(binding.isBound(), name + ": the parameters " + params + " do not bind: " + binding.problems()
                + (params.isEmpty() ? " (override params(\"" + name + "\") to give the required ones)" : ""));
        assertNotNull(family.create(factory, binding.config()), name + ": the factory made nothing");
    }

    static void errorsCarryTheirKeys(Family<?> family, ComponentFactory<?> factory, Map<String, Object> params,
                                     ComponentResolver resolver) {
        String name = factory.name();
        assertHasProblemAt(ParamBinder.bind(factory.configType(), with(params, "noSuchParameter", 1)), "noSuchParameter", name);
        for (ParamDoc param : ParamBinder.describe(factory.configType())) {
            assertHasProblemAt(ParamBinder.bind(factory.configType(), with(params, param.name(), WRONG)), param.name(), name);
            if (param.defaultText().equals("required")) {
                Map<String, Object> without = new LinkedHashMap<>(params);
                without.remove(param.name());
                assertHasProblemAt(ParamBinder.bind(factory.configType(), without), param.name(), name);
            }
        }
        String key = "somewhere." + family.id();
        MtlException error = assertThrows(MtlException.class, () -> resolver.create(family,
                Bench.spec(name, with(params, "noSuchParameter", 1)), key));
        assertTrue(error.getMessage().contains(key + ".noSuchParameter"),
                name + ": the error of an unknown parameter names its key: " + error.getMessage());
    }

    private static void assertHasProblemAt(Binding<?> binding, String key, String component) {
        List<String> keys = binding.problems().stream().map(ParamProblem::key).toList();
        assertTrue(keys.contains(key), component + ": a problem with '" + key + "' must carry the key; got " + binding.problems());
        assertEquals(null, binding.config(), component + ": a binding with problems has no config");
    }

    private static Map<String, Object> with(Map<String, Object> params, String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(params);
        changed.put(key, value);
        return changed;
    }
}
