package dev.mtl4j.plugins.sharing;

/** Hard sharing has no parameters: every task reads the one encoder's output. */
public record HardSharingConfig() {
}
