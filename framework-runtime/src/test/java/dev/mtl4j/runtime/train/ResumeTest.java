package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.model.CheckpointFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run interrupted after a checkpoint and resumed from it ends bit for bit where the uninterrupted
 * run ends: the same parameters, the same metrics, the same epoch reports — with dropout (ND4J's
 * random generator), Adam (its moments and its step counter), early stopping (its best parameters
 * and patience), shuffled rows and a task sampler (replayed generators). The kill is simulated here
 * by an exception right after a save; {@code KillAndResumeTest} kills a real process.
 */
final class ResumeTest {
    private static MtlRuntime runtime;

    @TempDir
    Path dir;

    @BeforeAll
    static void runtime() {
        runtime = MtlRuntime.create();
    }

    /** Thrown where a kill would land: right after a checkpoint is saved. */
    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Saves like {@code file}, and stops the run after the checkpoint of {@code epoch}. */
    private static Checkpointing killedAfter(CheckpointFile file, int epoch) {
        return new Checkpointing() {
            @Override
            public int every() {
                return file.every();
            }

            @Override
            public Optional<TrainingCheckpoint> resume(ComputationGraph graph) {
                return file.resume(graph);
            }

            @Override
            public void save(TrainingCheckpoint checkpoint) {
                file.save(checkpoint);
                if (checkpoint.epochsDone() == epoch) {
                    throw new Killed();
                }
            }
        };
    }

    private void assertResumedRunEqualsUninterrupted(PipelineSpec spec, int killAfter) {
        PreparedPipeline whole = runtime.prepare(spec, Path.of(""));
        TrainingResult uninterrupted = runtime.train(whole, TrainingListener.SILENT,
                CheckpointFile.of(dir.resolve("whole.zip"), spec, whole.dataFiles(), false));

        Path file = dir.resolve("checkpoint.zip");
        PreparedPipeline first = runtime.prepare(spec, Path.of(""));
        assertThatThrownBy(() -> runtime.train(first, TrainingListener.SILENT,
                killedAfter(CheckpointFile.of(file, spec, first.dataFiles(), false), killAfter))).isInstanceOf(Killed.class);
        PreparedPipeline second = runtime.prepare(spec, Path.of(""));
        TrainingResult resumed = runtime.train(second, TrainingListener.SILENT,
                CheckpointFile.of(file, spec, second.dataFiles(), true));

        assertThat(resumed.model().graph().params()).isEqualTo(uninterrupted.model().graph().params());
        assertThat(resumed.metrics()).isEqualTo(uninterrupted.metrics());
        assertThat(resumed.history().bestEpoch()).isEqualTo(uninterrupted.history().bestEpoch());
        assertThat(resumed.history().stoppedEarly()).isEqualTo(uninterrupted.history().stoppedEarly());
        assertThat(withoutTimes(resumed.history().epochs())).isEqualTo(withoutTimes(uninterrupted.history().epochs()));
    }

    private static List<EpochReport> withoutTimes(List<EpochReport> reports) {
        return reports.stream().map(r -> new EpochReport(r.epoch(), r.trainLoss(), r.validationLoss(), r.metrics(), 0,
                r.taskLosses(), r.weights(), r.validationTaskLosses(), r.trainMetrics())).toList();
    }

    @Test
    void dropoutAdamAndEarlyStoppingResumeExactly() {
        // Dropout (the fused step draws its masks from ND4J's generator, which the checkpoint restores),
        // validation metrics each epoch, early stopping on the loss.
        PipelineSpec spec = Mtl.pipeline("resume-dropout")
                .data(Data.csv(Pipelines.digitsFile()).numeric("px*").split(0.2, 7).validation(0.15))
                .encoder(Encoders.mlp().hidden(32).activation("relu").dropout(0.3))
                .task("digit", Heads.classification(10))
                .task("ink", Heads.regression())
                .training(t -> t.epochs(5).batchSize(32).adam(3e-3).seed(11).earlyStoppingOnLoss(2).checkpoint(2))
                .build();
        assertResumedRunEqualsUninterrupted(spec, 2);
    }

    @Test
    void theFusedStepAndATaskSamplerResumeExactly() {
        // Dense network without dropout (the fused step), tasks with their own data sets (the sampler's generator).
        PipelineSpec spec = Pipelines.ownData(3, null, 5).withTraining(Pipelines.ownData(3, null, 5).training()
                .withCheckpoint(new dev.mtl4j.api.spec.CheckpointSpec(1)));
        assertResumedRunEqualsUninterrupted(spec, 2);
    }

    @Test
    void aCheckpointOfAnotherPipelineIsRefusedNamingTheSettingThatDiffers() {
        PipelineSpec spec = Pipelines.digits(3, 16).task("digit", Heads.classification(10))
                .training(t -> t.epochs(3).batchSize(64).adam(1e-3).seed(42).checkpoint(1)).build();
        Path file = dir.resolve("checkpoint.zip");
        PreparedPipeline first = runtime.prepare(spec, Path.of(""));
        assertThatThrownBy(() -> runtime.train(first, TrainingListener.SILENT,
                killedAfter(CheckpointFile.of(file, spec, first.dataFiles(), false), 1))).isInstanceOf(Killed.class);

        PipelineSpec other = spec.withTraining(spec.training().withSeed(43));
        PreparedPipeline second = runtime.prepare(other, Path.of(""));
        assertThatThrownBy(() -> runtime.train(second, TrainingListener.SILENT,
                CheckpointFile.of(file, other, second.dataFiles(), true)))
                .isInstanceOf(MtlException.class)
                .hasMessage(file + ": the checkpoint belongs to another pipeline (training.seed: 42 in the checkpoint, 43 now); "
                        + "resume with the pipeline it was written by, or delete it to start over")
                .satisfies(e -> assertThat(((MtlException) e).category()).isEqualTo(ErrorCategory.CONFIG_INVALID));

        // How often checkpoints are taken is not part of what a run computes: a changed interval resumes.
        PipelineSpec everyTwo = spec.withTraining(spec.training().withCheckpoint(new dev.mtl4j.api.spec.CheckpointSpec(2)));
        PreparedPipeline third = runtime.prepare(everyTwo, Path.of(""));
        assertThat(runtime.train(third, TrainingListener.SILENT, CheckpointFile.of(file, everyTwo, third.dataFiles(), true))
                .history().epochs()).hasSize(3);
    }
}
