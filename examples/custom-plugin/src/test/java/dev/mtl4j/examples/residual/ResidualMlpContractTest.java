package dev.mtl4j.examples.residual;

import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.testkit.PluginContract;
import java.util.Map;

/**
 * The plugin keeps the contract every mtl4j plugin keeps: the testkit builds and trains small
 * networks with its encoder, checks its config errors, its name and documentation.
 */
final class ResidualMlpContractTest extends PluginContract {

    @Override
    protected Plugin plugin() {
        return new ResidualMlpPlugin();
    }

    /** Small blocks: the contract trains a few networks. */
    @Override
    protected Map<String, Object> params(String type) {
        return Map.of("width", 16, "blocks", 1);
    }
}
