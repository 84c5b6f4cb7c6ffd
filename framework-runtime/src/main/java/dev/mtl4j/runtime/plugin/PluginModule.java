package dev.mtl4j.runtime.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import dev.mtl4j.api.spi.DatasetFactory;
import dev.mtl4j.api.spi.EncoderFactory;
import dev.mtl4j.api.spi.HeadFactory;
import dev.mtl4j.api.spi.SharingStrategyFactory;
import dev.mtl4j.api.spi.TaskSamplerFactory;
import dev.mtl4j.api.spi.TransferStrategyFactory;

/**
 * Adapts what ServiceLoader found into Guice: one {@code MapBinder<String, XxxFactory<?>>} per
 * family, keyed by type name. Plugins themselves never see Guice. Duplicate names were already
 * rejected by the registry with both jars named, which MapBinder's own error would not do.
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
        MapBinder<String, EncoderFactory<?>> encoders =
                MapBinder.newMapBinder(binder(), new TypeLiteral<String>() { }, new TypeLiteral<EncoderFactory<?>>() { });
        MapBinder<String, HeadFactory<?>> heads =
                MapBinder.newMapBinder(binder(), new TypeLiteral<String>() { }, new TypeLiteral<HeadFactory<?>>() { });
        MapBinder<String, SharingStrategyFactory<?>> sharing =
                MapBinder.newMapBinder(binder(), new TypeLiteral<String>() { }, new TypeLiteral<SharingStrategyFactory<?>>() { });
        MapBinder<String, TransferStrategyFactory<?>> transfers =
                MapBinder.newMapBinder(binder(), new TypeLiteral<String>() { }, new TypeLiteral<TransferStrategyFactory<?>>() { });
        MapBinder<String, DatasetFactory<?>> datasets =
                MapBinder.newMapBinder(binder(), new TypeLiteral<String>() { }, new TypeLiteral<DatasetFactory<?>>() { });
        MapBinder<String, TaskSamplerFactory<?>> samplers =
                MapBinder.newMapBinder(binder(), new TypeLiteral<String>() { }, new TypeLiteral<TaskSamplerFactory<?>>() { });
        registry.factories(Family.ENCODER).forEach((name, f) -> encoders.addBinding(name).toInstance((EncoderFactory<?>) f));
        registry.factories(Family.HEAD).forEach((name, f) -> heads.addBinding(name).toInstance((HeadFactory<?>) f));
        registry.factories(Family.SHARING).forEach((name, f) -> sharing.addBinding(name).toInstance((SharingStrategyFactory<?>) f));
        registry.factories(Family.TRANSFER).forEach((name, f) -> transfers.addBinding(name).toInstance((TransferStrategyFactory<?>) f));
        registry.factories(Family.DATASET).forEach((name, f) -> datasets.addBinding(name).toInstance((DatasetFactory<?>) f));
        registry.factories(Family.SAMPLER).forEach((name, f) -> samplers.addBinding(name).toInstance((TaskSamplerFactory<?>) f));
    }
}
