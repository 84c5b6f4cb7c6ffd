package dev.mtl4j.plugins.text;

import dev.mtl4j.api.spi.EncoderFactory;
import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.plugins.text.transformer.TransformerFactory;
import java.util.List;

/**
 * The text encoders: bag-of-words, embedding (+ cnn or lstm), the frozen MiniLM sentence encoder, and
 * the trainable MiniLM transformer.
 */
public final class TextPlugin implements Plugin {

    @Override
    public String name() {
        return "text";
    }

    @Override
    public List<EncoderFactory<?>> encoders() {
        return List.of(new BagOfWordsFactory(), new EmbeddingEncoderFactory(), new MiniLmFactory(), new TransformerFactory());
    }
}
