package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.spi.Param;

/**
 * The {@code attention} strategy's parameters.
 *
 * @param kind which attention: mixture of experts (mmoe), task attention masks (mtan), or customised gate control (cgc)
 * @param experts shared experts (mmoe, cgc)
 * @param taskExperts experts each task owns (cgc)
 */
public record AttentionSharingConfig(
        @Param(doc = "mmoe: experts with a softmax gate per task (Ma et al. 2018); mtan: per-task sigmoid attention "
                + "masks over the shared encoder's layers (Liu et al. 2019); cgc: shared plus task-specific experts, "
                + "a gate per task (Tang et al. 2020)") Kind kind,
        @Param(doc = "number of shared experts, each an instance of the encoder (mmoe, cgc)", defaultValue = "4", min = 1)
        int experts,
        @Param(doc = "number of experts each task owns (cgc)", defaultValue = "1", min = 1) int taskExperts) {

    /** The attention mechanism. */
    public enum Kind {
        MMOE,
        MTAN,
        CGC
    }
}
