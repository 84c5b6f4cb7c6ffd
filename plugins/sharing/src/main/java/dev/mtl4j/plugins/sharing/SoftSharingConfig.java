package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.spi.Param;

/**
 * The {@code soft} strategy's parameters.
 *
 * @param penalty what keeps the towers close: {@code l2} or {@code none}
 * @param coefficient c in {@code c · Σ_{pairs} ‖θ_a − θ_b‖²}
 * @param crossStitch whether learned cross-stitch units mix the towers after each layer
 */
public record SoftSharingConfig(
        @Param(doc = "penalty between corresponding tower parameters: l2 adds c·Σ‖θ_a−θ_b‖² to the loss", defaultValue = "l2")
        Penalty penalty,
        @Param(doc = "coefficient c of the L2 penalty", defaultValue = "0.001", min = 0) double coefficient,
        @Param(doc = "learned cross-stitch units (a T×T mixing matrix, initialised near the identity) after each tower layer",
                defaultValue = "false") boolean crossStitch) {

    /** How corresponding tower parameters are kept close. */
    public enum Penalty {
        NONE,
        L2
    }
}
