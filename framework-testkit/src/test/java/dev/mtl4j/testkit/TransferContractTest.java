package dev.mtl4j.testkit;

import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.plugins.transfer.TransferPlugin;

/** The built-in transfer plugin keeps the contract every plugin keeps. */
final class TransferContractTest extends PluginContract {

    @Override
    protected Plugin plugin() {
        return new TransferPlugin();
    }
}
