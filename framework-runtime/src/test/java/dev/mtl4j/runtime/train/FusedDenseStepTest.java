package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.api.spec.FeatureOptions;
import dev.mtl4j.api.spec.FeatureType;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.PreparedPipeline;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused dense step against DL4J's own fit: from the same initial weights, on the same batches,
 * the same loss at every step (within 1e-4) and the same parameters and updater state at the end.
 */
final class FusedDenseStepTest {
    private final MtlRuntime runtime = MtlRuntime.create();

    @Test
    void threeHeadKindsWithAdam() {
        assertSameTraining(Pipelines.digits(1, 32, 16)
                .task("digit", Heads.classification(10)).weight(0.5)
                .task("parity", Heads.binary()).weight(0.3)
                .task("ink", Heads.regression()).weight(0.2)
                .training(t -> t.batchSize(50).adam(3e-3).seed(7))
                .build());
    }

    @Test
    void partialLabelsTanhSgdMomentumAndWeightDecay() {
        // MARITAL.STATUS is missing on some rows: label masks
        assertSameTraining(Mtl.pipeline("income")
                .data(Data.csv(Pipelines.incomeFile()).categorical("*").drop("DUAL.INCOMES").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(24).activation("tanh"))
                .task("INCOME", Heads.classification().hidden(8)).weight(0.6)
                .task("MARITAL.STATUS", Heads.classification()).weight(0.4)
                .training(t -> t.batchSize(128).sgd(0.05, 0.9).weightDecay(1e-3).seed(3))
                .build());
    }

    @Test
    void maeRegressionAndSigmoidLayers() {
        assertSameTraining(Pipelines.digits(1, 16)
                .encoder(Encoders.mlp().hidden(16, 8).activation("sigmoid"))
                .task("ink", Heads.regression().loss("mae"))
                .task("digit", Heads.classification())
                .training(t -> t.batchSize(64).adam(1e-2).seed(5))
                .build());
    }

    /**
     * Dropout as in the income pipeline (relu 24-12, p = 0.2 after each layer, two softmax heads). The
     * masks are fixed, not compared in expectation: here the fused step draws them with DL4J's own
     * {@code DropOutInverted} from ND4J's generator in fit's order, and the test seeds that generator
     * identically before each step, so any difference in scaling or backward shows as a loss or
     * parameter difference. (Its default, faster draws have the same distribution: DropoutDrawsTest.)
     */
    @Test
    void dropoutDrawsDl4jsMasksAndBackpropagatesThroughThem() {
        PipelineSpec spec = Mtl.pipeline("income")
                .data(Data.csv(Pipelines.incomeFile()).categorical("*").drop("DUAL.INCOMES").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(24, 12).dropout(0.2))
                .task("INCOME", Heads.classification()).weight(0.5)
                .task("MARITAL.STATUS", Heads.classification()).weight(0.5)
                .training(t -> t.batchSize(64).adam(3e-3).seed(42))
                .build();
        assertThat(StepKind.chosenFor(prepare(spec).network().graph())).isEqualTo("fused-dense");
        assertSameTraining(spec);
    }

    @Test
    void dropoutBeforeAHeadsHiddenLayerWithTanhSgdAndWeightDecay() {
        assertSameTraining(Pipelines.digits(1, 32)
                .encoder(Encoders.mlp().hidden(32).activation("tanh").dropout(0.3))
                .task("digit", Heads.classification(10).hidden(16)).weight(0.7)
                .task("ink", Heads.regression()).weight(0.3)
                .training(t -> t.batchSize(50).sgd(0.05, 0.9).weightDecay(1e-3).seed(11))
                .build());
    }

    /** MMoE as in income-mmoe (experts with dropout, softmax gates from the input, a mixture per task). */
    @Test
    void mixtureOfExpertsWithDropoutAndAHiddenHeadLayer() {
        PipelineSpec spec = Mtl.pipeline("income-mmoe")
                .data(Data.csv(Pipelines.incomeFile()).categorical("*").drop("DUAL.INCOMES").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(16, 8).dropout(0.2))
                .sharing(Sharing.attention("mmoe").experts(3))
                .task("INCOME", Heads.classification().hidden(6)).weight(0.5)
                .task("MARITAL.STATUS", Heads.classification()).weight(0.5)
                .training(t -> t.batchSize(64).adam(3e-3).seed(42))
                .build();
        assertThat(StepKind.chosenFor(prepare(spec).network().graph())).isEqualTo("fused-dense");
        assertSameTraining(spec);
    }

    /** CGC: shared experts and each task's own, three tasks, sigmoid and MSE heads, SGD with weight decay. */
    @Test
    void customizedGateControlWithThreeHeadKinds() {
        assertSameTraining(Pipelines.digits(1, 12)
                .sharing(Sharing.attention("cgc").experts(2).taskExperts(1))
                .task("digit", Heads.classification(10)).weight(0.5)
                .task("parity", Heads.binary()).weight(0.3)
                .task("ink", Heads.regression()).weight(0.2)
                .training(t -> t.batchSize(50).sgd(0.05, 0.9).weightDecay(1e-3).seed(7))
                .build());
    }

    /**
     * Soft sharing's towers tied by an L2 penalty: the step adds the penalty's gradient where DL4J's fit
     * calls the tie listener (after the backward pass, before the updater divides by the batch size),
     * and its value to the loss. With Adam the step drives the optimizer itself (gradients already
     * divided), with weight decay it goes through DL4J's updater: both scalings are compared.
     */
    @Test
    void towersTiedByAnL2PenaltyWithAdam() {
        assertSameTraining(Pipelines.digits(1, 16, 8)
                .sharing(Sharing.soft().penalty("l2").coefficient(0.5))
                .task("digit", Heads.classification(10)).weight(0.7)
                .task("parity", Heads.binary()).weight(0.3)
                .training(t -> t.batchSize(50).adam(1e-2).seed(5))
                .build());
    }

    @Test
    void towersTiedByAnL2PenaltyWithSgdAndWeightDecay() {
        assertSameTraining(Pipelines.digits(1, 16)
                .sharing(Sharing.soft().penalty("l2").coefficient(0.5))
                .task("digit", Heads.classification(10)).task("parity", Heads.binary())
                .training(t -> t.batchSize(50).sgd(0.05, 0.9).weightDecay(1e-3).seed(9))
                .build());
    }

    /** Cross-stitch units after each depth of two towers (soft sharing without a penalty), Adam. */
    @Test
    void crossStitchUnitsBetweenTwoTowersWithAdam() {
        PipelineSpec spec = Pipelines.digits(1, 16, 8)
                .encoder(Encoders.mlp().hidden(16, 8))
                .sharing(Sharing.soft().penalty("none").crossStitch(true))
                .task("digit", Heads.classification(10)).weight(0.6)
                .task("parity", Heads.binary()).weight(0.4)
                .training(t -> t.batchSize(50).adam(1e-2).seed(3))
                .build();
        assertThat(StepKind.chosenFor(prepare(spec).network().graph())).isEqualTo("fused-dense");
        assertSameTraining(spec);
    }

    /**
     * Three towers with dropout, cross-stitched and tied by a penalty, SGD with weight decay (DL4J's
     * updater, which leaves α undecayed).
     */
    @Test
    void crossStitchedTiedTowersWithDropoutSgdAndWeightDecay() {
        assertSameTraining(Pipelines.digits(1, 12)
                .encoder(Encoders.mlp().hidden(12, 8).dropout(0.2))
                .sharing(Sharing.soft().penalty("l2").coefficient(0.1).crossStitch(true))
                .task("digit", Heads.classification(10)).weight(0.5)
                .task("parity", Heads.binary()).weight(0.3)
                .task("ink", Heads.regression()).weight(0.2)
                .training(t -> t.batchSize(50).sgd(0.05, 0.9).weightDecay(1e-3).seed(13))
                .build());
    }

    /**
     * MTAN: per task and depth a sigmoid mask from the layer's output and the task's masked output one
     * depth down (a merge read by a dense layer), multiplied into the layer's output (an element-wise
     * product); dropout in the shared encoder, Adam.
     */
    @Test
    void mtanMasksWithDropoutAndAdam() {
        PipelineSpec spec = Pipelines.digits(1, 16, 8)
                .encoder(Encoders.mlp().hidden(16, 8).dropout(0.2))
                .sharing(Sharing.attention("mtan"))
                .task("digit", Heads.classification(10)).weight(0.6)
                .task("parity", Heads.binary()).weight(0.4)
                .training(t -> t.batchSize(50).adam(1e-2).seed(17))
                .build();
        assertThat(StepKind.chosenFor(prepare(spec).network().graph())).isEqualTo("fused-dense");
        assertSameTraining(spec);
    }

    /** MTAN with three tasks of three head kinds and a hidden head layer, SGD with weight decay. */
    @Test
    void mtanMasksWithThreeHeadKindsSgdAndWeightDecay() {
        assertSameTraining(Pipelines.digits(1, 12)
                .encoder(Encoders.mlp().hidden(12, 8, 6))
                .sharing(Sharing.attention("mtan"))
                .task("digit", Heads.classification(10).hidden(6)).weight(0.5)
                .task("parity", Heads.binary()).weight(0.3)
                .task("ink", Heads.regression()).weight(0.2)
                .training(t -> t.batchSize(50).sgd(0.05, 0.9).weightDecay(1e-3).seed(19))
                .build());
    }

    /**
     * What transfer's fine-tune builds (LayerRates): each encoder layer its own optimizer with a
     * learning-rate schedule by epoch — the bottom layer frozen (rate 0), the next one trained from the
     * second epoch (gradual unfreezing), the heads at their own rate.
     */
    @Test
    void frozenLayersAndPerLayerRatesAsTransferSetsThem() {
        PipelineSpec spec = Pipelines.digits(1, 32, 16)
                .encoder(Encoders.mlp().hidden(32, 16).dropout(0.1))
                .task("digit", Heads.classification(10)).task("parity", Heads.binary())
                .training(t -> t.batchSize(50).adam(3e-3).seed(7))
                .build();
        PreparedPipeline reference = prepare(spec);
        ComputationGraphConfiguration conf = reference.network().graph().getConfiguration().clone();
        rate(conf, "shared/encoder/dense_0", Map.of(0, 0.0));
        rate(conf, "shared/encoder/dense_1", Map.of(0, 0.0, 1, 1e-3));
        INDArray start = reference.network().graph().params();
        ComputationGraph expected = new ComputationGraph(conf.clone());
        expected.init(start.dup(), true);
        ComputationGraph actual = new ComputationGraph(conf.clone());
        actual.init(start.dup(), true);
        assertThat(StepKind.chosenFor(actual)).isEqualTo("fused-dense");
        INDArray frozen = actual.getLayer("shared/encoder/dense_0").params().dup();

        assertSameTraining(spec, reference, expected, actual, true);
        assertThat(actual.getLayer("shared/encoder/dense_0").params()).isEqualTo(frozen);
    }

    private static void rate(ComputationGraphConfiguration conf, String layer, Map<Integer, Double> byEpoch) {
        BaseLayer base = (BaseLayer) ((LayerVertex) conf.getVertices().get(layer)).getLayerConf().getLayer();
        base.setIUpdater(new Adam(new MapSchedule(ScheduleType.EPOCH, byEpoch)));
        base.setBiasUpdater(null);
    }

    @Test
    void autoFallsBackToTheGraphForWhatItDoesNotSupport() {
        PipelineSpec elu = Pipelines.digits(1, 16).encoder(Encoders.mlp().hidden(16).activation("elu"))
                .task("digit", Heads.classification()).build();
        ComputationGraph graph = prepare(elu).network().graph();

        assertThat(StepKind.chosenFor(graph)).isEqualTo("computation-graph");
        assertThatThrownBy(() -> StepKind.FUSED.create(graph)).hasMessageContaining("has an unsupported activation");
        assertThat(StepKind.chosenFor(prepare(Pipelines.digits(1, 16).task("digit", Heads.classification()).build())
                .network().graph())).isEqualTo("fused-dense");
    }

    /**
     * Column embeddings (a row-wise layer: the step runs its own forward and backward passes) of the
     * income survey's many-valued answers, one-hot for the rest, under a dense encoder with dropout; Adam.
     */
    @Test
    void learnedCategoryEmbeddingsUnderADenseEncoderWithAdam() {
        PipelineSpec spec = Mtl.pipeline("income")
                .data(Data.csv(Pipelines.incomeFile())
                        .feature(FeatureType.CATEGORICAL, FeatureOptions.embeddedAbove(5, 4), "*")
                        .drop("DUAL.INCOMES").split(0.2, 7).limit(1500))
                .encoder(Encoders.mlp().hidden(16).dropout(0.1))
                .task("INCOME", Heads.classification()).weight(0.5)
                .task("MARITAL.STATUS", Heads.classification()).weight(0.5)
                .training(t -> t.batchSize(50).adam(1e-2).seed(3))
                .build();
        assertThat(StepKind.chosenFor(prepare(spec).network().graph())).isEqualTo("fused-dense");
        assertSameTraining(spec);
    }

    /** PLR embeddings (periodic, linear, ReLU) of ordered answers with SGD and weight decay (DL4J's updater). */
    @Test
    void plrEmbeddingsOfOrderedAnswersWithSgdAndWeightDecay() {
        FeatureOptions plr = new FeatureOptions(dev.mtl4j.api.spec.NumericTransform.STANDARD,
                dev.mtl4j.api.spec.NumericEmbedding.PLR, null, 6, 6, 0.1);
        assertSameTraining(Mtl.pipeline("income")
                .data(Data.csv(Pipelines.incomeFile()).categorical("*")
                        .ordinal("AGE", plr, "14-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+")
                        .drop("DUAL.INCOMES").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(16))
                .task("INCOME", Heads.classification()).weight(0.6)
                .task("MARITAL.STATUS", Heads.classification()).weight(0.4)
                .training(t -> t.batchSize(50).sgd(0.05, 0.9).weightDecay(1e-3).seed(5))
                .build());
    }

    /**
     * A layer the fused step does not know — here the text plugin's word embeddings and 1-D convolution,
     * whose activations are sequences — still trains, through DL4J's fit.
     */
    @Test
    void aLayerTheStepDoesNotKnowTrainsThroughTheGeneralPath() {
        PipelineSpec spec = Mtl.pipeline("fine-food")
                .data(Data.csv(dev.mtl4j.runtime.Repository.file("examples/data/fine_food_reviews.csv").toString())
                        .text("review").split(0.2, 7).limit(400))
                .encoder(dev.mtl4j.api.dsl.Component.of("embedding").param("body", "cnn").param("maxLength", 30)
                        .param("dimension", 8).param("units", 8))
                .task("score", Heads.binary())
                .training(t -> t.batchSize(50).adam(1e-2).seed(3))
                .build();
        PreparedPipeline prepared = prepare(spec);
        ComputationGraph graph = prepared.network().graph();
        assertThatThrownBy(() -> StepKind.FUSED.create(graph)).hasMessageContaining("the fused step cannot train this network");
        TrainingStep step = StepKind.AUTO.create(graph);
        assertThat(step.name()).isEqualTo("computation-graph");
        StepWeights weights = StepWeights.fixed(new double[] {1});
        BatchPlan plan = new BatchPlan(prepared.train(), 50, new Random(1));
        double first = step.fit(plan.batch(0), weights).loss();
        double last = first;
        for (int epoch = 0; epoch < 4; epoch++) {
            for (int b = 0; b < plan.batches(); b++) {
                last = step.fit(plan.batch(b), weights).loss();
            }
        }
        assertThat(last).isLessThan(0.8 * first);
    }

    private PreparedPipeline prepare(PipelineSpec spec) {
        return runtime.prepare(spec, Path.of("").toAbsolutePath());
    }

    private void assertSameTraining(PipelineSpec spec) {
        assertSameTraining(spec, spec.training().optimizer().weightDecay() == 0);
    }

    /** @param direct whether the fused step must drive the optimizers itself (it does when nothing is regularized) */
    private void assertSameTraining(PipelineSpec spec, boolean direct) {
        PreparedPipeline reference = prepare(spec);
        assertSameTraining(spec, reference, reference.network().graph(), prepare(spec).network().graph(), direct);
    }

    /** Trains {@code expected} with DL4J's fit and {@code actual} with the fused step, on {@code reference}'s rows. */
    private void assertSameTraining(PipelineSpec spec, PreparedPipeline reference, ComputationGraph expected,
                                    ComputationGraph actual, boolean direct) {
        assertThat(actual.params()).isEqualTo(expected.params());

        TrainingStep graphStep = StepKind.GRAPH.create(expected);
        TrainingStep fusedStep = StepKind.FUSED.create(actual);
        assertThat(((FusedDenseStep) fusedStep).drivesOptimizersDirectly()).isEqualTo(direct);
        boolean adam = spec.training().optimizer().type().equals("adam");
        assertThat(((FusedDenseStep) fusedStep).appliesAdamInJava()).as("Adam in Java").isEqualTo(direct && adam);
        // the masks fit draws, so that everything else (scaling, backward) is compared exactly; the
        // fast draws' distribution is checked apart (DropoutDrawsTest)
        ((FusedDenseStep) fusedStep).drawDropoutAsDl4j();
        StepWeights weights = StepWeights.fixed(spec.tasks().stream().mapToDouble(t -> t.weight()).toArray());
        int steps = 0;
        for (int epoch = 0; epoch < 2; epoch++) {
            BatchPlan plan = new BatchPlan(reference.train(), spec.training().batchSize(), new Random(epoch));
            for (int b = 0; b < plan.batches(); b++) {
                // the same random state before each: dropout masks come from ND4J's generator
                Nd4j.getRandom().setSeed(1000 + steps);
                StepResult expectedStep = graphStep.fit(plan.batch(b), weights);
                Nd4j.getRandom().setSeed(1000 + steps);
                StepResult actualStep = fusedStep.fit(plan.batch(b), weights);
                assertThat(actualStep.loss()).as("loss at step %d", steps).isCloseTo(expectedStep.loss(), within(1e-4));
                for (int t = 0; t < spec.tasks().size(); t++) {
                    // each task's own loss: the fused step computes it, DL4J's path reads it off the output layer
                    assertThat(actualStep.taskLosses()[t]).as("task %d's loss at step %d", t, steps)
                            .isCloseTo(expectedStep.taskLosses()[t], within(1e-4)).isPositive();
                }
                steps++;
            }
            expected.incrementEpochCount();
            actual.incrementEpochCount();
        }
        assertThat(steps).isGreaterThan(20);
        assertThat(actual.getConfiguration().getIterationCount()).isEqualTo(expected.getConfiguration().getIterationCount());
        double paramDiff = actual.params().ravel().sub(expected.params().ravel()).amaxNumber().doubleValue();
        double stateDiff = actual.getUpdater().getStateViewArray().ravel().sub(expected.getUpdater().getStateViewArray().ravel())
                .amaxNumber().doubleValue();
        assertThat(paramDiff).isLessThan(1e-4);
        assertThat(stateDiff).isLessThan(1e-4);
    }
}
