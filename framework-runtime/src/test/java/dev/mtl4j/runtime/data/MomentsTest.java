package dev.mtl4j.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The mean and deviation as mergeable per-chunk statistics. */
final class MomentsTest {

    @Test
    void inRowOrderTheyAreTheTwoPassFormulaAndMergedChunksAgreeWithin1e12() {
        Random random = new Random(9);
        double[] values = new double[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1000 + random.nextGaussian() * 3;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        Moments.Sums all = new Moments.Sums();
        Moments.Sums first = new Moments.Sums();
        Moments.Sums second = new Moments.Sums();
        for (int i = 0; i < values.length; i++) {
            all.add(values[i]);
            (i < 3000 ? first : second).add(values[i]);
        }
        assertThat(all.mean()).isEqualTo(mean);
        Moments.Squares spread = new Moments.Squares(all.mean());
        for (double v : values) {
            spread.add(v);
        }
        assertThat(spread.std(all.count())).isEqualTo(Math.sqrt(squares / values.length));

        Moments.Sums merged = first.merge(second);
        assertThat(merged.count()).isEqualTo(values.length);
        assertThat(merged.mean()).isCloseTo(mean, within(1e-12 * mean));
        Moments.Squares left = new Moments.Squares(merged.mean());
        Moments.Squares right = new Moments.Squares(merged.mean());
        for (int i = 0; i < values.length; i++) {
            (i < 3000 ? left : right).add(values[i]);
        }
        assertThat(left.merge(right).std(merged.count())).isCloseTo(spread.std(all.count()), within(1e-12));
    }

    @Test
    void noValuesOrNoVariationStandardiseToZeros() {
        assertThat(new Moments.Squares(0).std(0)).isEqualTo(1);
        Moments.Squares constant = new Moments.Squares(4);
        constant.add(4);
        constant.add(4);
        assertThat(constant.std(2)).isEqualTo(1);
        assertThat(new Moments.Sums().mean()).isZero();
    }
}
