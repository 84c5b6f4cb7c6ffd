package dev.mtl4j.testkit;

import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.plugins.weighting.WeightingPlugin;

/** The built-in task-weighting plugin keeps the contract every plugin keeps. */
final class WeightingContractTest extends PluginContract {

    @Override
    protected Plugin plugin() {
        return new WeightingPlugin();
    }
}
