package dev.mtl4j.testkit;

import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.plugins.sharing.SharingPlugin;
import java.util.Map;

/** The built-in sharing plugin keeps the contract every plugin keeps. */
final class SharingContractTest extends PluginContract {

    @Override
    protected Plugin plugin() {
        return new SharingPlugin();
    }

    @Override
    protected Map<String, Object> params(String type) {
        return type.equals("attention") ? Map.of("kind", "mmoe", "experts", 2) : Map.of();
    }
}
