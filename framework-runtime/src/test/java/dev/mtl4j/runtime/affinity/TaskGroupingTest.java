package dev.mtl4j.runtime.affinity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** TAG's grouping search on matrices whose best grouping is known by hand. */
final class TaskGroupingTest {
    private static final List<String> TASKS = List.of("a", "b", "c");

    @Test
    void aPairThatHelpsEachOtherIsGroupedAndTheOutsiderLeftAlone() {
        double[][] affinity = {
            {0.30, 0.20, -0.01},
            {0.15, 0.25, -0.02},
            {-0.03, 0.01, 0.40}};

        List<Grouping> best = new TaskGrouping(TASKS, affinity).best();

        assertThat(best).hasSize(2);
        assertThat(best.get(0).groups()).containsExactly(List.of("a", "b", "c"));
        // a gets mean(b→a, c→a) = (0.15 - 0.03) / 2, b gets (0.20 + 0.01) / 2, c gets (-0.01 - 0.02) / 2
        assertThat(best.get(0).score()).isCloseTo(0.06 + 0.105 - 0.015, within(1e-12));
        assertThat(best.get(1).groups()).containsExactlyInAnyOrder(List.of("a", "b"), List.of("c"));
        assertThat(best.get(1).score()).isCloseTo(0.15 + 0.20, within(1e-12));
        // a third group cannot do better (so it is not suggested)
        assertThat(new TaskGrouping(TASKS, affinity).best(3).score()).isCloseTo(0.35, within(1e-12));
    }

    @Test
    void aTaskIsServedByTheGroupThatHelpsItMost() {
        // b helps a, c helps b, nobody helps c: with two groups {a, b} serves a, {b, c} serves b (and c, which it hurts)
        double[][] affinity = {
            {0, 0.0, -0.1},
            {0.3, 0, -0.1},
            {0.0, 0.4, 0}};

        Grouping two = new TaskGrouping(TASKS, affinity).best(2);

        assertThat(two.groups()).containsExactlyInAnyOrder(List.of("a", "b"), List.of("b", "c"));
        assertThat(two.score()).isCloseTo(0.3 + 0.4 - 0.1, within(1e-12));
    }

    @Test
    void aPairNeverMeasuredCountsAsNoEffect() {
        double[][] affinity = {
            {0, Double.NaN, 0.1},
            {Double.NaN, 0, 0.1},
            {0.2, 0.2, 0}};

        Grouping one = new TaskGrouping(TASKS, affinity).best(1);

        assertThat(one.score()).isCloseTo((0.0 + 0.2) / 2 + (0.0 + 0.2) / 2 + (0.1 + 0.1) / 2, within(1e-12));
    }
}
