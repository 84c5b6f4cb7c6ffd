package dev.mtl4j.api.graph;

/**
 * A DL4J layer without parameters that mixes experts by a gate: its input is the gate's row of
 * weights followed by the experts' outputs, {@code [g | e_1 | … | e_n]}, each expert of width d, and
 * its output is {@code Σ_k g_k · e_k}, of width d. A layer configuration that implements this (the
 * {@code mmoe} and {@code cgc} sharing strategies' mixture does) is computed directly by the runtime's
 * fast training step instead of through DL4J's {@code fit}; it must therefore compute exactly this,
 * forward and backward ({@code ∂L/∂e_k = g_k ε}, {@code ∂L/∂g_k = Σ_units ε ⊙ e_k}, row by row). A
 * layer of a plugin's own that does not declare it trains through DL4J's {@code fit}.
 */
public interface GatedMixture {

    /** n, the number of experts mixed. */
    int getExperts();

    /** d, the width of each expert's output and of the mixture. */
    int getWidth();
}
