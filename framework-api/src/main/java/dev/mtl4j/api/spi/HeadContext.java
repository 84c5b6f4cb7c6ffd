package dev.mtl4j.api.spi;

/**
 * What a head needs to know when it builds its output layer.
 *
 * @param target the task's labels as the data describes them
 * @param weight λ, the task's weight in the joint loss; the head must scale its loss and gradient by it
 */
public record HeadContext(TargetInfo target, double weight) {
}
