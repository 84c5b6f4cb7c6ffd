package dev.mtl4j.plugins.text;

import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.EncoderFactory;
import java.util.function.Supplier;

/** {@code minilm}: the frozen all-MiniLM-L6-v2 sentence encoder, cached on disk, with dense layers on top. */
public final class MiniLmFactory implements EncoderFactory<MiniLmConfig> {
    private final Supplier<SentenceEmbedder> model;

    public MiniLmFactory() {
        this(MiniLmEmbedder::new);
    }

    /** With another language model behind the cache: tests count the calls that reach it. */
    MiniLmFactory(Supplier<SentenceEmbedder> model) {
        this.model = model;
    }

    @Override
    public String name() {
        return "minilm";
    }

    @Override
    public String description() {
        return "The pretrained all-MiniLM-L6-v2 sentence encoder (384-wide, frozen, run offline, each text embedded"
                + " once and cached on disk) with trainable dense layers on top.";
    }

    @Override
    public Class<MiniLmConfig> configType() {
        return MiniLmConfig.class;
    }

    @Override
    public Encoder create(MiniLmConfig config) {
        return new MiniLmEncoder(config, model);
    }
}
