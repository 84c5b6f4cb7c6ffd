package dev.mtl4j.api.graph;

/**
 * A DL4J layer that mixes T towers' activations at one depth, as a cross-stitch unit does (Misra et al.
 * 2016): its input is the towers side by side, {@code [x_1 | … | x_T]}, each of width d; its output
 * has the same shape, block i being {@code x̃_i = Σ_j α_ij x_j}. Its one parameter is the T×T matrix
 * α, stored row by row in the layer's parameter view (α_ij at {@code i·T + j}). A layer configuration
 * that implements this (the {@code soft} sharing strategy's cross-stitch unit does) is computed
 * directly by the runtime's fast training step, which reads the blocks where the towers write them
 * and the slices the towers read back ({@code SubsetVertex}es of one block each); it must therefore
 * compute exactly this, forward and backward ({@code ∂L/∂x_j = Σ_i α_ij ε_i},
 * {@code ∂L/∂α_ij = Σ ε_i ⊙ x_j} over rows and units, ε_i the error at x̃_i). A layer of a plugin's
 * own that does not declare it trains through DL4J's {@code fit}.
 */
public interface TowerStitch {

    /** T, the number of towers mixed. */
    int getTowers();
}
