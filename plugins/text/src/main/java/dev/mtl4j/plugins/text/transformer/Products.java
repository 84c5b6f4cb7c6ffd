package dev.mtl4j.plugins.text.transformer;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The transformer's matrix products, each one BLAS gemm (or one batched call) written straight into a
 * row-major array. Why not {@code INDArray.mmul}: on two row-major operands without transposes it took
 * about three times the BLAS call's time here (140 ms against 46 ms for 4096×384·384×1536, one thread),
 * and column sums ({@code sum(0)}) of a {@code [4096, 1536]} array cost as much as that product, where
 * a product with a row of ones costs a seventh.
 */
final class Products {

    private Products() {
    }

    /** op(a)·op(b) into a new row-major {@code [rows, columns]} array. */
    static INDArray times(INDArray a, boolean transposeA, INDArray b, boolean transposeB) {
        return scaled(a, transposeA, b, transposeB, 1);
    }

    /** alpha·op(a)·op(b) into a new row-major array. */
    static INDArray scaled(INDArray a, boolean transposeA, INDArray b, boolean transposeB, double alpha) {
        long rows = transposeA ? a.size(1) : a.size(0);
        long columns = transposeB ? b.size(0) : b.size(1);
        INDArray c = Nd4j.createUninitialized(a.dataType(), new long[] {rows, columns}, 'c');
        return Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, 0);
    }

    /** c = alpha·op(a)·op(b) + beta·c, in place ({@code c} contiguous: a new array or a gradient's view). */
    static void into(INDArray c, INDArray a, boolean transposeA, INDArray b, boolean transposeB, double alpha, double beta) {
        Nd4j.gemm(a, b, c.reshape('c', c.size(0), c.size(1)), transposeA, transposeB, alpha, beta);
    }

    /** Writes the sum of {@code x}'s rows to {@code target} (a vector of x's width): one product with a row of ones. */
    static void columnSums(INDArray x, INDArray target) {
        INDArray ones = Nd4j.ones(x.dataType(), 1, x.size(0));
        Nd4j.gemm(ones, x, target.reshape('c', 1, x.size(1)), false, false, 1, 0);
    }

    /** Σ_j a[i, j]·b[i, j] for each row i of two {@code [rows, width]} arrays, as {@code [rows]}, without their product's array. */
    static INDArray rowDots(INDArray a, INDArray b) {
        INDArray dots = Nd4j.createUninitialized(a.dataType(), a.size(0));
        Nd4j.getExecutioner().exec(new Dot(a, b, dots, 1));
        return dots;
    }

    /**
     * c[i] = alpha·op(a[i])·op(b[i]) for each matrix of three-dimensional arrays: one call, which
     * libnd4j runs as a BLAS gemm per matrix (bit for bit the loop of single gemm calls it replaces,
     * at a third of its time for 384 products of 128×32 by 32×128: the loop paid a view and an op per matrix).
     */
    static void batched(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, double alpha) {
        Nd4j.exec(new Mmul(a, b, c, alpha, 0, MMulTranspose.builder().transposeA(transposeA).transposeB(transposeB).build()));
    }
}
