package dev.mtl4j.runtime.plugin;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spi.ComponentFactory;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.DatasetFactory;
import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.EncoderFactory;
import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.HeadFactory;
import dev.mtl4j.api.spi.SharingStrategy;
import dev.mtl4j.api.spi.SharingStrategyFactory;
import dev.mtl4j.api.spi.TableSource;
import dev.mtl4j.api.spi.TaskSampler;
import dev.mtl4j.api.spi.TaskSamplerFactory;
import dev.mtl4j.api.spi.TransferStrategy;
import dev.mtl4j.api.spi.TransferStrategyFactory;
import dev.mtl4j.runtime.config.FuzzyMatcher;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ComponentSpec} into a configured component: finds the factory by type name in
 * Guice's map for its family and binds the parameters to the factory's config record. Used for
 * specs from the DSL, which no YAML loader has checked.
 */
public final class ComponentResolver {
    private final Map<String, EncoderFactory<?>> encoders;
    private final Map<String, HeadFactory<?>> heads;
    private final Map<String, SharingStrategyFactory<?>> sharing;
    private final Map<String, TransferStrategyFactory<?>> transfers;
    private final Map<String, DatasetFactory<?>> datasets;
    private final Map<String, TaskSamplerFactory<?>> samplers;

    @Inject
    public ComponentResolver(Map<String, EncoderFactory<?>> encoders, Map<String, HeadFactory<?>> heads,
                             Map<String, SharingStrategyFactory<?>> sharing, Map<String, TransferStrategyFactory<?>> transfers,
                             Map<String, DatasetFactory<?>> datasets, Map<String, TaskSamplerFactory<?>> samplers) {
        this.encoders = encoders;
        this.heads = heads;
        this.sharing = sharing;
        this.transfers = transfers;
        this.datasets = datasets;
        this.samplers = samplers;
    }

    public Encoder encoder(ComponentSpec spec, String key) {
        return create(factory(encoders, Family.ENCODER, spec, key), spec, key);
    }

    public Head head(ComponentSpec spec, String key) {
        return create(factory(heads, Family.HEAD, spec, key), spec, key);
    }

    public SharingStrategy sharing(ComponentSpec spec, String key) {
        return create(factory(sharing, Family.SHARING, spec, key), spec, key);
    }

    public TransferStrategy transfer(ComponentSpec spec, String key) {
        return create(factory(transfers, Family.TRANSFER, spec, key), spec, key);
    }

    public TaskSampler sampler(ComponentSpec spec, String key) {
        return create(factory(samplers, Family.SAMPLER, spec, key), spec, key);
    }

    public TableSource dataset(ComponentSpec spec, String key, DataContext context) {
        DatasetFactory<?> factory = factory(datasets, Family.DATASET, spec, key);
        return createSource(factory, spec, key, context);
    }

    private static <F extends ComponentFactory<?>> F factory(Map<String, F> factories, Family family,
                                                            ComponentSpec spec, String key) {
        F factory = factories.get(spec.type());
        if (factory == null) {
            String hint = FuzzyMatcher.closest(spec.type(), factories.keySet())
                    .map(n -> "; did you mean '" + n + "'?").orElse("");
            throw new MtlException(ErrorCategory.CONFIG_INVALID, key + ".type: unknown " + family.label() + " type '"
                    + spec.type() + "'" + hint + " (known: " + String.join(", ", new java.util.TreeSet<>(factories.keySet())) + ")");
        }
        return factory;
    }

    @SuppressWarnings("unchecked")
    private static <T> T create(ComponentFactory<?> factory, ComponentSpec spec, String key) {
        Record config = bind(factory, spec, key);
        if (factory instanceof EncoderFactory<?> f) {
            return (T) ((EncoderFactory<Record>) f).create(config);
        }
        if (factory instanceof HeadFactory<?> f) {
            return (T) ((HeadFactory<Record>) f).create(config);
        }
        if (factory instanceof TaskSamplerFactory<?> f) {
            return (T) ((TaskSamplerFactory<Record>) f).create(config);
        }
        if (factory instanceof TransferStrategyFactory<?> f) {
            return (T) ((TransferStrategyFactory<Record>) f).create(config);
        }
        return (T) ((SharingStrategyFactory<Record>) factory).create(config);
    }

    @SuppressWarnings("unchecked")
    private static TableSource createSource(DatasetFactory<?> factory, ComponentSpec spec, String key, DataContext context) {
        return ((DatasetFactory<Record>) factory).create(bind(factory, spec, key), context);
    }

    private static Record bind(ComponentFactory<?> factory, ComponentSpec spec, String key) {
        Binding<?> binding = ParamBinder.bind(factory, spec.params());
        if (!binding.problems().isEmpty()) {
            List<String> problems = binding.problems().stream().map(p -> key + "." + p.key() + ": " + p.message()).toList();
            throw new MtlException(ErrorCategory.CONFIG_INVALID, problems, null);
        }
        return binding.config();
    }
}
