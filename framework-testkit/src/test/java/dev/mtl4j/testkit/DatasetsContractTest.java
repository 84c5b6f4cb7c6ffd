package dev.mtl4j.testkit;

import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.plugins.datasets.DatasetsPlugin;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/** The built-in data-set plugin keeps the contract every plugin keeps, reading a small CSV file. */
final class DatasetsContractTest extends PluginContract {

    @Override
    protected Plugin plugin() {
        return new DatasetsPlugin();
    }

    @Override
    protected Map<String, Object> params(String type) {
        try {
            Path file = Path.of(getClass().getResource("/contract.csv").toURI());
            return type.equals("csv") ? Map.of("path", file.toString()) : Map.of();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
