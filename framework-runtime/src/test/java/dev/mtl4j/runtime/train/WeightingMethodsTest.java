package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Weightings;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/** The learned weightings do what their papers say, on real networks. */
final class WeightingMethodsTest {
    private final MtlRuntime runtime = MtlRuntime.create();

    @Test
    void uncertaintyRecoversEachTasksNoise(@TempDir Path dir) throws IOException {
        // a = 3·x1 + ε (σ 1), b = x2 + ε (σ 3): both targets have variance 10, so standardising them keeps
        // the noise ratio σ_b/σ_a = 3, which the learned σ must recover
        Random random = new Random(11);
        List<String> rows = new ArrayList<>(List.of("x1,x2,a,b"));
        for (int i = 0; i < 3000; i++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            rows.add(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", x1, x2, 3 * x1 + random.nextGaussian(),
                    x2 + 3 * random.nextGaussian()));
        }
        Path csv = Files.write(dir.resolve("noise.csv"), rows);
        PipelineSpec spec = Mtl.pipeline("noise")
                .data(Data.csv(csv.toString()).numeric("x*").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(32))
                .task("a", Heads.regression())
                .task("b", Heads.regression())
                .training(t -> t.epochs(8).batchSize(32).adam(3e-3).seed(5)
                        .weighting(Weightings.uncertainty().param("lr", 0.02)))
                .build();
        TrainingResult result = runtime.train(spec, dir, TrainingListener.SILENT);

        List<?> logVariance = (List<?>) result.history().weightingState().get("logVariance");
        double sigmaA = Math.exp(((Number) logVariance.get(0)).doubleValue() / 2);
        double sigmaB = Math.exp(((Number) logVariance.get(1)).doubleValue() / 2);
        assertThat(sigmaB / sigmaA).isCloseTo(3.0, within(0.15 * 3.0));
        // and λ_i = 1/(2σ_i²) is what the steps applied
        EpochReport last = result.history().epochs().get(result.history().epochs().size() - 1);
        assertThat(last.weights().get("a") / last.weights().get("b")).isGreaterThan(5);
    }

    @Test
    void gradnormEqualisesTrainingRatesOfTasksWhoseLossesDiffer100Fold(@TempDir Path dir) throws IOException {
        Random random = new Random(5);
        List<String> rows = new ArrayList<>(List.of("x1,x2,x3,a,b"));
        for (int i = 0; i < 2000; i++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            double x3 = random.nextGaussian();
            rows.add(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f,%.5f", x1, x2, x3, Math.sin(2 * x1) * x3,
                    Math.sin(2 * x2) * x3));
        }
        Path csv = Files.write(dir.resolve("scales.csv"), rows);
        double[] staticRates = rates(trainScaled(csv, dir, null));
        TrainingResult balanced = trainScaled(csv, dir, Weightings.gradnorm(1.5).param("lr", 0.05));
        double[] gradnormRates = rates(balanced);
        // b's loss is 100 times a's: unbalanced, b's gradient drives the shared layers and a lags behind
        assertThat(staticRates[0] - staticRates[1]).isGreaterThan(0.1);
        assertThat(Math.abs(gradnormRates[0] - gradnormRates[1])).isLessThan((staticRates[0] - staticRates[1]) / 2);
        Map<String, Double> weights = balanced.history().epochs().get(balanced.history().epochs().size() - 1).weights();
        assertThat(weights.get("a") / weights.get("b")).isGreaterThan(10);
    }

    /** Each task's last-epoch training loss relative to its first epoch's. */
    private static double[] rates(TrainingResult result) {
        List<EpochReport> epochs = result.history().epochs();
        EpochReport first = epochs.get(0);
        EpochReport last = epochs.get(epochs.size() - 1);
        return new double[] {last.taskLosses().get("a") / first.taskLosses().get("a"),
                last.taskLosses().get("b") / first.taskLosses().get("b")};
    }

    /** Two regression tasks of equal difficulty; the second head's loss carries an output weight of 100. */
    private TrainingResult trainScaled(Path csv, Path dir, dev.mtl4j.api.dsl.Component weighting) {
        PipelineSpec spec = Mtl.pipeline("scales")
                .data(Data.csv(csv.toString()).numeric("x*").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(32, 32))
                .task("a", Heads.regression())
                .task("b", Heads.regression())
                .training(t -> {
                    t.epochs(6).batchSize(32).adam(1e-3).seed(3);
                    if (weighting != null) {
                        t.weighting(weighting);
                    }
                })
                .build();
        PreparedPipeline prepared = runtime.prepare(spec, dir);
        OutputLayer b = (OutputLayer) prepared.network().graph().getLayer("task/b/output").conf().getLayer();
        b.setLossFn(new LossMSE(Nd4j.createFromArray(new float[][] {{100f}})));
        return runtime.train(prepared, TrainingListener.SILENT);
    }

    @Test
    void dwaRaisesTheWeightOfATaskWhoseLossStalls(@TempDir Path dir) throws IOException {
        // beside the digit, a label drawn at random: its loss cannot fall much, the digit's falls fast
        List<String> lines = Files.readAllLines(Path.of(Pipelines.digitsFile()));
        Random random = new Random(9);
        List<String> rows = new ArrayList<>(List.of(lines.get(0) + ",noise"));
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line + "," + (random.nextBoolean() ? "heads" : "tails"));
        }
        Path csv = Files.write(dir.resolve("digits_noise.csv"), rows);
        PipelineSpec spec = Mtl.pipeline("stall")
                .data(Data.csv(csv.toString()).numeric("px*").drop("parity", "ink").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(32))
                .task("digit", Heads.classification(10))
                .task("noise", Heads.binary())
                .training(t -> t.epochs(5).batchSize(64).adam(1e-3).seed(2).weighting(Weightings.dwa(2.0)))
                .build();
        List<EpochReport> epochs = runtime.train(spec, dir, TrainingListener.SILENT).history().epochs();

        // the first two epochs weigh the tasks equally; from the third on, the stalled task weighs more
        assertThat(epochs.get(0).weights().get("noise")).isCloseTo(1.0, within(1e-9));
        for (EpochReport epoch : epochs.subList(2, epochs.size())) {
            assertThat(epoch.weights().get("noise")).as("epoch %d", epoch.epoch()).isGreaterThan(epoch.weights().get("digit"));
            assertThat(epoch.weights().get("noise") + epoch.weights().get("digit")).isCloseTo(2.0, within(1e-9));
        }
    }
}
