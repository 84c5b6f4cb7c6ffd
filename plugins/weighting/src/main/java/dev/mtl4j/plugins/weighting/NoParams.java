package dev.mtl4j.plugins.weighting;

/** The config of a method without parameters. */
public record NoParams() {
}
