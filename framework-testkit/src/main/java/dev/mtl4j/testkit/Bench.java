package dev.mtl4j.testkit;

import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.api.spi.TargetKind;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.plugin.PluginRegistry;
import java.util.List;
import java.util.Map;

/**
 * The runtime the contract runs components in: the plugin under test and the testkit's stand-ins
 * (the default task weighting among them unless the plugin brings its own),
 * nothing found through ServiceLoader (so a plugin is tested alone, whatever else is on the class path).
 */
final class Bench {
    private final MtlRuntime runtime;

    Bench(Plugin plugin) {
        boolean ownDefaultWeighting = plugin.taskWeightings().stream()
                .anyMatch(factory -> factory.name().equals(TrainingSpec.DEFAULT_WEIGHTING));
        this.runtime = MtlRuntime.create(PluginRegistry.of(List.of(plugin, new StandIns(!ownDefaultWeighting))));
    }

    MtlRuntime runtime() {
        return runtime;
    }

    /** A component of the plugin under test, with the test's parameters. */
    static Component component(String type, Map<String, Object> params) {
        Component component = Component.of(type);
        params.forEach(component::param);
        return component;
    }

    static Component standIn(String type) {
        return Component.of(type);
    }

    /** The generated rows; {@code seed} gives another draw of the same shape. */
    static Data rows(int rows, long seed) {
        return Data.from(standIn(StandIns.DATASET).param("rows", rows).param("seed", seed));
    }

    static Data numericRows(int rows, long seed) {
        return rows(rows, seed).numeric(StandInRows.FEATURES.toArray(String[]::new)).split(0.2, seed);
    }

    /** The label columns the generated rows hold for a kind of head. */
    static List<String> labelsFor(TargetKind kind) {
        return switch (kind) {
            case CATEGORICAL, ORDINAL -> List.of("class"); // ordinal: b < c < a (x0 below -0.3, between, above 0.3)
            case BINARY -> List.of("flag");
            case MULTILABEL -> List.of("tag_a", "tag_b");
            case NUMERIC -> List.of("value");
        };
    }

    static ComponentSpec spec(String type, Map<String, Object> params) {
        return new ComponentSpec(type, params);
    }
}
