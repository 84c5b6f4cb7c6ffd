package dev.mtl4j.runtime.train;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused step's matrix products as direct calls of the OpenBLAS that ND4J loaded ({@code cblas_sgemm},
 * {@code cblas_sgemv}, and level-1 calls for cross-stitch units) — the same library and routine that {@link Nd4j#gemm} reaches through libnd4j's
 * matmul op, without that op's per-call machinery (an op object, an op context, shape buffers and
 * their allocations: about a tenth of an article's-model step across its 19 products, measured with
 * perf). Arrays are 2-D float matrices whose rows or columns are contiguous (ND4J's c- and f-ordered
 * arrays and their row-range views); anything else goes through {@link Nd4j#gemm}.
 */
final class Blas {
    private static final int COLUMN_MAJOR = openblas_nolapack.CblasColMajor;
    private static final int NO_TRANSPOSE = openblas_nolapack.CblasNoTrans;
    private static final int TRANSPOSE = openblas_nolapack.CblasTrans;

    private Blas() {
    }

    /** {@code c = alpha · op(a) · op(b) + beta · c}, op transposing when asked. */
    static void gemm(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, double alpha, double beta) {
        Layout la = Layout.of(a);
        Layout lb = Layout.of(b);
        Layout lc = Layout.of(c);
        if (la == null || lb == null || lc == null) {
            Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, beta);
            return;
        }
        int m = (int) c.size(0);
        int n = (int) c.size(1);
        int k = (int) (transposeA ? a.size(0) : a.size(1));
        // BLAS is column-major: a matrix stored row by row is its transpose stored column by column
        boolean opA = transposeA != la.rowMajor;
        boolean opB = transposeB != lb.rowMajor;
        if (!lc.rowMajor) {
            openblas_nolapack.cblas_sgemm(COLUMN_MAJOR, op(opA), op(opB), m, n, k, (float) alpha, la.pointer, la.leading,
                    lb.pointer, lb.leading, (float) beta, lc.pointer, lc.leading);
        } else {
            // c stored row by row is cᵀ column by column: cᵀ = op(b)ᵀ · op(a)ᵀ
            openblas_nolapack.cblas_sgemm(COLUMN_MAJOR, op(!opB), op(!opA), n, m, k, (float) alpha, lb.pointer, lb.leading,
                    la.pointer, la.leading, (float) beta, lc.pointer, lc.leading);
        }
    }

    /**
     * The sum of each column of {@code a} [rows, n], times {@code alpha}, into the contiguous row
     * {@code sums} [1, n] ({@code ones} holds at least rows ones): one matrix-vector product, as a bias
     * gradient is.
     */
    static void columnSums(INDArray a, INDArray ones, INDArray sums, double alpha) {
        Layout la = Layout.of(a);
        Layout lo = Layout.of(ones);
        Layout ls = Layout.of(sums);
        if (la == null || lo == null || ls == null || sums.length() != a.size(1) || !contiguous(sums) || !contiguous(ones)) {
            Nd4j.gemm(ones, a, sums, true, false, alpha, 0.0);
            return;
        }
        int rows = (int) a.size(0);
        int n = (int) a.size(1);
        // sums = aᵀ · ones; column-major, a stored row by row is already aᵀ [n, rows]
        if (la.rowMajor) {
            openblas_nolapack.cblas_sgemv(COLUMN_MAJOR, NO_TRANSPOSE, n, rows, (float) alpha, la.pointer, la.leading,
                    lo.pointer, 1, 0f, ls.pointer, 1);
        } else {
            openblas_nolapack.cblas_sgemv(COLUMN_MAJOR, TRANSPOSE, rows, n, (float) alpha, la.pointer, la.leading,
                    lo.pointer, 1, 0f, ls.pointer, 1);
        }
    }

    /**
     * Every row of {@code c} [rows, n] set to the contiguous {@code vector} of n values ({@code ones}
     * holding rows ones): {@code c = ones · vector}, a product with k = 1, as a bias starts a layer's
     * output. Returns false, leaving {@code c} as it was, when the arrays cannot go straight to BLAS.
     */
    static boolean fillRows(INDArray vector, INDArray ones, INDArray c) {
        Layout lo = Layout.of(ones);
        Layout lc = Layout.of(c);
        boolean flat = vector.length() == 1 || (vector.rank() == 1 ? vector.stride(0) == 1 : vector.rank() == 2 && contiguous(vector));
        if (lo == null || lc == null || vector.dataType() != DataType.FLOAT || !flat || vector.length() != c.size(1)
                || ones.length() != c.size(0) || !contiguous(ones)) {
            return false;
        }
        FloatPointer v = FloatAddress.of(vector);
        if (v == null) {
            return false;
        }
        int m = (int) c.size(0);
        int n = (int) c.size(1);
        if (!lc.rowMajor) {
            // column-major c [m, n] = ones [m, 1] · v [1, n]
            openblas_nolapack.cblas_sgemm(COLUMN_MAJOR, NO_TRANSPOSE, NO_TRANSPOSE, m, n, 1, 1f, lo.pointer, m, v, 1, 0f,
                    lc.pointer, lc.leading);
        } else {
            // c stored row by row is cᵀ [n, m] column by column = v [n, 1] · onesᵀ [1, m]
            openblas_nolapack.cblas_sgemm(COLUMN_MAJOR, NO_TRANSPOSE, NO_TRANSPOSE, n, m, 1, 1f, v, n, lo.pointer, 1, 0f,
                    lc.pointer, lc.leading);
        }
        return true;
    }

    /**
     * {@code y += alpha · x} ({@code accumulate}) or {@code y = alpha · x}, over two float arrays stored
     * contiguously in the same order and of one length ({@code cblas_saxpy}; {@code cblas_scopy} and
     * {@code cblas_sscal}).
     */
    static void axpy(double alpha, INDArray x, INDArray y, boolean accumulate) {
        int n = sameContiguous(x, y);
        FloatPointer px = FloatAddress.of(x);
        FloatPointer py = FloatAddress.of(y);
        if (accumulate) {
            openblas_nolapack.cblas_saxpy(n, (float) alpha, px, 1, py, 1);
        } else {
            openblas_nolapack.cblas_scopy(n, px, 1, py, 1);
            openblas_nolapack.cblas_sscal(n, (float) alpha, py, 1);
        }
    }

    /** {@code Σ x ⊙ y} over two such arrays, accumulated in double ({@code cblas_dsdot}). */
    static double dot(INDArray x, INDArray y) {
        int n = sameContiguous(x, y);
        return openblas_nolapack.cblas_dsdot(n, FloatAddress.of(x), 1, FloatAddress.of(y), 1);
    }

    /** The common length of two float arrays stored contiguously in one order; the fused step's buffers are. */
    private static int sameContiguous(INDArray x, INDArray y) {
        boolean same = x.dataType() == DataType.FLOAT && y.dataType() == DataType.FLOAT && x.length() == y.length()
                && x.ordering() == y.ordering() && Shape.hasDefaultStridesForShape(x) && Shape.hasDefaultStridesForShape(y)
                && FloatAddress.of(x) != null && FloatAddress.of(y) != null;
        if (!same) {
            throw new IllegalArgumentException("level-1 BLAS needs two contiguous float arrays of one length and order");
        }
        return (int) x.length();
    }

    private static boolean contiguous(INDArray vector) {
        return vector.length() == 1 || (vector.size(0) == 1 ? vector.stride(1) == 1 : vector.size(1) == 1 && vector.stride(0) == 1);
    }

    /** Whether these matrices go straight to BLAS (else through {@link Nd4j#gemm}). */
    static boolean direct(INDArray... matrices) {
        return java.util.Arrays.stream(matrices).allMatch(x -> Layout.of(x) != null);
    }

    private static int op(boolean transpose) {
        return transpose ? TRANSPOSE : NO_TRANSPOSE;
    }

    /** Where a matrix starts, whether it is stored row by row, and its leading dimension. */
    private record Layout(FloatPointer pointer, boolean rowMajor, int leading) {
        static Layout of(INDArray x) {
            if (x.dataType() != DataType.FLOAT || x.rank() != 2 || x.length() == 0) {
                return null;
            }
            long rows = x.size(0);
            long cols = x.size(1);
            long s0 = x.stride(0);
            long s1 = x.stride(1);
            boolean rowMajor;
            long leading;
            if ((s1 == 1 || cols == 1) && s0 >= cols && (rows == 1 || s0 > 0)) {
                rowMajor = true;
                leading = rows == 1 ? Math.max(cols, 1) : s0;
            } else if ((s0 == 1 || rows == 1) && s1 >= rows) {
                rowMajor = false;
                leading = cols == 1 ? Math.max(rows, 1) : s1;
            } else {
                return null;
            }
            FloatPointer pointer = FloatAddress.of(x);
            return pointer == null ? null : new Layout(pointer, rowMajor, (int) leading);
        }
    }
}
