package dev.mtl4j.runtime.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.api.dsl.Weightings;
import dev.mtl4j.api.spec.EarlyStoppingSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A task trained alone for --baselines: λ = 1 under the static weighting, whatever the pipeline balances with. */
class BaselinesAloneTest {

    /** Two tasks with weights 0.3 and 0.7 on soft sharing, early stopping on task b's accuracy. */
    private static PipelineSpec pipeline(Component weighting) {
        return Mtl.pipeline("p")
                .data(Data.csv("d.csv").numeric("x*").validation(0.1))
                .encoder(Encoders.mlp().hidden(8))
                .sharing(Sharing.soft())
                .task("a", Heads.binary()).weight(0.3)
                .task("b", Heads.binary()).weight(0.7)
                .training(t -> t.epochs(5).seed(42).earlyStopping("b", "accuracy", 2).weighting(weighting))
                .build();
    }

    @Test
    void aTaskAloneTrainsWithWeightOneUnderTheStaticWeighting() {
        PipelineSpec alone = Baselines.alone(pipeline(Weightings.pcgrad()), pipeline(Weightings.pcgrad()).tasks().get(0), 43);

        assertThat(alone.tasks()).singleElement().satisfies(t -> assertThat(t.weight()).isEqualTo(1.0));
        assertThat(alone.training().weighting()).isNull();
        assertThat(alone.training().weightingOrDefault().type()).isEqualTo(TrainingSpec.DEFAULT_WEIGHTING);
        assertThat(alone.training().seed()).isEqualTo(43);
        assertThat(alone.sharing().type()).isEqualTo("hard");
        assertThat(alone.training().earlyStopping().metric()).isEqualTo("loss");   // task b is not there to watch
    }

    @Test
    void replacingTheEarlyStoppingKeepsEverythingElseOfTheTraining() {
        TrainingSpec training = pipeline(Weightings.dwa(2.0)).training();

        TrainingSpec changed = training.withEarlyStopping(new EarlyStoppingSpec(null, "loss", 3));

        assertThat(changed.weighting()).isEqualTo(training.weighting()).isNotNull();
        assertThat(changed.withEarlyStopping(training.earlyStopping())).isEqualTo(training);
    }
}
