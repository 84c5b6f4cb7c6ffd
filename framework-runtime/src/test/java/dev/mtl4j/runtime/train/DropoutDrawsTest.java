package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused step's fast dropout masks have DL4J's distribution: each unit 1/p with probability p,
 * else 0 (so E[mask] = 1); fresh draws every call, and the same draws from the same generator state.
 */
final class DropoutDrawsTest {

    @Test
    void fastMasksKeepEachUnitWithProbabilityPAndScaleItByOneOverP() {
        for (double p : new double[] {0.8, 0.5}) {
            INDArray fast = Nd4j.createUninitialized(DataType.FLOAT, 400, 100);
            INDArray dl4j = Nd4j.createUninitialized(DataType.FLOAT, 400, 100);
            DropoutDraws.fast().draw(fast, p);
            DropoutDraws.asDl4j().draw(dl4j, p);
            for (INDArray mask : new INDArray[] {fast, dl4j}) {
                double[] values = mask.data().asDouble();
                assertThat(Arrays.stream(values).distinct().sorted().toArray()).containsExactly(0.0, (float) (1 / p));
                // 40,000 units: the kept fraction's standard deviation is at most 0.0025
                assertThat(Arrays.stream(values).filter(v -> v > 0).count() / (double) values.length).isCloseTo(p, within(0.0125));
                assertThat(mask.meanNumber().doubleValue()).isCloseTo(1.0, within(0.0125 / p));
            }
        }
    }

    @Test
    void theSameGeneratorStateGivesTheSameMaskAndTheNextCallAnother() {
        INDArray first = Nd4j.createUninitialized(DataType.FLOAT, 64, 32);
        INDArray again = Nd4j.createUninitialized(DataType.FLOAT, 64, 32);
        INDArray next = Nd4j.createUninitialized(DataType.FLOAT, 64, 32);
        Nd4j.getRandom().setSeed(5);
        DropoutDraws.fast().draw(first, 0.7);
        DropoutDraws.fast().draw(next, 0.7);
        Nd4j.getRandom().setSeed(5);
        DropoutDraws.fast().draw(again, 0.7);
        assertThat(again).isEqualTo(first);
        assertThat(next).isNotEqualTo(first);
    }
}
