package dev.mtl4j.runtime.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.util.Types;
import dev.mtl4j.api.spi.ComponentFactory;

/**
 * Adapts what ServiceLoader found into Guice: the registry, and for each {@link Family} a
 * {@code Map<String, XxxFactory<?>>} keyed by type name (e.g. an application's own module can inject
 * {@code Map<String, HeadFactory<?>>}). Plugins themselves never see Guice. Duplicate names were
 * already rejected by the registry with both jars named, which MapBinder's own error would not do.
 */
public final class PluginModule extends AbstractModule {
    private final PluginRegistry registry;

    public PluginModule(ClassLoader loader) {
        this(PluginRegistry.discover(loader));
    }

    public PluginModule(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void configure() {
        bind(PluginRegistry.class).toInstance(registry);
        bind(ComponentCatalog.class).toInstance(registry);
        for (Family<?> family : Family.all()) {
            MapBinder<String, ComponentFactory<?>> factories =
                    MapBinder.newMapBinder(binder(), TypeLiteral.get(String.class), factoryLiteral(family));
            registry.factories(family).forEach((name, factory) -> factories.addBinding(name).toInstance(factory));
        }
    }

    /** {@code XxxFactory<?>} of a family, the type its map's values are bound as. */
    @SuppressWarnings("unchecked")
    private static TypeLiteral<ComponentFactory<?>> factoryLiteral(Family<?> family) {
        return (TypeLiteral<ComponentFactory<?>>) TypeLiteral.get(
                Types.newParameterizedType(family.factoryType(), Types.subtypeOf(Object.class)));
    }
}
