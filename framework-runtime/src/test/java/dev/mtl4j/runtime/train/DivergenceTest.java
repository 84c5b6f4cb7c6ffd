package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.model.CheckpointFile;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Training stops with NUMERIC_DIVERGENCE, naming the epoch, the batch and the task, when a loss
 * explodes — to NaN or infinity, or far beyond its start while finite — and never on noisy but
 * healthy training.
 */
final class DivergenceTest {

    @Test
    void aLossThatOverflowsStopsTrainingWithAHint() {
        assertThatThrownBy(() -> MtlRuntime.create().train(Pipelines.digits(5, 64, 64)
                .task("ink", Heads.regression())
                .training(t -> t.epochs(5).batchSize(32).sgd(1e6, 0.9).seed(1))
                .build()))
                .isInstanceOf(MtlException.class)
                .hasMessageStartingWith("training.optimizer.lr: training diverged in epoch 1, batch ")
                .hasMessageContaining(", task 'ink': its loss is ")
                .hasMessageContaining("lower the learning rate (now 1000000.0)")
                .satisfies(e -> assertThat(((MtlException) e).category()).isEqualTo(ErrorCategory.NUMERIC_DIVERGENCE));
    }

    @Test
    void aFiniteExplosionStopsTrainingToo() {
        // Adam at 1e6 moves every weight by ~1e6 a step: the loss stays finite (4.5e27 after training
        // before this rule), which NaN/infinity checks never caught.
        assertThatThrownBy(() -> MtlRuntime.create().train(Pipelines.digits(5, 32)
                .task("digit", Heads.classification(10))
                .task("ink", Heads.regression())
                .training(t -> t.epochs(5).batchSize(32).adam(1e6).seed(1))
                .build()))
                .isInstanceOf(MtlException.class)
                .hasMessageMatching("training\\.optimizer\\.lr: training diverged in epoch 1, batch \\d+, task '(digit|ink)': its loss is [0-9.e+]+, "
                        + "more than 10000 times .*; lower the learning rate \\(now 1000000.0\\) or check the data for extreme values")
                .satisfies(e -> assertThat(((MtlException) e).category()).isEqualTo(ErrorCategory.NUMERIC_DIVERGENCE));
    }

    @Test
    void noisyButHealthyTrainingIsNeverStopped() {
        // Batches of two rows and a large step: every batch loss jumps around, none near the bound.
        List<Double> losses = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void batchDone(int epoch, int batch, int batches, double loss) {
                losses.add(loss);
            }
        };
        TrainingResult result = MtlRuntime.create().train(Pipelines.digits(1, 32)
                .task("digit", Heads.classification(10))
                .task("ink", Heads.regression())
                .training(t -> t.epochs(1).batchSize(2).adam(3e-3).seed(3))
                .build(), Path.of(""), record);

        double start = median(losses.subList(0, DivergenceGuard.START_BATCHES));
        double largest = losses.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(largest / losses.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                .as("the batch losses are noisy").isGreaterThan(100);
        assertThat(largest).as("and stay far below the bound").isLessThan(DivergenceGuard.FACTOR * Math.max(start, 1) / 100);
        assertThat(result.metric("test", "digit", "accuracy")).as("and the network learned").isGreaterThan(0.5);
    }

    @Test
    void aLossThatGrowsOverEpochsStopsTrainingAndTheLastCheckpointStays(@TempDir Path dir) {
        // Plain SGD just above the stable step size: the loss falls, then grows a little every step
        // and explodes a few epochs in (epoch 4 here), long after the first checkpoints.
        MtlRuntime runtime = MtlRuntime.create();
        PipelineSpec spec = Pipelines.digits(10, 16).task("ink", Heads.regression())
                .training(t -> t.epochs(10).batchSize(64).sgd(0.215, 0).seed(1).checkpoint(1)).build();
        PreparedPipeline prepared = runtime.prepare(spec, Path.of(""));
        Path file = dir.resolve("checkpoint.zip");
        MtlException diverged = catchThrowableOfType(MtlException.class, () -> runtime.train(prepared, TrainingListener.SILENT,
                CheckpointFile.of(file, spec, prepared.dataFiles(), false)));

        assertThat(diverged).isNotNull();
        assertThat(diverged.category()).isEqualTo(ErrorCategory.NUMERIC_DIVERGENCE);
        Matcher where = Pattern.compile("training\\.optimizer\\.lr: training diverged in epoch (\\d+), batch \\d+, task 'ink': its loss is ")
                .matcher(diverged.getMessage());
        assertThat(where.lookingAt()).as(diverged.getMessage()).isTrue();
        int epoch = Integer.parseInt(where.group(1));
        assertThat(epoch).as("diverged after some checkpoints").isBetween(2, 10);
        assertThat(CheckpointFile.progress(file)).hasValue("epoch " + (epoch - 1) + " of 10");
        assertThat(diverged.getMessage()).endsWith("(the checkpoint of epoch " + (epoch - 1) + " is kept)");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
