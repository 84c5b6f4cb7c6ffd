package dev.mtl4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How a round's workers become the next round's start: averaged (weighted by the batches each
 * trained) or the start moved by every worker's change; the optimizer state averaged either way;
 * the counters advanced by the longest worker's steps.
 */
final class RoundMergeTest {
    private static final NetworkSnapshot START = new NetworkSnapshot(new float[] {1, 1}, new float[] {0, 0}, 10, 1);

    @Test
    void averagingWeighsEachWorkerByItsBatches() {
        NetworkSnapshot next = START.merged(round(true), false);

        // worker A: 3 steps to (2, 1); worker B: 1 step to (1, 5)
        assertThat(next.params()).containsExactly((3 * 2f + 1) / 4, (3 * 1f + 5) / 4);
        assertThat(next.updaterState()).containsExactly((3 * 4f + 8) / 4, (3 * 4f + 8) / 4);
        assertThat(next.iteration()).isEqualTo(13);
    }

    @Test
    void summingAddsEveryWorkersChangeToTheStart() {
        NetworkSnapshot next = START.merged(round(false), true);

        // changes (+1, 0) and (0, +4) added to (1, 1)
        assertThat(next.params()).containsExactly(2f, 5f);
        assertThat(next.updaterState()).containsExactly((3 * 4f + 8) / 4, (3 * 4f + 8) / 4);
        assertThat(next.iteration()).isEqualTo(13);
    }

    private static RoundSum round(boolean weighParams) {
        RoundSum a = worker(new float[] {2, 1}, weighParams, new float[] {4, 4}, 3);
        RoundSum b = worker(new float[] {1, 5}, weighParams, new float[] {8, 8}, 1);
        return RoundSum.empty().plus(a).plus(b);
    }

    private static RoundSum worker(float[] params, boolean weighParams, float[] state, int steps) {
        RoundSum sum = new RoundSum();
        sum.params = weighParams ? new float[] {params[0] * steps, params[1] * steps} : params;
        sum.updaterState = new float[] {state[0] * steps, state[1] * steps};
        sum.batches = steps;
        sum.longestSteps = steps;
        sum.workers = 1;
        sum.taskLossSums = new double[1];
        sum.taskBatches = new long[1];
        return sum;
    }
}
