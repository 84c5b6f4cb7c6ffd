package dev.mtl4j.api.spi;

import org.nd4j.linalg.learning.config.IUpdater;

/**
 * What a head needs to know when it builds its output layer. It carries no task weight on purpose:
 * a head builds the task's own, unweighted loss L_i, and the runtime owns the joint loss
 * {@code L = Σ λ_i(t) · L_i} (static or learned weights, or a combination of per-task gradients),
 * so no weight is ever stored in the network's configuration.
 *
 * @param target the task's labels as the data describes them
 * @param optimizer the pipeline's optimizer (with its learning rate), for a head that fixes some of its
 *     parameters (an updater with learning rate 0) and must give the others the optimizer every
 *     other layer gets, since DL4J then asks for both explicitly
 */
public record HeadContext(TargetInfo target, IUpdater optimizer) {

    public HeadContext {
        if (target == null || optimizer == null) {
            throw new IllegalArgumentException("a head context needs the task's target and the pipeline's optimizer");
        }
    }
}
