package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import org.junit.jupiter.api.Test;

/** A learning rate far too large makes the loss overflow: training stops with a clear divergence error. */
final class DivergenceTest {

    @Test
    void aDivergingLossStopsTrainingWithAHint() {
        assertThatThrownBy(() -> MtlRuntime.create().train(Pipelines.digits(5, 64, 64)
                .task("ink", Heads.regression())
                .training(t -> t.epochs(5).batchSize(32).sgd(1e6, 0.9).seed(1))
                .build()))
                .isInstanceOf(MtlException.class)
                .hasMessageStartingWith("training diverged in epoch ")
                .hasMessageContaining("lower the learning rate (now 1000000.0)")
                .satisfies(e -> assertThat(((MtlException) e).category()).isEqualTo(ErrorCategory.NUMERIC_DIVERGENCE));
    }
}
