package dev.mtl4j.plugins.text.transformer;

import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.EncoderFactory;

/**
 * {@code transformer}: all-MiniLM-L6-v2 as trainable DL4J layers, loaded from its pretrained weights,
 * fine-tuned fully, through LoRA or adapters, or frozen.
 */
public final class TransformerFactory implements EncoderFactory<TransformerConfig> {
    /** Read once per runtime: every transformer network of it uses the same pretrained weights. */
    private final SharedWeights weights = new SharedWeights();
    /** The frozen layers' outputs, shared by the runtime's networks (a sweep over seeds or tunings). */
    private final PrefixCaches caches = new PrefixCaches();

    @Override
    public String name() {
        return "transformer";
    }

    @Override
    public String description() {
        return "The pretrained all-MiniLM-L6-v2 transformer as layers of the network (word pieces in, mean-pooled"
                + " unit-length sentence vector out): its top layers fine-tuned, or tuned through LoRA or bottleneck"
                + " adapters with the pretrained weights frozen, or frozen entirely.";
    }

    @Override
    public Class<TransformerConfig> configType() {
        return TransformerConfig.class;
    }

    @Override
    public Encoder create(TransformerConfig config) {
        return new TransformerEncoder(config, weights, caches);
    }
}
