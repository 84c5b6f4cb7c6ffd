package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real training on the bundled data reaches the quality bars, with seeds fixed. */
final class LearnedQualityTest {
    private static MtlRuntime runtime;

    @BeforeAll
    static void runtime() {
        runtime = MtlRuntime.create();
    }

    @Test
    void digitsThreeTasksLearnEachTask() {
        TrainingResult result = runtime.train(Pipelines.digits(20, 256, 256)
                .task("digit", Heads.classification(10)).weight(0.5)
                .task("parity", Heads.classification(2)).weight(0.3)
                .task("ink", Heads.regression(1)).weight(0.2)
                .build());

        assertThat(result.metric("test", "digit", "accuracy")).isGreaterThanOrEqualTo(0.95);
        assertThat(result.metric("test", "parity", "accuracy")).isGreaterThanOrEqualTo(0.93);
        assertThat(result.metric("test", "ink", "r2")).isGreaterThan(0.9);
        assertThat(result.metric("test", "digit", "macro-f1")).isGreaterThan(0.9);
        assertThat(result.history().epochs()).hasSize(20);
    }

    @Test
    void incomeTwoTasksBeatTheMajorityClassClearly() {
        TrainingResult result = runtime.train(Pipelines.income(8)
                .task("INCOME", Heads.classification(9)).weight(0.5)
                .task("MARITAL.STATUS", Heads.classification(5)).weight(0.5)
                .build());

        // majority classes: 0.20 and 0.41
        assertThat(result.metric("test", "INCOME", "accuracy")).isGreaterThanOrEqualTo(0.32);
        assertThat(result.metric("test", "MARITAL.STATUS", "accuracy")).isGreaterThanOrEqualTo(0.70);
    }
}
