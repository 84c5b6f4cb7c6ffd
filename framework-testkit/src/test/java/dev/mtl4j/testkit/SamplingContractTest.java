package dev.mtl4j.testkit;

import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.plugins.sampling.SamplingPlugin;

/** The built-in sampling plugin keeps the contract every plugin keeps. */
final class SamplingContractTest extends PluginContract {

    @Override
    protected Plugin plugin() {
        return new SamplingPlugin();
    }
}
