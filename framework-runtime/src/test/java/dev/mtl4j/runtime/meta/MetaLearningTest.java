package dev.mtl4j.runtime.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Transfers;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Repository;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.TrainingListener;
import dev.mtl4j.runtime.transfer.TransferResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Meta-learning on the bundled sine waves (Finn et al. 2017 §5.1: 200 training waves of 20 points,
 * 50 held-out waves of 110): Reptile's start adapts to a held-out wave from 10 points better than the
 * network trained jointly on every training wave; a meta-learned model adapts to a new wave in a
 * transfer pipeline; bad configurations are one-line errors naming their key.
 */
final class MetaLearningTest {
    private static MtlRuntime runtime;
    private static MetaResult reptile;

    @TempDir
    static Path dir;

    private static Data sines() {
        return Data.csv(Repository.file("examples/data/sine_waves.csv").toString()).numeric("x").drop("split").splitColumn("split");
    }

    private static PipelineSpec pipeline(Transfers.MetaLearning strategy, Data data) {
        return Mtl.pipeline("sines").data(data).encoder(Encoders.mlp().hidden(40, 40)).task("y", Heads.regression())
                .strategy(strategy).training(t -> t.epochs(3).batchSize(20).adam(1e-2).seed(1)).build();
    }

    private static Transfers.MetaLearning reptile() {
        return Transfers.reptile().taskColumn("wave").support(10).query(10).innerSteps(3).innerLr(0.1).metaBatch(4)
                .outerSteps(100).evaluateAfter(0, 10);
    }

    @BeforeAll
    static void metaTrain() {
        runtime = MtlRuntime.create();
        reptile = runtime.metaTrain(pipeline(reptile(), sines()), Path.of(""), TrainingListener.SILENT, true);
    }

    @Test
    void reptilesStartAdaptsToAHeldOutWaveBetterThanThePretrainedNetwork() {
        double learned = reptile.metaLearned().metric("test@10", "y", "mse");
        double pretrained = reptile.pretrained().metric("test@10", "y", "mse");

        assertThat(learned).isLessThan(0.8 * pretrained);
        assertThat(reptile.metaLearned().metric("test@10", "y", "mse")).isLessThan(reptile.metaLearned().metric("test@0", "y", "mse"));
        assertThat(reptile.scratch().history().epochs()).isEmpty();
        assertThat(reptile.metaLearned().history().epochs()).hasSize(3);
    }

    @Test
    void theMetaLearnedModelSavesAndKeepsItsStrategyForTheTransferThatAdaptsIt() throws IOException {
        Path model = dir.resolve("sines.zip");
        runtime.save(reptile.metaLearned().model(), model);
        Path wave = dir.resolve("wave.csv");
        StringBuilder rows = new StringBuilder("x,y\n");
        for (int i = 0; i < 60; i++) {
            double x = -5 + 10 * ((i * 37) % 60) / 60.0;
            rows.append(x).append(',').append(2.5 * Math.sin(x - 1.0)).append('\n');
        }
        Files.writeString(wave, rows.toString());

        TransferResult adapted = runtime.transfer(Mtl.transfer("new-wave", model.toString())
                .strategy(Transfers.reptile().evaluateAfter(0, 1, 10)).keep("y")
                .data(Data.csv(wave.toString()).split(0.5, 3).limit(10)).build(), Path.of(""), TrainingListener.SILENT, true);

        TrainingResult fromStart = adapted.transferred();
        assertThat(fromStart.metrics()).containsKeys("test@0", "test@1", "test@10", "train", "test");
        assertThat(fromStart.metric("test@10", "y", "mse")).isLessThan(fromStart.metric("test@0", "y", "mse"));
        // innerSteps (3) came from the source model's strategy: the kept model is the one after 3 steps
        assertThat(fromStart.metric("test", "y", "mse")).isNotEqualTo(fromStart.metric("test@10", "y", "mse"));
        assertThat(adapted.baseline().metrics()).containsKey("test@10");
    }

    @Test
    void aMissingTaskColumnOneTaskAndTooFewRowsAreErrorsNamingTheirKeys() throws IOException {
        Path oneTask = dir.resolve("one.csv");
        Files.writeString(oneTask, "wave,x,y\n" + "a,1,1\n".repeat(30));
        Path small = dir.resolve("small.csv");
        Files.writeString(small, "wave,x,y\n" + "a,1,1\n".repeat(30) + "b,2,2\n".repeat(15));

        assertThatThrownBy(() -> runtime.metaTrain(pipeline(reptile().taskColumn("school"), sines()), Path.of(""),
                TrainingListener.SILENT, false))
                .isInstanceOfSatisfying(MtlException.class, e -> assertThat(e.getMessage())
                        .startsWith("strategy.taskColumn: ").contains("has no column 'school'"));
        assertThatThrownBy(() -> runtime.metaTrain(pipeline(reptile(), Data.csv(oneTask.toString()).numeric("x").split(0, 1)),
                Path.of(""), TrainingListener.SILENT, false))
                .isInstanceOfSatisfying(MtlException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG_INVALID);
                    assertThat(e.getMessage()).startsWith("strategy.taskColumn: column 'wave'").contains("gives 1 training task");
                });
        assertThatThrownBy(() -> runtime.metaTrain(pipeline(reptile(), Data.csv(small.toString()).numeric("x").split(0, 1)),
                Path.of(""), TrainingListener.SILENT, false))
                .isInstanceOf(MtlException.class)
                .hasMessage("strategy.support: training task 'b' has 15 rows; an episode takes support + query = 10 + 10 rows of one task");
        assertThatThrownBy(() -> runtime.metaTrain(pipeline(Transfers.reptile().support(10), sines()), Path.of(""),
                TrainingListener.SILENT, false))
                .isInstanceOf(MtlException.class).hasMessageStartingWith("strategy.taskColumn: is required to meta-train");
    }
}
