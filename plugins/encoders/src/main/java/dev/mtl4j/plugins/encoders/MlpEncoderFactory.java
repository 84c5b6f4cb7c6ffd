package dev.mtl4j.plugins.encoders;

import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.EncoderFactory;

/** {@code mlp}: a stack of dense layers. */
public final class MlpEncoderFactory implements EncoderFactory<MlpConfig> {

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String description() {
        return "Multi-layer perceptron: dense layers of the given widths with one activation and optional dropout.";
    }

    @Override
    public Class<MlpConfig> configType() {
        return MlpConfig.class;
    }

    @Override
    public Encoder create(MlpConfig config) {
        return new MlpEncoder(config);
    }
}
