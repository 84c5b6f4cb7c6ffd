package dev.mtl4j.runtime.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One block of a cross-stitch unit in the fused step's buffers, the arithmetic of
 * {@link dev.mtl4j.api.graph.TowerStitch}: forward {@code x̃_i = Σ_j α_ij x_j}; backward, with ε_i the
 * error at x̃_i, {@code ∂L/∂α_ij = Σ ε_i ⊙ x_j} (row i of α's gradient) and {@code α_ij ε_i} added to
 * each tower's error. The merge of the towers and the slices DL4J builds are never materialised: the
 * towers are read where they are and each block is its own node. Level-1 BLAS calls on the whole
 * [rows, d] arrays: a handful of native calls a block, without ND4J's op dispatch.
 */
final class FusedStitch {
    private FusedStitch() {
    }

    static void forward(int n, DenseTopology.Node node, FusedDenseStep.Buffers b) {
        DenseTopology.Stitch stitch = node.stitch();
        int[] towers = node.mixed();
        for (int j = 0; j < towers.length; j++) {
            Blas.axpy(alpha(stitch, j), b.output(towers[j]), b.activation[n], j > 0);
        }
    }

    /**
     * @param started per node, whether its error buffer already holds a contribution (then it is added
     *     to); set for the towers
     * @param gradientScale the factor of the step's gradients (1/rows when it divides them itself)
     */
    static void backward(int n, DenseTopology.Node node, FusedDenseStep.Buffers b, boolean[] started, double gradientScale) {
        DenseTopology.Stitch stitch = node.stitch();
        int[] towers = node.mixed();
        // the error at x̃_i, before the block's dropout (the towers' dropout follows the stitch)
        INDArray epsilon = b.error[n];
        for (int j = 0; j < towers.length; j++) {
            INDArray tower = b.output(towers[j]);
            stitch.alphaGradient().putScalar((long) stitch.row() * stitch.towers() + j, gradientScale * Blas.dot(epsilon, tower));
            Blas.axpy(alpha(stitch, j), epsilon, b.error[towers[j]], started[towers[j]]);
            started[towers[j]] = true;
        }
    }

    private static double alpha(DenseTopology.Stitch stitch, int j) {
        return stitch.alpha().getDouble((long) stitch.row() * stitch.towers() + j);
    }
}
