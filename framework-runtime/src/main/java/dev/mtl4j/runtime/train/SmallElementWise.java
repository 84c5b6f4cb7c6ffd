package dev.mtl4j.runtime.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The fused step's element-wise work on small arrays in Java — ReLU forward and backward, dropout's
 * mask and its scale, and (with {@link FusedMixture}) the gated sum of experts — from copies of the
 * arrays, in one pass each. Why: an ND4J op costs 8-25 µs of dispatch (an op object, an op context,
 * shape buffers) whatever its size, and a perf profile of an income-mmoe step found those ops, not
 * arithmetic, to be most of it; on a 64 × 128 activation the arithmetic and the copies take about a
 * microsecond. The arithmetic is ND4J's, in the same order (float products and sums), so the results
 * are the same; {@code FusedDenseStepTest} holds the step to DL4J's fit. Each method returns false,
 * doing nothing, when an array is not a contiguous float array laid out as the others (the caller then
 * uses ND4J). One instance per batch size: not for concurrent use.
 */
final class SmallElementWise {
    static final int MAX_ELEMENTS = 1 << 14;
    /** Scratch arrays, grown as needed: 0-2 for operands, 3-4 for a mixture's gate and its error. */
    private final float[][] slots = {new float[0], new float[0], new float[0], new float[0], new float[0]};

    /** {@code a = max(z, 0)}, as ND4J's {@code RectifiedLinear} with cutoff 0 computes it ({@code z < 0 ? 0 : z}). */
    boolean relu(INDArray z, INDArray a) {
        if (!fits(z, a)) {
            return false;
        }
        int n = (int) z.length();
        float[] x = read(z, 0, n);
        for (int i = 0; i < n; i++) {
            x[i] = x[i] < 0f ? 0f : x[i];
        }
        write(a, x, n);
        return true;
    }

    /**
     * A ReLU layer's dL/dz into {@code z} (its preactivation, overwritten): {@code step(z) · e}, times
     * the dropout mask when {@code mask} is not null — DL4J's derivative (1 where z > 0, else 0) and
     * the same products as ND4J's {@code Step}, then {@code muli(e)}, then {@code muli(mask)}.
     */
    boolean reluDelta(INDArray z, INDArray e, INDArray mask) {
        if (mask == null ? !fits(z, e) : !fits(z, e, mask)) {
            return false;
        }
        int n = (int) z.length();
        float[] x = read(z, 0, n);
        float[] error = read(e, 1, n);
        if (mask == null) {
            for (int i = 0; i < n; i++) {
                x[i] = (x[i] > 0 ? 1f : 0f) * error[i];
            }
        } else {
            float[] m = read(mask, 2, n);
            for (int i = 0; i < n; i++) {
                x[i] = (x[i] > 0 ? 1f : 0f) * error[i] * m[i];
            }
        }
        write(z, x, n);
        return true;
    }

    /** {@code out = a ⊙ b}. */
    boolean multiply(INDArray a, INDArray b, INDArray out) {
        if (!fits(a, b, out)) {
            return false;
        }
        int n = (int) a.length();
        float[] x = read(a, 0, n);
        float[] y = read(b, 1, n);
        for (int i = 0; i < n; i++) {
            x[i] = x[i] * y[i];
        }
        write(out, x, n);
        return true;
    }

    /** {@code x = x · factor}, the factor in float as ND4J's scalar op takes it. */
    boolean scale(INDArray x, double factor) {
        if (!fits(x)) {
            return false;
        }
        int n = (int) x.length();
        float f = (float) factor;
        float[] values = read(x, 0, n);
        for (int i = 0; i < n; i++) {
            values[i] = values[i] * f;
        }
        write(x, values, n);
        return true;
    }

    /**
     * A gated mixture's output {@code y = Σ_k g_k e_k}: {@code gate} [rows, K] (row-major), the K
     * experts' outputs and {@code y} [rows, width] — ND4J's broadcast products summed in expert order.
     */
    boolean mixtureForward(INDArray gate, INDArray[] experts, INDArray y) {
        int rows = (int) y.size(0);
        int width = (int) y.size(1);
        if (!rowMajor(gate, rows, experts.length) || !fits(y) || order(y) != 'c' || !allFit(y, experts)) {
            return false;
        }
        int k = experts.length;
        float[] g = read(gate, 3, rows * k);
        float[] sum = slot(0, rows * width);
        for (int e = 0; e < k; e++) {
            float[] x = read(experts[e], 1, rows * width);
            for (int r = 0; r < rows; r++) {
                float weight = g[r * k + e];
                int row = r * width;
                for (int j = 0; j < width; j++) {
                    sum[row + j] = e == 0 ? x[row + j] * weight : sum[row + j] + x[row + j] * weight;
                }
            }
        }
        write(y, sum, rows * width);
        return true;
    }

    /**
     * A gated mixture's backward from the error {@code epsilon} at its output: the gate's error
     * {@code gateError[r, k] = Σ_j ε[r, j] e_k[r, j]} and each expert's {@code g_k ε}, added to the
     * expert's error where {@code accumulate[k]}, else written.
     */
    boolean mixtureBackward(INDArray epsilon, INDArray gate, INDArray gateError, INDArray[] experts, INDArray[] expertErrors,
                            boolean[] accumulate) {
        int rows = (int) epsilon.size(0);
        int width = (int) epsilon.size(1);
        int k = experts.length;
        if (!rowMajor(gate, rows, k) || !rowMajor(gateError, rows, k) || !fits(epsilon) || order(epsilon) != 'c'
                || !allFit(epsilon, experts) || !allFit(epsilon, expertErrors)) {
            return false;
        }
        int n = rows * width;
        float[] eps = read(epsilon, 0, n);
        float[] g = read(gate, 3, rows * k);
        float[] gError = slot(4, rows * k);
        for (int e = 0; e < k; e++) {
            float[] x = read(experts[e], 1, n);
            for (int r = 0; r < rows; r++) {
                int row = r * width;
                float dot = 0;
                for (int j = 0; j < width; j++) {
                    dot += eps[row + j] * x[row + j];
                }
                gError[r * k + e] = dot;
            }
            float[] error = accumulate[e] ? read(expertErrors[e], 2, n) : slot(2, n);
            for (int r = 0; r < rows; r++) {
                float weight = g[r * k + e];
                int row = r * width;
                for (int j = 0; j < width; j++) {
                    error[row + j] = accumulate[e] ? error[row + j] + eps[row + j] * weight : eps[row + j] * weight;
                }
            }
            write(expertErrors[e], error, n);
        }
        write(gateError, gError, rows * k);
        return true;
    }

    private static boolean allFit(INDArray like, INDArray[] arrays) {
        for (INDArray array : arrays) {
            if (array.length() != like.length() || order(array) != order(like)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code x} is a contiguous row-major float [rows, cols] matrix. */
    private static boolean rowMajor(INDArray x, int rows, int cols) {
        return x.dataType() == DataType.FLOAT && x.rank() == 2 && x.size(0) == rows && x.size(1) == cols
                && (cols == 1 || x.stride(1) == 1) && (rows == 1 || x.stride(0) == cols) && (long) rows * cols <= MAX_ELEMENTS;
    }

    /**
     * Whether every array is float, at most {@value #MAX_ELEMENTS} values, of one length, and stored
     * contiguously in the same order (so that element i of each is the same cell).
     */
    static boolean fits(INDArray... arrays) {
        char order = order(arrays[0]);
        long length = arrays[0].length();
        if (order == 0 || length > MAX_ELEMENTS || length == 0) {
            return false;
        }
        for (int i = 1; i < arrays.length; i++) {
            if (arrays[i].length() != length || order(arrays[i]) != order) {
                return false;
            }
        }
        return true;
    }

    /** 'c' or 'f' for a contiguous float array of rank 1 or 2 ('v' for a vector, either), else 0. */
    private static char order(INDArray x) {
        if (x.dataType() != DataType.FLOAT || x.rank() > 2) {
            return 0;
        }
        if (x.rank() == 1) {
            return x.stride(0) == 1 || x.length() == 1 ? 'v' : 0;
        }
        long rows = x.size(0);
        long cols = x.size(1);
        if (rows == 1 || cols == 1) {
            return (rows == 1 ? x.stride(1) : x.stride(0)) == 1 || x.length() == 1 ? 'v' : 0;
        }
        if (x.stride(1) == 1 && x.stride(0) == cols) {
            return 'c';
        }
        return x.stride(0) == 1 && x.stride(1) == rows ? 'f' : 0;
    }

    /** The values of {@code x} in scratch array {@code slot}. */
    private float[] read(INDArray x, int slot, int n) {
        float[] into = slot(slot, n);
        FloatAddress.of(x).get(into, 0, n);
        return into;
    }

    private float[] slot(int slot, int n) {
        if (slots[slot].length < n) {
            slots[slot] = new float[n];
        }
        return slots[slot];
    }

    private static void write(INDArray x, float[] values, int n) {
        FloatAddress.of(x).put(values, 0, n);
    }
}
