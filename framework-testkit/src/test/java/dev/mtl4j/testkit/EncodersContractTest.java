package dev.mtl4j.testkit;

import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.plugins.encoders.EncodersPlugin;
import java.util.List;
import java.util.Map;

/** The built-in encoders plugin keeps the contract every plugin keeps. */
final class EncodersContractTest extends PluginContract {

    @Override
    protected Plugin plugin() {
        return new EncodersPlugin();
    }

    @Override
    protected Map<String, Object> params(String type) {
        return type.equals("mlp") ? Map.of("hidden", List.of(16)) : Map.of();
    }
}
