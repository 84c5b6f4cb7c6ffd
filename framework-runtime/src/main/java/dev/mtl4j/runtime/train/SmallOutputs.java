package dev.mtl4j.runtime.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An output layer's loss and dL/dz computed in Java when the batch's outputs are small (up to
 * {@value #MAX_ELEMENTS} values, e.g. 64 rows of 9 classes or 256 rows of 4 regression targets): the
 * arithmetic of {@link FastGradients}' ND4J ops (softmax with DL4J's clipping, cross-entropy, squared or
 * absolute error, label masks), from copies of the arrays, in one pass. Why: at these sizes each ND4J
 * op costs 8-25 µs of dispatch for a few hundred flops, and a softmax head took five of them; a copy in
 * and out is a microsecond. Arrays must be float, row-major and contiguous (the step's buffers and an
 * epoch's row views are); {@link #fits} says when this applies. One instance per batch size.
 */
final class SmallOutputs {
    static final int MAX_ELEMENTS = 1 << 15;
    private final float[] z;
    private final float[] y;
    private final float[] mask;
    private final float[] delta;

    SmallOutputs(int elements) {
        z = new float[elements];
        y = new float[elements];
        mask = new float[elements];
        delta = new float[elements];
    }

    /** Whether these arrays can be computed here: small enough and laid out row by row. */
    boolean fits(INDArray logits, INDArray labels, INDArray labelMask, INDArray out) {
        return logits.length() <= z.length && rowMajor(logits) && rowMajor(labels) && rowMajor(out)
                && labels.length() == logits.length() && out.length() == logits.length()
                && (labelMask == null || (rowMajor(labelMask) && labelMask.size(0) == logits.size(0)
                && (labelMask.size(1) == 1 || labelMask.size(1) == logits.size(1))));
    }

    /**
     * Softmax cross-entropy: returns {@code -Σ mask · y · log(max(p, clip))} over the batch and writes
     * dL/dz = {@code (p - y) · mask} into {@code out}, p the row-wise softmax of the logits.
     */
    double softmaxCrossEntropy(INDArray logits, INDArray labels, INDArray labelMask, INDArray out, double clip) {
        int rows = (int) logits.size(0);
        int cols = (int) logits.size(1);
        int maskCols = read(logits, labels, labelMask);
        float eps = (float) clip;
        double score = 0;
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            float max = z[row];
            for (int j = 1; j < cols; j++) {
                max = Math.max(max, z[row + j]);
            }
            float sum = 0;
            for (int j = 0; j < cols; j++) {
                float e = (float) Math.exp(z[row + j] - max);
                delta[row + j] = e;
                sum += e;
            }
            for (int j = 0; j < cols; j++) {
                float p = delta[row + j] / sum;
                float m = maskCols == 0 ? 1f : mask[r * maskCols + (maskCols == 1 ? 0 : j)];
                float label = y[row + j];
                if (label != 0) {
                    score += (double) ((float) Math.log(Math.max(p, eps)) * m) * label;
                }
                delta[row + j] = (p - label) * m;
            }
        }
        write(out, rows * cols);
        return -score;
    }

    /**
     * Squared ({@code squared}) or absolute error: returns {@code Σ mask · (z - y)²} (or {@code |z - y|})
     * over the batch and writes {@code factor · mask · (z - y)} (or {@code · sign(z - y)}) into {@code out}.
     */
    double regression(boolean squared, INDArray logits, INDArray labels, INDArray labelMask, INDArray out, double factor) {
        int rows = (int) logits.size(0);
        int cols = (int) logits.size(1);
        int maskCols = read(logits, labels, labelMask);
        float scale = (float) factor;
        double score = 0;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                int i = r * cols + j;
                float m = maskCols == 0 ? 1f : mask[r * maskCols + (maskCols == 1 ? 0 : j)];
                float difference = z[i] - y[i];
                score += squared ? difference * difference * m : Math.abs(difference) * m;
                delta[i] = (squared ? difference : Math.signum(difference)) * m * scale;
            }
        }
        write(out, rows * cols);
        return score;
    }

    /** Copies logits, labels and mask in; returns the mask's width (0 without one). */
    private int read(INDArray logits, INDArray labels, INDArray labelMask) {
        int n = (int) logits.length();
        FloatAddress.of(logits).get(z, 0, n);
        FloatAddress.of(labels).get(y, 0, n);
        if (labelMask == null) {
            return 0;
        }
        FloatAddress.of(labelMask).get(mask, 0, (int) labelMask.length());
        return (int) labelMask.size(1);
    }

    private void write(INDArray out, int n) {
        FloatAddress.of(out).put(delta, 0, n);
    }

    private static boolean rowMajor(INDArray x) {
        return x.dataType() == DataType.FLOAT && x.rank() == 2 && (x.size(1) == 1 || x.stride(1) == 1)
                && (x.size(0) == 1 || x.stride(0) == x.size(1));
    }
}
