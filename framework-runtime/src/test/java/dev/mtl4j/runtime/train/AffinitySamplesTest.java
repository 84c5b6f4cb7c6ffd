package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Means over training, their batch-means standard errors, and the means clear of noise that the grouping reads. */
final class AffinitySamplesTest {

    @Test
    void aSteadyEffectIsKeptAndOneThatFlipsSignIsNoEffect() {
        AffinitySamples samples = new AffinitySamples(2);
        for (int step = 0; step < 100; step++) {
            // 0 → 1: always about +0.01; 1 → 0: +0.03 and −0.02 in turns of ten steps (mean +0.005, no steady sign)
            double flipping = (step / 10) % 2 == 0 ? 0.03 : -0.02;
            samples.add(new double[][] {{0.5, 0.01 + 0.001 * Math.sin(step)}, {flipping, Double.NaN}});
        }

        double[][] mean = samples.mean();
        double[][] error = samples.standardErrors();
        double[][] clear = samples.clearMeans(2);

        assertThat(samples.size()).isEqualTo(100);
        assertThat(mean[0][1]).isCloseTo(0.01, within(1e-3));
        assertThat(mean[1][0]).isCloseTo(0.005, within(1e-12));
        assertThat(mean[1][1]).isNaN();
        // ten blocks of ten steps: the blocks' means alternate +0.03 and −0.02, sd 0.0264, over √10
        assertThat(error[1][0]).isCloseTo(0.025 * Math.sqrt(10.0 / 9) / Math.sqrt(10), within(1e-9));
        assertThat(clear[0][1]).isEqualTo(mean[0][1]);
        assertThat(clear[1][0]).isZero();
        assertThat(clear[1][1]).isNaN();
    }

    @Test
    void oneMeasurementHasNoStandardError() {
        assertThat(AffinitySamples.batchMeansError(new double[] {0.2})).isNaN();
        assertThat(AffinitySamples.batchMeansError(new double[] {0.1, 0.3})).isCloseTo(0.1, within(1e-12));
    }
}
