package dev.mtl4j.api.graph;

/**
 * A DL4J layer that maps a 2-D input {@code [rows, nIn]} to a 2-D output {@code [rows, nOut]} row by
 * row: no masks, no sequences, no random draws and no dropout of its own, and its gradients written
 * into its gradient views (as DL4J's fit needs anyway). The runtime's fast training step runs such a
 * layer's own forward and backward passes ({@code activate}, {@code backpropGradient}) between the
 * layers it computes itself, instead of handing the whole network to DL4J's {@code fit}; the arithmetic
 * is the layer's own, so nothing changes but the machinery around it. The runtime's column embeddings
 * declare it; a plugin's layer that keeps these promises can too. One that does not declare it (or a
 * sequence layer, whose input is 3-D) trains its network through DL4J's {@code fit}.
 */
public interface RowWiseLayer {
}
