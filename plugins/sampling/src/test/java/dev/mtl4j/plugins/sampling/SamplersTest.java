package dev.mtl4j.plugins.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.spi.TaskSampler;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The built-in samplers' rules: epoch length, proportions, order, seeding. */
final class SamplersTest {
    private static final int[] ROWS = {900, 225, 60};
    private static final int BATCH = 32;
    private static final int PASS = 29 + 8 + 2;

    @Test
    void proportionalIsOnePassOverEveryRowInShuffledOrder() {
        int[] order = new ProportionalSampler().epoch(ROWS, BATCH, new Random(1));
        assertThat(order).hasSize(PASS);
        assertThat(counts(order, 3)).containsExactly(29, 8, 2); // ceil(rows / batch) of each data set
        assertThat(order).isNotEqualTo(sorted(order)); // interleaved, not one data set after another
    }

    @Test
    void temperatureOneDrawsInProportionToSize() {
        double[] shares = shares(new TemperatureSamplerFactory().create(new TemperatureConfig(1.0)), 400);
        double total = 900 + 225 + 60;
        assertThat(shares[0]).isCloseTo(900 / total, within(0.02));
        assertThat(shares[1]).isCloseTo(225 / total, within(0.02));
        assertThat(shares[2]).isCloseTo(60 / total, within(0.01));
    }

    @Test
    void temperatureTwoDrawsInProportionToTheSquareRootOfSize() {
        double[] shares = shares(new TemperatureSampler(2.0), 400);
        double total = Math.sqrt(900) + Math.sqrt(225) + Math.sqrt(60);
        assertThat(shares[0]).isCloseTo(30 / total, within(0.02));
        assertThat(shares[1]).isCloseTo(15 / total, within(0.02));
        assertThat(shares[2]).isCloseTo(Math.sqrt(60) / total, within(0.02));
    }

    @Test
    void aVeryHighTemperatureIsUniformAndSoIsUniform() {
        for (TaskSampler sampler : new TaskSampler[] {new TemperatureSampler(1e6), new UniformSampler()}) {
            for (double share : shares(sampler, 400)) {
                assertThat(share).isCloseTo(1.0 / 3, within(0.02));
            }
        }
    }

    @Test
    void aVerySmallTemperatureDoesNotOverflow() {
        double[] shares = shares(new TemperatureSampler(0.01), 20);
        assertThat(shares[0]).isEqualTo(1.0); // (900/225)^100: the largest data set only
    }

    @Test
    void roundRobinTakesTurnsInTaskOrder() {
        int[] order = new RoundRobinSampler().epoch(ROWS, BATCH, new Random(1));
        assertThat(order).hasSize(PASS);
        assertThat(Arrays.copyOf(order, 7)).containsExactly(0, 1, 2, 0, 1, 2, 0);
        assertThat(counts(order, 3)).containsExactly(13, 13, 13);
    }

    @Test
    void everySamplerMakesEpochsAsLongAsOnePassAndIsSeeded() {
        for (TaskSampler sampler : new TaskSampler[] {new ProportionalSampler(), new TemperatureSampler(2.0),
                new UniformSampler(), new RoundRobinSampler()}) {
            int[] first = sampler.epoch(ROWS, BATCH, new Random(42));
            assertThat(first).hasSize(TaskSampler.passBatches(ROWS, BATCH)).hasSize(PASS);
            assertThat(sampler.epoch(ROWS, BATCH, new Random(42))).isEqualTo(first);
        }
        assertThat(new TemperatureSampler(2.0).epoch(ROWS, BATCH, new Random(43)))
                .isNotEqualTo(new TemperatureSampler(2.0).epoch(ROWS, BATCH, new Random(42)));
    }

    @Test
    void thePluginProvidesTheFourSamplersByName() {
        assertThat(new SamplingPlugin().taskSamplers()).extracting(f -> f.name())
                .containsExactly("proportional", "temperature", "round-robin", "uniform");
    }

    /** Each data set's share of the batches over many epochs. */
    private static double[] shares(TaskSampler sampler, int epochs) {
        Random random = new Random(7);
        long[] counts = new long[ROWS.length];
        long total = 0;
        for (int e = 0; e < epochs; e++) {
            for (int set : sampler.epoch(ROWS, BATCH, random)) {
                counts[set]++;
                total++;
            }
        }
        double[] shares = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            shares[i] = counts[i] / (double) total;
        }
        return shares;
    }

    private static int[] counts(int[] order, int sets) {
        int[] counts = new int[sets];
        for (int set : order) {
            counts[set]++;
        }
        return counts;
    }

    private static int[] sorted(int[] order) {
        int[] copy = order.clone();
        Arrays.sort(copy);
        return copy;
    }
}
