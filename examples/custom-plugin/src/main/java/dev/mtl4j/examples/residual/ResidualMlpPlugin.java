package dev.mtl4j.examples.residual;

import dev.mtl4j.api.spi.EncoderFactory;
import dev.mtl4j.api.spi.Plugin;
import java.util.List;

/** The whole plugin: one entry point, one line in META-INF/services. */
public final class ResidualMlpPlugin implements Plugin {

    @Override
    public String name() {
        return "residual-mlp-example";
    }

    @Override
    public List<EncoderFactory<?>> encoders() {
        return List.of(new ResidualMlpFactory());
    }
}
