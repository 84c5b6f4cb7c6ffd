package dev.mtl4j.testkit;

import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.plugins.heads.HeadsPlugin;

/** The built-in heads plugin keeps the contract every plugin keeps. */
final class HeadsContractTest extends PluginContract {

    @Override
    protected Plugin plugin() {
        return new HeadsPlugin();
    }
}
