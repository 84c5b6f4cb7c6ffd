package dev.mtl4j.runtime.transfer;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.TargetDataSpec;
import dev.mtl4j.api.spi.TransferStrategy;
import dev.mtl4j.runtime.plugin.ComponentResolver;
import dev.mtl4j.runtime.plugin.Family;

/** Resolves a strategy and checks it against what the pipeline gives it, before any data is read. */
public final class Strategies {
    private Strategies() {
    }

    /**
     * The strategy of an ordinary pipeline ({@code strategy:}): domain adaptation, with target rows,
     * or meta-learning.
     *
     * @throws MtlException CONFIG_INVALID for a strategy that needs a source model, a domain-adaptation
     *     strategy without {@code data.target}, or target rows for any other strategy
     */
    public static TransferStrategy fromScratch(ComponentResolver resolver, ComponentSpec spec, TargetDataSpec target) {
        TransferStrategy strategy = resolver.create(Family.TRANSFER, spec, "strategy");
        if (strategy.domainAlignment() == null && strategy.metaLearner() == null) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("strategy", "'" + spec.type() + "' carries a trained model to"
                    + " new tasks; write a transfer pipeline (transfer: { from: model.zip, strategy: { type: " + spec.type()
                    + " } }) or choose domain-adversarial, coral, reptile or fomaml"));
        }
        requireTargetFits(strategy, spec, target, "data.target");
        return strategy;
    }

    /**
     * The strategy of a transfer pipeline. A meta-learning strategy takes every parameter it does not
     * set from the source model's own strategy, when that is a meta-learning strategy too: adapting
     * runs the inner loop the model was meta-trained with.
     *
     * @param sourceStrategy the source model's strategy, or null
     */
    public static TransferStrategy inTransfer(ComponentResolver resolver, ComponentSpec spec, ComponentSpec sourceStrategy) {
        TransferStrategy strategy = resolver.create(Family.TRANSFER, spec, "transfer.strategy");
        if (strategy.metaLearner() == null || sourceStrategy == null
                || resolver.create(Family.TRANSFER, sourceStrategy, "transfer.from").metaLearner() == null) {
            return strategy;
        }
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>(sourceStrategy.params());
        params.putAll(spec.params());
        return resolver.create(Family.TRANSFER, new ComponentSpec(spec.type(), params), "transfer.strategy");
    }

    /** Target rows go with a domain-adaptation strategy, and it with them. */
    static void requireTargetFits(TransferStrategy strategy, ComponentSpec spec, TargetDataSpec target, String key) {
        if (strategy.domainAlignment() != null && target == null) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed(key, "strategy '" + spec.type() + "' aligns the source"
                    + " rows with unlabelled rows of the target domain; name them: " + key
                    + ": { source: { type: csv, path: target.csv } }"));
        }
        if (strategy.domainAlignment() == null && target != null) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed(key, "only a domain-adaptation strategy (domain-adversarial,"
                    + " coral) reads target rows; strategy '" + spec.type() + "' does not; remove " + key));
        }
    }
}
