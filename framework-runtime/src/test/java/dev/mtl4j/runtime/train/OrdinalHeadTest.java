package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Predictions;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.model.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code ordinal} head (CORAL) on a generated set with five ordered sizes whose names do not sort
 * in order (xs, s, m, l, xl): a latent score of the features, cut into five bands, plus noise.
 */
final class OrdinalHeadTest {
    private static final List<String> SIZES = List.of("xs", "s", "m", "l", "xl");
    @TempDir
    static Path dir;
    private static Path data;
    /** More rows than one scoring batch (4,096), so that scores accumulate across batches. */
    private static Path many;

    private final MtlRuntime runtime = MtlRuntime.create();

    @BeforeAll
    static void generate() throws IOException {
        data = generate("sizes.csv", 1200, 5);
        many = generate("many.csv", 5000, 6);
    }

    private static Path generate(String name, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add("x0,x1,x2,size");
        for (int row = 0; row < rows; row++) {
            double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double latent = x[0] + 0.5 * x[1] + 0.3 * random.nextGaussian();
            int rank = latent < -1 ? 0 : latent < -0.3 ? 1 : latent < 0.3 ? 2 : latent < 1 ? 3 : 4;
            lines.add(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%s", x[0], x[1], x[2], SIZES.get(rank)));
        }
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }

    private static PipelineSpec spec(Heads.Head head) {
        return Mtl.pipeline("sizes")
                .data(Data.csv(data.toString()).numeric("x*").split(0.25, 7))
                .encoder(Encoders.mlp().hidden(16))
                .task("size", head)
                .training(t -> t.epochs(6).batchSize(32).adam(1e-2).seed(3))
                .build();
    }

    @Test
    void learnsTheRanksKeepsItsUnitWeightsAndReloads() {
        TrainingResult trained = runtime.train(spec(Heads.ordinal(SIZES.toArray(String[]::new))));

        assertThat(trained.model().preprocessor().targetInfo("size").classes()).containsExactlyElementsOf(SIZES);
        // measured 0.61 and 0.39 (a fifth of the rows is right, within the noise, at a band's edge)
        assertThat(trained.metric("test", "size", "accuracy")).isGreaterThan(0.55);
        assertThat(trained.metric("test", "size", "rank-mae")).isLessThan(0.5);
        // the thresholds read the one score through weights fixed at 1: CORAL's shared weight vector
        INDArray unit = trained.model().graph().getLayer("task/size/output").getParam("W");
        assertThat(unit.minNumber().doubleValue()).isEqualTo(1.0);
        assertThat(unit.maxNumber().doubleValue()).isEqualTo(1.0);

        Path file = dir.resolve("ordinal.zip");
        runtime.save(trained.model(), file);
        TrainedModel loaded = runtime.load(file);
        Map<String, Double> before = runtime.evaluate(trained.model(), many).get("size");
        Map<String, Double> after = runtime.evaluate(loaded, many).get("size");
        assertThat(after.keySet()).containsExactly("accuracy", "rank-mae", "macro-f1", "log-loss");
        after.forEach((metric, value) -> assertThat(value).as(metric).isCloseTo(before.get(metric), within(1e-9)));
        assertThat(loaded.spec()).isEqualTo(trained.model().spec());

        Predictions predictions = runtime.predict(loaded, data);
        assertThat(predictions.columns()).containsExactly("size", "size.probability");
        assertThat(SIZES).contains(predictions.row(0).get(0));
        assertThat(Double.parseDouble(predictions.row(0).get(1))).isBetween(0.0, 1.0);
    }

    @Test
    void theFusedStepAndDl4jTrainItAlike() {
        PipelineSpec spec = spec(Heads.ordinal(SIZES.toArray(String[]::new)).hidden(8));
        PreparedPipeline forFused = runtime.prepare(spec, dir);
        PreparedPipeline forGraph = runtime.prepare(spec, dir);
        ComputationGraph fused = forFused.network().graph();
        ComputationGraph dl4j = forGraph.network().graph();
        assertThat(fused.params()).isEqualTo(dl4j.params());
        TrainingStep fusedStep = StepKind.FUSED.create(fused);
        TrainingStep graphStep = StepKind.GRAPH.create(dl4j);
        // the unit weights' learning rate of 0 is an ordinary optimizer: the fused step still drives them itself
        assertThat(((FusedDenseStep) fusedStep).drivesOptimizersDirectly()).isTrue();
        BatchPlan plan = new BatchPlan(forGraph.train(), 32, new Random(1));
        for (int b = 0; b < plan.batches(); b++) {
            StepResult fusedResult = fusedStep.fit(plan.batch(b), StepWeights.fixed(new double[] {1}));
            StepResult graphResult = graphStep.fit(plan.batch(b), StepWeights.fixed(new double[] {1}));
            assertThat(fusedResult.loss()).as("step %d", b).isCloseTo(graphResult.loss(), within(1e-4));
        }
        assertThat(fused.params().sub(dl4j.params()).amaxNumber().doubleValue()).isLessThan(1e-4);
        for (ComputationGraph graph : List.of(fused, dl4j)) {
            INDArray unit = graph.getLayer("task/size/output").getParam("W");
            assertThat(unit.minNumber().doubleValue()).isEqualTo(1.0);
            assertThat(unit.maxNumber().doubleValue()).isEqualTo(1.0);
        }
        assertThat(fused.getLayer("task/size/output").getParam("b").maxNumber().doubleValue())
                .as("the thresholds trained").isNotEqualTo(0.0);
    }

    @Test
    void withoutAnOrderTheClassesTakeTheirNumericOrder() throws IOException {
        Path numbers = dir.resolve("numbers.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(data));
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String size = line.substring(line.lastIndexOf(',') + 1);
            lines.set(i, line.substring(0, line.lastIndexOf(',') + 1) + (SIZES.indexOf(size) + 1) * 5);
        }
        Files.write(numbers, lines);
        PreparedPipeline prepared = runtime.prepare(Mtl.pipeline("numbers")
                .data(Data.csv(numbers.toString()).numeric("x*").split(0.25, 7)).encoder(Encoders.mlp().hidden(4))
                .task("size", Heads.ordinal()).training(t -> t.epochs(1)).build(), dir);

        assertThat(prepared.preprocessor().targetInfo("size").classes()).containsExactly("5", "10", "15", "20", "25");
    }

    @Test
    void earlyStoppingWatchesTheRankErrorAndKeepsItsBestEpoch() {
        PipelineSpec spec = Mtl.pipeline("sizes")
                .data(Data.csv(data.toString()).numeric("x*").split(0.25, 7).validation(0.2))
                .encoder(Encoders.mlp().hidden(16))
                .task("size", Heads.ordinal(SIZES.toArray(String[]::new)))
                .training(t -> t.epochs(8).batchSize(32).adam(3e-2).seed(3).earlyStopping("size", "rank-mae", 2))
                .build();

        TrainingResult trained = runtime.train(spec);

        double best = trained.history().epochs().stream().mapToDouble(e -> e.metrics().get("size").get("rank-mae")).min()
                .orElseThrow();
        EpochReport kept = trained.history().epochs().get(trained.history().bestEpoch() - 1);
        assertThat(kept.metrics().get("size").get("rank-mae")).as("the best epoch is the one with the least rank error")
                .isEqualTo(best);
        assertThat(trained.metric("validation", "size", "rank-mae")).as("its parameters are the ones kept")
                .isCloseTo(best, within(1e-9));
    }

    @Test
    void theThresholdsStartAtTheTrainingRowsClassShares() {
        PreparedPipeline prepared = runtime.prepare(spec(Heads.ordinal(SIZES.toArray(String[]::new))), dir);
        List<Long> counts = prepared.preprocessor().targetInfo("size").counts();
        long total = counts.stream().mapToLong(Long::longValue).sum();

        INDArray start = prepared.network().graph().getLayer("task/size/output").getParam("b");
        long above = total;
        for (int k = 0; k < SIZES.size() - 1; k++) {
            above -= counts.get(k);
            double share = (double) above / total;
            assertThat(start.getDouble(k)).as("threshold %d", k).isCloseTo(Math.log(share / (1 - share)), within(1e-5));
        }
    }
}
