package dev.mtl4j.runtime.plugin;

import dev.mtl4j.api.spi.ComponentFactory;
import dev.mtl4j.api.spi.DatasetFactory;
import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.EncoderFactory;
import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.HeadFactory;
import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.api.spi.SharingStrategy;
import dev.mtl4j.api.spi.SharingStrategyFactory;
import dev.mtl4j.api.spi.TaskSampler;
import dev.mtl4j.api.spi.TaskSamplerFactory;
import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.api.spi.TaskWeightingFactory;
import dev.mtl4j.api.spi.TransferStrategy;
import dev.mtl4j.api.spi.TransferStrategyFactory;
import dev.mtl4j.runtime.suggest.FuzzyMatcher;
import java.util.List;
import java.util.SortedSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One kind of component a plugin can provide, each with its own name space of types. This is the
 * only list of families: the registry collects each family from every {@link Plugin} through
 * {@link #provided}, Guice binds one map per family, the resolver creates components through
 * {@link #create}, and {@code mtl plugins}, {@code mtl describe} and the YAML reader iterate
 * {@link #all()}. Adding a family is one constant here (and its factory and {@code Plugin} method in
 * the API).
 *
 * @param <T> what the family's factories make from a bound config
 */
public final class Family<T> {
    public static final Family<Encoder> ENCODER = new Family<>("encoder", "encoder", "encoders",
            EncoderFactory.class, Plugin::encoders,
            (f, c) -> Family.<EncoderFactory<Record>>as(f).create(c));
    public static final Family<Head> HEAD = new Family<>("head", "head", "heads",
            HeadFactory.class, Plugin::heads,
            (f, c) -> Family.<HeadFactory<Record>>as(f).create(c));
    public static final Family<SharingStrategy> SHARING = new Family<>("sharing", "sharing strategy", "sharing strategies",
            SharingStrategyFactory.class, Plugin::sharingStrategies,
            (f, c) -> Family.<SharingStrategyFactory<Record>>as(f).create(c));
    public static final Family<TransferStrategy> TRANSFER = new Family<>("transfer", "transfer strategy", "transfer strategies",
            TransferStrategyFactory.class, Plugin::transferStrategies,
            (f, c) -> Family.<TransferStrategyFactory<Record>>as(f).create(c));
    /** A data set is opened against a {@code DataContext} later, so this family makes a configured data set. */
    public static final Family<ConfiguredDataset> DATASET = new Family<>("dataset", "data set", "data sets",
            DatasetFactory.class, Plugin::datasets,
            (f, c) -> new ConfiguredDataset(Family.<DatasetFactory<Record>>as(f), c));
    public static final Family<TaskSampler> SAMPLER = new Family<>("sampler", "task sampler", "task samplers",
            TaskSamplerFactory.class, Plugin::taskSamplers,
            (f, c) -> Family.<TaskSamplerFactory<Record>>as(f).create(c));

    public static final Family<TaskWeighting> WEIGHTING = new Family<>("weighting", "task weighting", "task weightings",
            TaskWeightingFactory.class, Plugin::taskWeightings,
            (f, c) -> Family.<TaskWeightingFactory<Record>>as(f).create(c));

    private static final List<Family<?>> ALL = List.of(ENCODER, HEAD, SHARING, TRANSFER, DATASET, SAMPLER, WEIGHTING);

    private final String id;
    private final String label;
    private final String plural;
    private final Class<?> factoryType;
    private final Function<Plugin, List<? extends ComponentFactory<?>>> provided;
    private final BiFunction<ComponentFactory<?>, Record, T> creator;

    private Family(String id, String label, String plural, Class<?> factoryType,
                   Function<Plugin, List<? extends ComponentFactory<?>>> provided,
                   BiFunction<ComponentFactory<?>, Record, T> creator) {
        this.id = id;
        this.label = label;
        this.plural = plural;
        this.factoryType = factoryType;
        this.provided = provided;
        this.creator = creator;
    }

    /** Every family, in the order listings show them. */
    public static List<Family<?>> all() {
        return ALL;
    }

    /** A short stable identifier: "encoder", "sharing" (schema definitions, tests). */
    public String id() {
        return id;
    }

    /** How messages name the family: "encoder", "sharing strategy". */
    public String label() {
        return label;
    }

    /** The family's name in listings: "encoders", "sharing strategies". */
    public String plural() {
        return plural;
    }

    /** The factory interface of the family's components, e.g. {@code HeadFactory}. */
    public Class<?> factoryType() {
        return factoryType;
    }

    /** The components of this family that a plugin provides (may throw: it is the plugin's code). */
    public List<? extends ComponentFactory<?>> provided(Plugin plugin) {
        List<? extends ComponentFactory<?>> factories = provided.apply(plugin);
        return factories == null ? List.of() : factories;
    }

    /** Makes the component from one of this family's factories and a config bound to its record. */
    public T create(ComponentFactory<?> factory, Record config) {
        return creator.apply(factory, config);
    }

    /**
     * The message for a type no plugin provides, with a suggestion, the known types, and a hint when
     * the family has none at all (a plugin jar missing from the class path).
     */
    public String unknownType(String type, SortedSet<String> known) {
        String suggestion = FuzzyMatcher.closest(type, known).map(m -> "; did you mean '" + m + "'?").orElse("");
        String listing = known.isEmpty()
                ? "no plugin on the class path provides a " + label + "; add the jar that does (mtl4j-starter brings every built-in one)"
                : "known: " + String.join(", ", known);
        return "unknown " + label + " type '" + type + "'" + suggestion + " (" + listing + ")";
    }

    @Override
    public String toString() {
        return id;
    }

    /** The one unchecked cast: the registry has checked that a factory is of its family's type. */
    @SuppressWarnings("unchecked")
    private static <F> F as(ComponentFactory<?> factory) {
        return (F) factory;
    }
}
