package dev.mtl4j.runtime.plugin;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spi.ComponentFactory;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.TableSource;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Turns a {@link ComponentSpec} into a configured component: finds the factory of the spec's type
 * in its family and binds the parameters to the factory's config record. Used for specs from the
 * DSL, which no YAML loader has checked.
 */
public final class ComponentResolver {
    private final ComponentCatalog catalog;

    @Inject
    public ComponentResolver(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The component {@code spec} describes, e.g. {@code create(Family.HEAD, task.head(), "tasks.a.head")}.
     *
     * @param key where the spec sits in a pipeline, for error messages
     */
    public <T> T create(Family<T> family, ComponentSpec spec, String key) {
        ComponentFactory<?> factory = catalog.find(family, spec.type()).orElseThrow(() -> new MtlException(
                ErrorCategory.CONFIG_INVALID, Problem.keyed(key + ".type", family.unknownType(spec.type(), catalog.names(family)))));
        Record config = bind(factory, spec, key);
        return underKey(key, () -> family.create(factory, config));
    }

    /** A data set's table source, with relative paths resolved against {@code context}. */
    public TableSource dataset(ComponentSpec spec, String key, DataContext context) {
        ConfiguredDataset dataset = create(Family.DATASET, spec, key);
        return underKey(key, () -> dataset.open(context));
    }

    /**
     * Runs a plugin's own code: a problem it reports about its parameters ({@code path}, or with no
     * key at all) is given the component's place in the pipeline ({@code data.source.path}).
     */
    private static <T> T underKey(String key, java.util.function.Supplier<T> pluginCode) {
        try {
            return pluginCode.get();
        } catch (MtlException e) {
            throw e.under(key);
        } catch (dev.mtl4j.api.spec.SpecException e) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, e.problem().under(key), e);
        }
    }

    private static Record bind(ComponentFactory<?> factory, ComponentSpec spec, String key) {
        Binding<?> binding = ParamBinder.bind(factory, spec.params());
        if (!binding.problems().isEmpty()) {
            List<Problem> problems = binding.problems().stream().map(p -> Problem.keyed(key + "." + p.key(), p.message())).toList();
            throw new MtlException(ErrorCategory.CONFIG_INVALID, problems, null);
        }
        return binding.config();
    }
}
