package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The divergence rule on hand-made step results: each task against its own start, the floor, NaN, resuming. */
final class DivergenceGuardTest {
    private static final List<String> TASKS = List.of("a", "b");

    private static StepResult step(double a, double b) {
        boolean[] present = {!Double.isNaN(a), !Double.isNaN(b)};
        double joint = (present[0] ? a : 0) + (present[1] ? b : 0);
        return new StepResult(joint, new double[] {present[0] ? a : 0, present[1] ? b : 0}, present, new double[] {1, 1});
    }

    @Test
    void eachTaskIsHeldToTenThousandTimesTheMedianOfItsFirstBatches() {
        DivergenceGuard guard = DivergenceGuard.fresh(TASKS);
        for (int i = 0; i < 19; i++) {
            assertThat(guard.check(step(2.0 + i % 3, 1.5))).isEmpty();
        }
        // 19 batches of a: 2, 3, 4, ... whose median is 3; then a 20th, and the start is fixed at 3.
        assertThat(guard.check(step(3.0, 1.5))).isEmpty();
        assertThat(guard.check(step(29_999, 1.5))).isEmpty();
        assertThat(guard.check(step(30_001, 1.5))).hasValue("task 'a': its loss is 3.000e+04, more than 10000 times "
                + "its level at the start of training (3.000)");
        assertThat(guard.starts()).containsExactly(3.0, 1.5);
    }

    @Test
    void aTaskStartingNearZeroIsHeldToTheFloor() {
        DivergenceGuard guard = DivergenceGuard.fresh(TASKS);
        guard.check(step(0.001, 1));
        guard.epochDone();
        assertThat(guard.check(step(9_000, 1))).as("9000 times its start, below 10000 times the floor of 1").isEmpty();
        assertThat(guard.check(step(10_001, 1))).hasValue("task 'a': its loss is 1.000e+04, more than 10000 times 1 "
                + "(its level at the start of training is 0.001000)");
    }

    @Test
    void aTaskWithoutLabelsInABatchIsNotJudgedByIt() {
        DivergenceGuard guard = DivergenceGuard.fresh(TASKS);
        guard.check(step(2, Double.NaN));
        guard.epochDone();
        assertThat(guard.starts()[1]).as("b has not started").isNaN();
        assertThat(guard.check(step(2, 1e9))).as("b's first batch sets its start").isEmpty();
        guard.epochDone();
        assertThat(guard.starts()).containsExactly(2.0, 1e9);
    }

    @Test
    void nanNamesTheTaskAndAnExplodingPenaltyTheJointLoss() {
        DivergenceGuard guard = DivergenceGuard.fresh(TASKS);
        assertThat(guard.check(step(1, Double.POSITIVE_INFINITY))).hasValue("task 'b': its loss is Infinity");
        assertThat(guard.check(new StepResult(Double.NaN, new double[] {1, 1}, new boolean[] {true, true}, new double[] {1, 1})))
                .hasValue("the joint loss is NaN");
    }

    @Test
    void aResumedGuardJudgesAsTheOneItContinues() {
        DivergenceGuard first = DivergenceGuard.fresh(TASKS);
        first.check(step(2, 5));
        first.epochDone();
        DivergenceGuard resumed = DivergenceGuard.resumed(TASKS, first.starts());
        assertThat(resumed.starts()).containsExactly(first.starts());
        assertThat(resumed.check(step(20_001, 1))).isEqualTo(first.check(step(20_001, 1)))
                .hasValue("task 'a': its loss is 2.000e+04, more than 10000 times its level at the start of training (2.000)");
    }
}
