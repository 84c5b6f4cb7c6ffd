package dev.mtl4j.testkit;

import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.plugins.text.TextPlugin;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The built-in text plugin keeps the contract every plugin keeps. */
final class TextContractTest extends PluginContract {
    @TempDir
    static Path cache;

    @Override
    protected Plugin plugin() {
        return new TextPlugin();
    }

    /**
     * The language model's embedding cache in a temporary folder, not the user's; the transformer cut
     * to its lowest layer and 8 word pieces, LoRA-tuned, so that the contract's trainings take seconds.
     */
    @Override
    protected Map<String, Object> params(String type) {
        return switch (type) {
            case "minilm" -> Map.of("cache", cache.toString());
            case "transformer" -> Map.of("depth", 1, "maxLength", 8, "loraRank", 2);
            default -> Map.of();
        };
    }
}
