package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The fused step's direct BLAS calls give ND4J's matrix products: every combination of c- and
 * f-ordered operands, transposes, row-range views that start inside their buffer (as a batch of an
 * epoch's rows does), alpha and beta; and the column sums of a bias gradient.
 */
class BlasTest {

    @Test
    void productsEqualNd4jsForEveryLayoutTransposeAndView() {
        Nd4j.getRandom().setSeed(3);
        int checked = 0;
        for (char orderA : new char[] {'c', 'f'}) {
            for (char orderB : new char[] {'c', 'f'}) {
                for (char orderC : new char[] {'c', 'f'}) {
                    for (int t = 0; t < 4; t++) {
                        boolean transA = (t & 1) != 0;
                        boolean transB = (t & 2) != 0;
                        // op(a) [7, 5], op(b) [5, 3]; a is a view of rows 2..9 (or 2..7) of a larger array
                        INDArray a = rowsOf(transA ? new long[] {5, 7} : new long[] {7, 5}, orderA);
                        INDArray b = Nd4j.rand(DataType.FLOAT, transB ? new long[] {3, 5} : new long[] {5, 3}).dup(orderB);
                        INDArray start = Nd4j.rand(DataType.FLOAT, 7, 3).dup(orderC);
                        assertThat(Blas.direct(a, b, start)).isTrue();
                        INDArray expected = start.dup(orderC);
                        Nd4j.gemm(a, b, expected, transA, transB, 0.7, 0.5);
                        INDArray actual = start.dup(orderC);
                        Blas.gemm(a, transA, b, transB, actual, 0.7, 0.5);
                        assertThat(maxDifference(actual, expected)).as("%s%s%s %s %s", orderA, orderB, orderC, transA, transB)
                                .isLessThan(1e-5);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(32);
    }

    @Test
    void columnSumsOfRowAndColumnMajorMatricesIntoAGradientRow() {
        Nd4j.getRandom().setSeed(4);
        INDArray ones = Nd4j.ones(DataType.FLOAT, 6, 1);
        for (char order : new char[] {'c', 'f'}) {
            INDArray a = rowsOf(new long[] {6, 4}, order);
            // a bias gradient: a [1, 4] view inside a flattened gradient
            INDArray flat = Nd4j.zeros(DataType.FLOAT, 1, 10);
            INDArray sums = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(3, 7)).reshape(1, 4);
            Blas.columnSums(a, ones, sums, 0.5);
            assertThat(maxDifference(sums, a.sum(0).reshape(1, 4).mul(0.5))).as("order %s", order).isLessThan(1e-5);
            assertThat(flat.getDouble(0, 2)).isZero();
            assertThat(flat.getDouble(0, 7)).isZero();
        }
    }

    @Test
    void fillRowsSetsEveryRowToABiasViewInsideItsParameters() {
        Nd4j.getRandom().setSeed(5);
        INDArray ones = Nd4j.ones(DataType.FLOAT, 6, 1);
        // a bias as DL4J keeps it: a rank-1 view [4] that starts inside the flattened parameters
        INDArray parameters = Nd4j.rand(DataType.FLOAT, 1, 12);
        INDArray bias = parameters.get(NDArrayIndex.point(0), NDArrayIndex.interval(5, 9));
        assertThat(bias.rank()).isEqualTo(1);
        assertThat(bias.offset()).isPositive();
        for (char order : new char[] {'c', 'f'}) {
            INDArray c = Nd4j.rand(DataType.FLOAT, 6, 4).dup(order);
            assertThat(Blas.fillRows(bias, ones, c)).isTrue();
            for (int row = 0; row < 6; row++) {
                assertThat(maxDifference(c.getRow(row), bias)).as("order %s, row %d", order, row).isZero();
            }
        }
        // not for BLAS: a double output is left as it was, for the caller's own path
        INDArray doubles = Nd4j.zeros(DataType.DOUBLE, 6, 4);
        assertThat(Blas.fillRows(bias, ones, doubles)).isFalse();
        assertThat(doubles.sumNumber().doubleValue()).isZero();
    }

    /** The cross-stitch unit's level-1 calls: y = αx, y += αx and Σ x ⊙ y, on c-ordered row-range views too. */
    @Test
    void axpyAndDotEqualNd4jsOnWholeArraysAndRowViews() {
        Nd4j.getRandom().setSeed(9);
        INDArray x = rowsOf(new long[] {7, 5}, 'c');
        INDArray y = Nd4j.rand(DataType.FLOAT, 7, 5);
        INDArray expected = y.add(x.mul(0.3));
        INDArray actual = y.dup();
        Blas.axpy(0.3, x, actual, true);
        assertThat(maxDifference(actual, expected)).isLessThan(1e-6);
        Blas.axpy(-1.5, x, actual, false);
        assertThat(maxDifference(actual, x.mul(-1.5))).isLessThan(1e-6);
        // against the exact sum (in double), within float rounding of each product and of the sum, whatever
        // the CPU's kernel does: 2^-23 of Σ|x y| bounds it (about 8e-7 here)
        INDArray products = x.castTo(DataType.DOUBLE).mul(y.castTo(DataType.DOUBLE));
        double exact = products.sumNumber().doubleValue();
        double bound = Math.scalb(1.0, -23) * Transforms.abs(products).sumNumber().doubleValue();
        assertThat(Blas.dot(x, y)).isCloseTo(exact, org.assertj.core.api.Assertions.within(bound));
        // arrays the fused step never makes are refused rather than read wrongly
        INDArray columns = Nd4j.rand(DataType.FLOAT, 7, 8).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 5));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Blas.dot(columns, y)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The middle rows of a larger random array: a view whose first element is not its buffer's first. */
    private static INDArray rowsOf(long[] shape, char order) {
        INDArray whole = Nd4j.rand(DataType.FLOAT, shape[0] + 4, shape[1]).dup(order);
        INDArray view = whole.get(NDArrayIndex.interval(2, 2 + shape[0]), NDArrayIndex.all());
        assertThat(view.offset()).isPositive();
        return view;
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }
}
