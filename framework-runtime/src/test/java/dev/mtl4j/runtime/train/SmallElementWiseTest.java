package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The Java element-wise steps give exactly what the ND4J ops they replace give (the same float
 * products in the same order), on the step's buffers and on row views inside a larger array, and
 * refuse (leaving the output untouched) what they cannot read element by element.
 */
class SmallElementWiseTest {
    private final SmallElementWise elementWise = new SmallElementWise();

    @Test
    void reluForwardAndBackwardEqualNd4jsOps() {
        Nd4j.getRandom().setSeed(7);
        INDArray z = Nd4j.randn(DataType.FLOAT, 64, 48);
        INDArray e = Nd4j.randn(DataType.FLOAT, 64, 48);
        INDArray mask = Nd4j.rand(DataType.FLOAT, 64, 48).gt(0.2).castTo(DataType.FLOAT).muli(1.25);

        INDArray expected = Nd4j.createUninitialized(DataType.FLOAT, 64, 48);
        Nd4j.exec(new RectifiedLinear(z, expected, 0.0));
        INDArray actual = Nd4j.createUninitialized(DataType.FLOAT, 64, 48);
        assertThat(elementWise.relu(z, actual)).isTrue();
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.minNumber().doubleValue()).isZero();

        INDArray expectedDelta = z.dup();
        Nd4j.exec(new Step(expectedDelta, expectedDelta, 0.0));
        expectedDelta.muli(e).muli(mask);
        INDArray delta = z.dup();
        assertThat(elementWise.reluDelta(delta, e, mask)).isTrue();
        assertThat(delta.sub(expectedDelta).amaxNumber().doubleValue()).isZero();

        INDArray noMask = z.dup();
        assertThat(elementWise.reluDelta(noMask, e, null)).isTrue();
        INDArray expectedNoMask = z.dup();
        Nd4j.exec(new Step(expectedNoMask, expectedNoMask, 0.0));
        assertThat(noMask.sub(expectedNoMask.muli(e)).amaxNumber().doubleValue()).isZero();
    }

    @Test
    void multiplyAndScaleOnRowViewsEqualNd4js() {
        Nd4j.getRandom().setSeed(8);
        INDArray whole = Nd4j.randn(DataType.FLOAT, 40, 16);
        INDArray rows = whole.get(NDArrayIndex.interval(8, 24), NDArrayIndex.all());
        assertThat(rows.offset()).isPositive();
        INDArray other = Nd4j.randn(DataType.FLOAT, 16, 16);
        INDArray out = Nd4j.zeros(DataType.FLOAT, 16, 16);
        assertThat(elementWise.multiply(rows, other, out)).isTrue();
        assertThat(out.sub(rows.mul(other)).amaxNumber().doubleValue()).isZero();

        INDArray scaled = rows.dup();
        assertThat(elementWise.scale(scaled, 1.0 / 0.8)).isTrue();
        assertThat(scaled.sub(rows.mul(1.0 / 0.8)).amaxNumber().doubleValue()).isZero();
        // the rows around the view are untouched by reading it
        assertThat(whole.get(NDArrayIndex.interval(8, 24), NDArrayIndex.all())).isEqualTo(rows);
    }

    @Test
    void aGatedMixtureForwardAndBackwardAsNd4jComputesThem() {
        Nd4j.getRandom().setSeed(9);
        int rows = 16;
        INDArray gate = Nd4j.rand(DataType.FLOAT, rows, 3);
        INDArray[] experts = {Nd4j.randn(DataType.FLOAT, rows, 8), Nd4j.randn(DataType.FLOAT, rows, 8), Nd4j.randn(DataType.FLOAT, rows, 8)};
        INDArray y = Nd4j.zeros(DataType.FLOAT, rows, 8);
        assertThat(elementWise.mixtureForward(gate, experts, y)).isTrue();
        INDArray expected = Nd4j.zeros(DataType.FLOAT, rows, 8);
        for (int k = 0; k < 3; k++) {
            expected.addi(experts[k].mulColumnVector(gate.getColumn(k).reshape(rows, 1)));
        }
        assertThat(y.sub(expected).amaxNumber().doubleValue()).isLessThan(1e-6);

        INDArray epsilon = Nd4j.randn(DataType.FLOAT, rows, 8);
        INDArray gateError = Nd4j.zeros(DataType.FLOAT, rows, 3);
        INDArray[] errors = {Nd4j.zeros(DataType.FLOAT, rows, 8), Nd4j.ones(DataType.FLOAT, rows, 8), Nd4j.zeros(DataType.FLOAT, rows, 8)};
        boolean[] accumulate = {false, true, false};
        assertThat(elementWise.mixtureBackward(epsilon, gate, gateError, experts, errors, accumulate)).isTrue();
        for (int k = 0; k < 3; k++) {
            INDArray column = gate.getColumn(k).reshape(rows, 1);
            INDArray wantError = epsilon.mulColumnVector(column).addi(k == 1 ? 1.0 : 0.0);
            assertThat(errors[k].sub(wantError).amaxNumber().doubleValue()).as("expert %d's error", k).isLessThan(1e-6);
            INDArray wantGate = epsilon.mul(experts[k]).sum(1);
            assertThat(gateError.getColumn(k).sub(wantGate).amaxNumber().doubleValue()).as("gate column %d", k).isLessThan(1e-5);
        }
    }

    @Test
    void refusesWhatItCannotReadElementByElement() {
        INDArray c = Nd4j.rand(DataType.FLOAT, 8, 6);
        INDArray column = Nd4j.rand(DataType.FLOAT, 8, 6).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3));
        INDArray out = Nd4j.zeros(DataType.FLOAT, 8, 3);
        assertThat(elementWise.relu(column, out)).isFalse();
        assertThat(out.sumNumber().doubleValue()).isZero();
        assertThat(elementWise.multiply(c, c.dup('f'), Nd4j.zeros(DataType.FLOAT, 8, 6))).as("mixed orders").isFalse();
        assertThat(elementWise.relu(Nd4j.rand(DataType.DOUBLE, 8, 6), Nd4j.zeros(DataType.DOUBLE, 8, 6))).isFalse();
        assertThat(SmallElementWise.fits(Nd4j.zeros(DataType.FLOAT, 300, 300))).as("over the size").isFalse();
        assertThat(SmallElementWise.fits(c, c.dup('c'))).isTrue();
    }
}
