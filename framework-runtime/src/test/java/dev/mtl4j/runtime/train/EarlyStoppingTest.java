package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.TrainingResult;
import org.junit.jupiter.api.Test;

final class EarlyStoppingTest {
    private final MtlRuntime runtime = MtlRuntime.create();

    @Test
    void stopsWhenTheWatchedMetricStallsAndKeepsTheBestEpoch() {
        // A large learning rate on a wide net overfits digits quickly; patience 1 stops it early.
        TrainingResult result = runtime.train(Mtl.pipeline("stop")
                .data(Data.csv(Pipelines.digitsFile()).numeric("px*").split(0.2, 7).validation(0.2))
                .encoder(Encoders.mlp().hidden(256, 256))
                .task("digit", Heads.classification(10))
                .training(t -> t.epochs(40).batchSize(16).adam(3e-3).seed(1).earlyStoppingOnLoss(1))
                .build());

        TrainingHistory history = result.history();
        assertThat(history.stoppedEarly()).isTrue();
        assertThat(history.epochs().size()).isLessThan(40);
        double bestLoss = history.epochs().get(history.bestEpoch() - 1).validationLoss();
        assertThat(history.epochs()).allSatisfy(e -> assertThat(e.validationLoss()).isGreaterThanOrEqualTo(bestLoss));
        assertThat(result.metrics()).containsKeys("train", "validation", "test");
    }

    @Test
    void refusesEarlyStoppingWithoutValidationRows() {
        assertThatThrownBy(() -> runtime.train(Pipelines.digits(3, 16)
                .task("digit", Heads.classification(10))
                .training(t -> t.epochs(3).earlyStopping("digit", "accuracy", 2))
                .build()))
                .isInstanceOf(SpecException.class)
                .hasMessage("training.earlyStopping: needs validation rows; set data.split.validation (e.g. 0.1)");
    }
}
