package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.dsl.Samplers;
import dev.mtl4j.api.spec.OptimizerSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spi.TaskSampler;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.TrainingResult;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * Tasks with their own data sets (digit on 1,200 rows, parity on 300 other rows): a batch holds one
 * task's rows, the other head gets no gradient from it, the sampler's order is followed and seeded,
 * and the shared encoder learns both tasks.
 */
final class TaskSamplingTest {
    private static final Path HERE = Path.of("").toAbsolutePath();
    private final MtlRuntime runtime = MtlRuntime.create();

    @Test
    void bothTasksLearnOnTheirOwnTestRows() {
        TrainingResult result = runtime.train(Pipelines.ownData(8, Samplers.proportional(), 42), HERE, TrainingListener.SILENT);
        assertThat(result.metric("test", "digit", "accuracy")).isGreaterThanOrEqualTo(0.93);
        assertThat(result.metric("test", "parity", "accuracy")).isGreaterThanOrEqualTo(0.88);
        // measured on each task's own test split: 300 of 1,200 digit rows, 75 of 300 parity rows
        PreparedPipeline prepared = runtime.prepare(Pipelines.ownData(1, null, 42), HERE);
        assertThat(prepared.test().size()).isEqualTo(300 + 75);
        assertThat(prepared.dataSets().sizes()).containsExactly(900, 225);
        assertThat(prepared.test().masks().get(0).sumNumber().intValue()).isEqualTo(300);
        assertThat(prepared.test().masks().get(1).sumNumber().intValue()).isEqualTo(75);
    }

    @Test
    void theSameSeedGivesIdenticalResultsAndAnotherSeedOthers() {
        PipelineSpec spec = Pipelines.ownData(2, Samplers.temperature(2.0), 42);
        TrainingResult first = runtime.train(spec, HERE, TrainingListener.SILENT);
        TrainingResult second = runtime.train(spec, HERE, TrainingListener.SILENT);
        assertThat(second.metrics()).isEqualTo(first.metrics());
        assertThat(second.model().graph().params()).isEqualTo(first.model().graph().params());
        TrainingResult other = runtime.train(Pipelines.ownData(2, Samplers.temperature(2.0), 43), HERE, TrainingListener.SILENT);
        assertThat(other.model().graph().params()).isNotEqualTo(first.model().graph().params());
    }

    @Test
    void everyBatchHoldsOneTasksRowsAndRoundRobinAlternates() {
        PreparedPipeline prepared = runtime.prepare(Pipelines.ownData(1, Samplers.roundRobin(), 42), HERE);
        TaskSampler roundRobin = (rows, batch, random) -> new int[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
        SampledBatches batches = new SampledBatches(prepared.dataSets(), roundRobin, 32, 42, true);
        SampledBatches.Plan plan = (SampledBatches.Plan) batches.nextEpoch();
        assertThat(plan.sets()).containsExactly(0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
        for (int b = 0; b < plan.batches(); b++) {
            MultiDataSet batch = plan.batch(b);
            int task = plan.sets()[b];
            assertThat(batch.getFeatures(0).size(0)).isEqualTo(32);
            // the batch's own task fully labelled, the other fully masked
            assertThat(batch.getLabelsMaskArray(task).sumNumber().intValue()).isEqualTo(32);
            assertThat(batch.getLabelsMaskArray(1 - task).sumNumber().intValue()).isZero();
        }
    }

    @Test
    void aPassOverASmallDataSetIsToppedUpWithoutRepeatingARowInABatch() {
        PreparedPipeline prepared = runtime.prepare(Pipelines.ownData(1, null, 42), HERE);
        // parity has 225 training rows: 7 full batches of 32 leave 1 row for the 8th, topped up with 31 from a new shuffle
        TaskSampler parityOnly = (rows, batch, random) -> new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1};
        SampledBatches.Plan plan = (SampledBatches.Plan) new SampledBatches(prepared.dataSets(), parityOnly, 32, 1, true)
                .nextEpoch();
        java.util.Set<String> firstPass = new java.util.HashSet<>();
        for (int b = 0; b < 8; b++) {
            INDArray features = plan.batch(b).getFeatures(0);
            java.util.Set<String> inBatch = new java.util.HashSet<>();
            for (int r = 0; r < features.size(0); r++) {
                String row = java.util.Arrays.toString(features.getRow(r).toFloatVector());
                assertThat(inBatch.add(row)).as("a row twice in batch " + b).isTrue();
                if (b < 7 || r == 0) {
                    firstPass.add(row);
                }
            }
        }
        assertThat(firstPass).hasSizeGreaterThanOrEqualTo(220); // every row of the pass (a few digit images are identical)
    }

    @Test
    void aHeadGetsNoGradientFromABatchOfAnotherTaskOnBothTrainingPaths() {
        for (StepKind kind : new StepKind[] {StepKind.GRAPH, StepKind.FUSED}) {
            PreparedPipeline prepared = runtime.prepare(sgd(Pipelines.ownData(1, null, 42)), HERE);
            ComputationGraph graph = prepared.network().graph();
            TaskSampler parityOnly = (rows, batch, random) -> new int[] {1};
            MultiDataSet parityBatch = new SampledBatches(prepared.dataSets(), parityOnly, 32, 5, true).nextEpoch().batch(0);

            INDArray digitHead = graph.getLayer("task/digit/output").params().dup();
            INDArray parityHead = graph.getLayer("task/parity/output").params().dup();
            INDArray encoder = graph.getLayer("shared/encoder/dense_0").params().dup();
            double loss = kind.create(graph).fit(parityBatch, StepWeights.fixed(new double[] {1, 1})).loss();

            assertThat(loss).as(kind.name()).isPositive().isFinite();
            assertThat(graph.getLayer("task/digit/output").params()).as(kind + ": digit head").isEqualTo(digitHead);
            assertThat(graph.getLayer("task/parity/output").params()).as(kind + ": parity head").isNotEqualTo(parityHead);
            assertThat(graph.getLayer("shared/encoder/dense_0").params()).as(kind + ": encoder").isNotEqualTo(encoder);
        }
    }

    @Test
    void theFusedStepAndDl4jAgreeOnBatchesWithAFullyMaskedHead() {
        PipelineSpec spec = Pipelines.ownData(1, null, 42);
        ComputationGraph fused = runtime.prepare(spec, HERE).network().graph();
        ComputationGraph dl4j = runtime.prepare(spec, HERE).network().graph();
        assertThat(fused.params()).isEqualTo(dl4j.params());
        PreparedPipeline prepared = runtime.prepare(spec, HERE);
        TaskSampler alternate = (rows, batch, random) -> new int[] {0, 1, 1, 0, 1, 0};
        Batches batches = new SampledBatches(prepared.dataSets(), alternate, 32, 3, true).nextEpoch();
        TrainingStep fusedStep = StepKind.FUSED.create(fused);
        TrainingStep graphStep = StepKind.GRAPH.create(dl4j);
        for (int b = 0; b < batches.batches(); b++) {
            MultiDataSet batch = batches.batch(b);
            StepWeights weights = StepWeights.fixed(new double[] {1, 1});
            StepResult fusedResult = fusedStep.fit(batch, weights);
            StepResult graphResult = graphStep.fit(batch, weights);
            assertThat(fusedResult.loss()).isCloseTo(graphResult.loss(), org.assertj.core.api.Assertions.within(1e-4));
            assertThat(fusedResult.present()).isEqualTo(graphResult.present()).containsOnlyOnce(true);
        }
        assertThat(fused.params().sub(dl4j.params()).amaxNumber().doubleValue()).isLessThan(1e-5);
    }

    @Test
    void aTaskWithItsOwnFileBesideTasksOnThePipelinesRowsWithValidationAndEarlyStopping() {
        PipelineSpec spec = dev.mtl4j.api.dsl.Mtl.pipeline("mixed")
                .data(dev.mtl4j.api.dsl.Data.csv(Pipelines.digitsFile()).numeric("px*").split(0.2, 7).validation(0.1))
                .encoder(dev.mtl4j.api.dsl.Encoders.mlp().hidden(32))
                .task("digit", dev.mtl4j.api.dsl.Heads.classification(10))
                .task("ink", dev.mtl4j.api.dsl.Heads.regression())
                .task("odd", dev.mtl4j.api.dsl.Heads.classification(2)).labels("parity")
                .ownData(dev.mtl4j.api.dsl.Data.csv(dev.mtl4j.runtime.Repository.file("examples/data/digits_parity_300.csv")
                        .toString()).split(0.2, 3).validation(0.2))
                .training(t -> t.epochs(5).batchSize(32).adam(3e-3).seed(1).earlyStopping("odd", "accuracy", 5))
                .build();
        PreparedPipeline prepared = runtime.prepare(spec, HERE);
        // the pipeline's rows (digit, ink) first, then odd's own file; each split stacks both
        assertThat(prepared.dataSets().sizes()).containsExactly(1294, 192);
        assertThat(prepared.validation().size()).isEqualTo(144 + 48);
        TrainingResult result = runtime.train(prepared, TrainingListener.SILENT);
        assertThat(result.history().epochs()).hasSize(5);
        assertThat(result.metrics().get("validation")).containsOnlyKeys("digit", "ink", "odd");
        assertThat(result.metric("test", "odd", "accuracy")).isGreaterThan(0.75);
        assertThat(result.metric("test", "digit", "accuracy")).isGreaterThan(0.8);
        assertThat(result.metric("test", "ink", "r2")).isGreaterThan(0.5);
    }

    /** The same pipeline with plain SGD: without momentum, a zero gradient leaves a parameter exactly as it was. */
    private static PipelineSpec sgd(PipelineSpec spec) {
        TrainingSpec t = spec.training();
        return new PipelineSpec(spec.name(), spec.data(), spec.encoder(), spec.sharing(), spec.tasks(),
                new TrainingSpec(t.epochs(), t.batchSize(), new OptimizerSpec("sgd", 0.1, 0, 0), t.seed(), t.shuffle(),
                        null, t.sampler()));
    }
}
