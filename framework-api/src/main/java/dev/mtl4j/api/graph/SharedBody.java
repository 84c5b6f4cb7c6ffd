package dev.mtl4j.api.graph;

import dev.mtl4j.api.spi.Encoder;
import java.util.Objects;

/**
 * The lower part of an encoder that does not train (a frozen pretrained body), added to the graph
 * once, and the encoder that adds the rest over it: a sharing strategy can build that rest once per
 * task (its own LoRA matrices or adapters) over the one body. See {@link Encoder#sharedBody}.
 *
 * @param vertex the body's output vertex (full name)
 * @param size its width
 * @param top builds the trainable rest of the encoder; its {@code build} reads {@code vertex}
 */
public record SharedBody(String vertex, int size, Encoder top) {

    public SharedBody {
        Objects.requireNonNull(vertex, "vertex");
        Objects.requireNonNull(top, "top");
        if (size < 1) {
            throw new IllegalArgumentException("a shared body's width must be positive, got " + size);
        }
    }
}
