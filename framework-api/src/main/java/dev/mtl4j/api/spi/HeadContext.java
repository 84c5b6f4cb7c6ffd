package dev.mtl4j.api.spi;

/**
 * What a head needs to know when it builds its output layer. It carries no task weight on purpose:
 * a head builds the task's own, unweighted loss L_i, and the runtime owns the joint loss
 * {@code L = Σ λ_i(t) · L_i} (static or learned weights, or a combination of per-task gradients),
 * so no weight is ever stored in the network's configuration.
 *
 * @param target the task's labels as the data describes them
 */
public record HeadContext(TargetInfo target) {
}
