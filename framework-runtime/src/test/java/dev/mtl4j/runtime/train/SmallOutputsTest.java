package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The Java losses of small outputs give what the fused step's ND4J ops give (and those are held to DL4J's
 * fit by FusedDenseStepTest): softmax cross-entropy, MSE and MAE, with a label mask per row, per value
 * or none, on labels that are a row-range view of an epoch's array.
 */
class SmallOutputsTest {
    private static final int ROWS = 12;
    private static final int COLS = 5;

    @Test
    void softmaxCrossEntropyAsTheNd4jOps() {
        for (INDArray mask : masks()) {
            INDArray z = Nd4j.randn(DataType.FLOAT, ROWS, COLS).muli(3);
            INDArray labels = oneHot();
            INDArray expectedDelta = Nd4j.zeros(DataType.FLOAT, ROWS, COLS);
            double expected = FastGradients.softmaxCrossEntropy(new LossMCXENT(), z.dup(), Nd4j.zeros(DataType.FLOAT, ROWS, COLS),
                    labels, mask, expectedDelta, z.dup());
            SmallOutputs small = new SmallOutputs(ROWS * COLS);
            INDArray delta = Nd4j.zeros(DataType.FLOAT, ROWS, COLS);
            assertThat(small.fits(z, labels, mask, delta)).isTrue();
            double actual = small.softmaxCrossEntropy(z, labels, mask, delta, new LossMCXENT().getSoftmaxClipEps());
            assertThat(actual).isCloseTo(expected, within(1e-4)).isPositive();
            assertThat(delta.sub(expectedDelta).amaxNumber().doubleValue()).isLessThan(1e-6);
        }
    }

    @Test
    void squaredAndAbsoluteErrorAsTheNd4jOps() {
        for (boolean squared : new boolean[] {true, false}) {
            for (INDArray mask : masks()) {
                INDArray z = Nd4j.randn(DataType.FLOAT, ROWS, COLS);
                INDArray labels = rowsOf(Nd4j.randn(DataType.FLOAT, ROWS + 6, COLS));
                INDArray expectedDelta = Nd4j.zeros(DataType.FLOAT, ROWS, COLS);
                FastGradients.Regression expected = FastGradients.regression(squared ? new LossMSE() : new LossMAE(), 0.3, z, labels,
                        mask, expectedDelta, Nd4j.zeros(DataType.FLOAT, ROWS, COLS), false, null);
                INDArray delta = Nd4j.zeros(DataType.FLOAT, ROWS, COLS);
                FastGradients.Regression actual = FastGradients.regression(squared ? new LossMSE() : new LossMAE(), 0.3, z, labels,
                        mask, delta, null, false, new SmallOutputs(ROWS * COLS));
                assertThat(actual.score()).isCloseTo(expected.score(), within(1e-4)).isPositive();
                assertThat(delta.sub(expectedDelta).amaxNumber().doubleValue()).isLessThan(1e-6);
                // deferred: the delta without its factor, the factor returned
                FastGradients.Regression deferred = FastGradients.regression(squared ? new LossMSE() : new LossMAE(), 0.3, z, labels,
                        mask, delta, null, true, new SmallOutputs(ROWS * COLS));
                assertThat(delta.mul(deferred.deltaScale()).sub(expectedDelta).amaxNumber().doubleValue()).isLessThan(1e-6);
            }
        }
    }

    @Test
    void largeOrNonContiguousOutputsAreLeftToNd4j() {
        SmallOutputs small = new SmallOutputs(ROWS * COLS);
        INDArray z = Nd4j.zeros(DataType.FLOAT, ROWS, COLS);
        assertThat(small.fits(Nd4j.zeros(DataType.FLOAT, ROWS + 1, COLS), oneHot(), null, z)).isFalse();
        INDArray columns = Nd4j.zeros(DataType.FLOAT, ROWS, COLS + 2).get(NDArrayIndex.all(), NDArrayIndex.interval(0, COLS));
        assertThat(small.fits(z, columns, null, z)).isFalse();
        assertThat(small.fits(z, oneHot(), null, z.dup('f'))).isFalse();
    }

    /** No mask, one per row (some rows without a label), one per value. */
    private static INDArray[] masks() {
        INDArray perRow = Nd4j.ones(DataType.FLOAT, ROWS, 1);
        perRow.putScalar(3, 0, 0f);
        perRow.putScalar(7, 0, 0f);
        INDArray perValue = Nd4j.ones(DataType.FLOAT, ROWS, COLS);
        perValue.putScalar(1, 2, 0f);
        perValue.putScalar(5, 0, 0f);
        return new INDArray[] {null, perRow, perValue};
    }

    private static INDArray oneHot() {
        INDArray labels = Nd4j.zeros(DataType.FLOAT, ROWS + 6, COLS);
        for (int r = 0; r < ROWS + 6; r++) {
            labels.putScalar(r, (r * 7) % COLS, 1f);
        }
        return rowsOf(labels);
    }

    /** Rows 3.. of a larger array: a view starting inside its buffer, as a batch of an epoch's rows. */
    private static INDArray rowsOf(INDArray whole) {
        return whole.get(NDArrayIndex.interval(3, 3 + ROWS), NDArrayIndex.all());
    }
}
