package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.TrainingResult;
import org.junit.jupiter.api.Test;

/** One seed, identical metrics; another seed, other numbers. */
final class DeterminismTest {
    private final MtlRuntime runtime = MtlRuntime.create();

    @Test
    void sameSeedGivesIdenticalMetricsAndParameters() {
        TrainingResult first = runtime.train(spec(42));
        TrainingResult second = runtime.train(spec(42));

        assertThat(second.metrics()).isEqualTo(first.metrics());
        assertThat(second.model().graph().params()).isEqualTo(first.model().graph().params());
    }

    @Test
    void anotherSeedGivesOtherParameters() {
        assertThat(runtime.train(spec(7)).model().graph().params())
                .isNotEqualTo(runtime.train(spec(42)).model().graph().params());
    }

    private static PipelineSpec spec(long seed) {
        return Pipelines.digits(2, 32)
                .task("digit", Heads.classification(10)).weight(0.7)
                .task("ink", Heads.regression()).weight(0.3)
                .training(t -> t.epochs(2).batchSize(32).adam(1e-3).seed(seed))
                .build();
    }
}
