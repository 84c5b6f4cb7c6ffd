package dev.mtl4j.examples.residual;

import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.EncoderFactory;

/** {@code residual-mlp}: a third-party encoder, found by ServiceLoader when its jar is on the class path. */
public final class ResidualMlpFactory implements EncoderFactory<ResidualMlpConfig> {

    @Override
    public String name() {
        return "residual-mlp";
    }

    @Override
    public String description() {
        return "Example third-party encoder: a dense projection followed by residual blocks.";
    }

    @Override
    public Class<ResidualMlpConfig> configType() {
        return ResidualMlpConfig.class;
    }

    @Override
    public Encoder create(ResidualMlpConfig config) {
        return new ResidualMlpEncoder(config);
    }
}
