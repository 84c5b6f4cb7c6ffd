package dev.mtl4j.plugins.sampling;

/** The config of a sampler without parameters (proportional, round-robin, uniform). */
public record NoParams() {
}
