package dev.mtl4j.plugins.encoders;

import dev.mtl4j.api.spi.EncoderFactory;
import dev.mtl4j.api.spi.Plugin;
import java.util.List;

/** The built-in encoders. */
public final class EncodersPlugin implements Plugin {

    @Override
    public String name() {
        return "encoders";
    }

    @Override
    public List<EncoderFactory<?>> encoders() {
        return List.of(new MlpEncoderFactory());
    }
}
