package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.PreparedPipeline;
import java.nio.file.Path;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

/**
 * Per-task gradients are the parts of the joint gradient: combining them with the coefficients λ
 * (heads and shared layers alike) gives exactly the step that minimises Σ λ_i L_i, whether they are
 * taken on the shared representation or on the shared parameters, on the fused step or on DL4J's
 * general path; and the Gram matrix the rule sees is that of the per-task gradients.
 */
final class PerTaskGradientsTest {
    private static final double[] LAMBDA = {0.5, 0.3, 0.2};
    private final MtlRuntime runtime = MtlRuntime.create();

    private PipelineSpec threeTasks() {
        return Pipelines.digits(1, 32, 16)
                .task("digit", Heads.classification(10))
                .task("parity", Heads.binary())
                .task("ink", Heads.regression())
                .training(t -> t.batchSize(50).adam(3e-3).seed(7))
                .build();
    }

    @Test
    void combiningPerTaskGradientsWithLambdaIsTheWeightedStepOnEveryPathAndSite() {
        PipelineSpec spec = threeTasks();
        assertSameAsWeighted(spec, StepKind.FUSED, GradientSite.REPRESENTATION);
        assertSameAsWeighted(spec, StepKind.FUSED, GradientSite.PARAMETERS);
        assertSameAsWeighted(spec, StepKind.GRAPH, GradientSite.PARAMETERS);
    }

    /** Towers tied by a penalty: the per-task step adds the penalty's gradient as the weighted step does. */
    @Test
    void towersTiedByAPenaltyTakePerTaskGradientsToTheWeightedStep() {
        PipelineSpec soft = Pipelines.digits(1, 16)
                .sharing(Sharing.soft().penalty("l2").coefficient(0.5))
                .task("digit", Heads.classification(10))
                .task("parity", Heads.binary())
                .task("ink", Heads.regression())
                .training(t -> t.batchSize(50).adam(3e-3).seed(7))
                .build();
        assertSameAsWeighted(soft, StepKind.FUSED, GradientSite.PARAMETERS);
        assertSameAsWeighted(soft, StepKind.GRAPH, GradientSite.PARAMETERS);
    }

    /** The fused step trains mixtures of experts; their per-task gradients go through DL4J's general path, to the same step. */
    @Test
    void aMixtureOfExpertsTakesPerTaskGradientsOnTheParametersThroughTheGeneralPath() {
        PipelineSpec mmoe = Pipelines.digits(1, 16)
                .sharing(Sharing.attention("mmoe").experts(2))
                .task("digit", Heads.classification(10))
                .task("parity", Heads.binary())
                .task("ink", Heads.regression())
                .training(t -> t.batchSize(50).adam(3e-3).seed(7))
                .build();
        assertThat(StepKind.AUTO.create(prepare(mmoe).network().graph()).name()).isEqualTo("fused-dense");
        assertSameAsWeighted(mmoe, StepKind.AUTO, GradientSite.PARAMETERS);
        TrainingStep step = StepKind.AUTO.create(prepare(mmoe).network().graph());
        assertThat(step.whyNoRepresentation()).contains("DL4J's general path").contains("mixture of experts");
    }

    @Test
    void theGramMatrixIsSymmetricWithEachTasksSquaredNormOnTheDiagonal() {
        PreparedPipeline prepared = prepare(threeTasks());
        TrainingStep step = StepKind.FUSED.create(prepared.network().graph());
        Rule rule = new Rule(GradientSite.REPRESENTATION);
        step.fitPerTask(new BatchPlan(prepared.train(), 50, new Random(1)).batch(0), rule);
        double[][] gram = rule.gram;
        for (int i = 0; i < 3; i++) {
            assertThat(gram[i][i]).isPositive();
            for (int j = 0; j < 3; j++) {
                assertThat(gram[i][j]).isCloseTo(gram[j][i], org.assertj.core.api.Assertions.within(1e-6 * gram[i][i]));
                // Cauchy–Schwarz
                assertThat(gram[i][j] * gram[i][j]).isLessThanOrEqualTo(gram[i][i] * gram[j][j] * (1 + 1e-5));
            }
        }
    }

    @Test
    void theRepresentationNeedsOneSharedLayerAndTheFusedStep() {
        // parity reads the first layer, digit and ink the second: the second serves two tasks of three
        PipelineSpec hierarchical = Pipelines.digits(1, 32, 16)
                .sharing(Sharing.hierarchical().at("parity", 1))
                .task("digit", Heads.classification(10))
                .task("parity", Heads.binary())
                .task("ink", Heads.regression())
                .build();
        TrainingStep fused = StepKind.FUSED.create(prepare(hierarchical).network().graph());
        assertThat(fused.whyNoRepresentation()).contains("serves some tasks but not all");
        PipelineSpec elu = Pipelines.digits(1, 32).encoder(Encoders.mlp().hidden(32).activation("elu"))
                .task("digit", Heads.classification(10)).task("parity", Heads.binary()).build();
        TrainingStep graph = StepKind.AUTO.create(prepare(elu).network().graph());
        assertThat(graph.whyNoRepresentation()).contains("DL4J's general path").contains("unsupported activation");
        assertThatThrownBy(() -> graph.fitPerTask(new BatchPlan(prepare(elu).train(), 32, null).batch(0),
                new Rule(GradientSite.REPRESENTATION))).hasMessageContaining("gradients: parameters");
        assertThat(StepKind.FUSED.create(prepare(threeTasks()).network().graph()).whyNoRepresentation()).isNull();
    }

    private void assertSameAsWeighted(PipelineSpec spec, StepKind kind, GradientSite site) {
        PreparedPipeline reference = prepare(spec);
        PreparedPipeline combined = prepare(spec);
        ComputationGraph expected = reference.network().graph();
        ComputationGraph actual = combined.network().graph();
        TrainingStep weighted = kind.create(expected);
        TrainingStep perTask = kind.create(actual);
        int steps = 0;
        for (int epoch = 0; epoch < 2; epoch++) {
            BatchPlan plan = new BatchPlan(reference.train(), spec.training().batchSize(), new Random(epoch));
            for (int b = 0; b < plan.batches(); b++) {
                StepResult a = weighted.fit(plan.batch(b), StepWeights.fixed(LAMBDA));
                StepResult c = perTask.fitPerTask(plan.batch(b), new Rule(site));
                assertThat(c.loss()).as("%s %s loss at step %d", kind, site, steps)
                        .isCloseTo(a.loss(), org.assertj.core.api.Assertions.within(1e-4));
                steps++;
            }
        }
        double paramDiff = actual.params().sub(expected.params()).amaxNumber().doubleValue();
        assertThat(paramDiff).as("%s %s: parameters after %d steps", kind, site, steps).isLessThan(1e-4);
    }

    private PreparedPipeline prepare(PipelineSpec spec) {
        return runtime.prepare(spec, Path.of("").toAbsolutePath());
    }

    /** λ for the heads and for the shared layers: the weighted joint loss, through per-task gradients. */
    private static final class Rule implements PerTaskRule {
        private final GradientSite site;
        private double[][] gram;

        Rule(GradientSite site) {
            this.site = site;
        }

        @Override
        public GradientSite site() {
            return site;
        }

        @Override
        public double[] headWeights(BatchLosses batch) {
            return LAMBDA.clone();
        }

        @Override
        public double[] combine(double[][] gram, BatchLosses batch) {
            this.gram = gram;
            return LAMBDA.clone();
        }
    }
}
