package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spi.Param;
import java.util.List;

/**
 * The {@code fine-tune} strategy's parameters.
 *
 * @param lr the learning rate of the encoder's top layer; absent: the pipeline's
 * @param decay each lower layer's learning rate is this factor of the one above (discriminative rates)
 * @param freeze how many of the lowest encoder layers stay frozen
 * @param frozen encoder layers that stay frozen, by name
 */
public record FineTuneConfig(
        @Param(doc = "learning rate of the encoder's top layer; the pipeline's learning rate when absent",
                defaultValue = Param.NONE, min = 0) Double lr,
        @Param(doc = "each lower encoder layer learns at this factor of the rate of the layer above it",
                defaultValue = "1.0", min = 1e-6, max = 1) double decay,
        @Param(doc = "how many of the lowest encoder layers stay frozen", defaultValue = "0", min = 0) int freeze,
        @Param(doc = "encoder layers that stay frozen, by vertex name (shared/encoder/dense_0) or its last part (dense_0)",
                defaultValue = "[]") List<String> frozen) {

    public FineTuneConfig {
        frozen = List.copyOf(frozen);
    }

    public FineTuneConfig(Double lr, double decay, int freeze) {
        this(lr, decay, freeze, List.of());
    }
}
