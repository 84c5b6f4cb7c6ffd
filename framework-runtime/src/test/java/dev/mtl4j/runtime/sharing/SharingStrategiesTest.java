package dev.mtl4j.runtime.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.Predictions;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.eval.GateWeights;
import dev.mtl4j.runtime.model.TrainedModel;
import dev.mtl4j.runtime.train.StepKind;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sharing strategy trains a real two-task network on the digits data to a useful quality,
 * and its model (with the strategy's own layers) saves, loads and predicts identically.
 */
final class SharingStrategiesTest {
    private static final Map<String, TrainingResult> TRAINED = new java.util.concurrent.ConcurrentHashMap<>();
    private static MtlRuntime runtime;

    @TempDir
    Path dir;

    @BeforeAll
    static void runtime() {
        runtime = MtlRuntime.create();
    }

    static Stream<Arguments> strategies() {
        return Stream.of(
                Arguments.of("soft l2", Sharing.soft().penalty("l2").coefficient(1.0)),
                Arguments.of("soft cross-stitch", Sharing.soft().penalty("none").crossStitch(true)),
                Arguments.of("hierarchical", Sharing.hierarchical().at("parity", 1)),
                Arguments.of("attention mmoe", Sharing.attention("mmoe").experts(3)),
                Arguments.of("attention mtan", Sharing.attention("mtan")),
                Arguments.of("attention cgc", Sharing.attention("cgc").experts(2).taskExperts(1)));
    }

    private static PipelineSpec digits(Component sharing) {
        return Pipelines.digits(5, 32, 16).sharing(sharing)
                .task("digit", Heads.classification(10)).weight(0.7)
                .task("parity", Heads.binary()).weight(0.3)
                .training(t -> t.epochs(5).batchSize(64).adam(3e-3).seed(42))
                .build();
    }

    /** Trains each configuration once for all the tests that look at it. */
    private static TrainingResult trained(String name, Component sharing) {
        return TRAINED.computeIfAbsent(name, n -> runtime.train(digits(sharing)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void trainsBothTasksAndTheModelRoundTrips(String name, Component sharing) {
        TrainingResult result = trained(name, sharing);

        // majority classes: 0.10 for the digit, 0.51 for parity
        assertThat(result.metric("test", "digit", "accuracy")).as(name).isGreaterThanOrEqualTo(0.85);
        assertThat(result.metric("test", "parity", "accuracy")).as(name).isGreaterThanOrEqualTo(0.80);

        Path file = dir.resolve("model.zip");
        runtime.save(result.model(), file);
        TrainedModel loaded = runtime.load(file);
        Path data = Path.of(Pipelines.digitsFile());
        assertThat(loaded.graph().params()).isEqualTo(result.model().graph().params());
        Predictions before = runtime.predict(result.model(), data);
        assertThat(runtime.predict(loaded, data)).isEqualTo(before);
    }

    @Test
    void hierarchicalAttachesEachTaskAtItsDepth() {
        ComputationGraph graph = runtime.prepare(digits(Sharing.hierarchical().at("parity", 1)), Path.of(""))
                .network().graph();

        Map<String, java.util.List<String>> inputs = graph.getConfiguration().getVertexInputs();
        assertThat(inputs.get("task/parity/output")).containsExactly("shared/encoder/dense_0");
        assertThat(inputs.get("task/digit/output")).containsExactly("shared/encoder/dense_1");
    }

    @Test
    void hierarchicalRefusesADepthTheEncoderDoesNotHave() {
        MtlException e = catchThrowableOfType(MtlException.class,
                () -> runtime.prepare(digits(Sharing.hierarchical().at("parity", 3)), Path.of("")));

        assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG_INVALID);
        assertThat(e.getMessage()).isEqualTo("sharing.at.parity: task 'parity' attaches at depth 3, "
                + "but the encoder has 2 layers (depths 1 to 2)");
    }

    @Test
    void hierarchicalRefusesAnUnknownTask() {
        MtlException e = catchThrowableOfType(MtlException.class,
                () -> runtime.prepare(digits(Sharing.hierarchical().at("colour", 1)), Path.of("")));

        assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG_INVALID);
        assertThat(e.getMessage()).isEqualTo("sharing.at.colour: names no task of this pipeline; its tasks are [digit, parity]");
    }

    @Test
    void crossStitchLearnsItsMixingMatrix() {
        TrainingResult result = trained("soft cross-stitch", Sharing.soft().penalty("none").crossStitch(true));
        ComputationGraph graph = result.model().graph();

        var alpha = graph.getLayer("shared/stitch_1/unit").getParam("alpha");
        assertThat(alpha.shape()).containsExactly(2, 2);
        assertThat(alpha.getDouble(0, 1)).isNotCloseTo(0.1, within(1e-4));
        assertThat(graph.getConfiguration().getVertexInputs().get("shared/tower_digit/dense_1"))
                .containsExactly("shared/stitch_1/digit");
    }

    @Test
    void strongerL2PenaltyPullsTheTowersTogether() {
        double initial = towerDistance(runtime.prepare(digits(Sharing.soft()), Path.of("")).network().graph());
        double loose = towerDistance(trained("soft none", Sharing.soft().penalty("none")).model().graph());
        double tight = towerDistance(trained("soft l2", Sharing.soft().penalty("l2").coefficient(1.0)).model().graph());

        // Towers start from different random weights; training alone moves them apart, the penalty together.
        assertThat(loose).isGreaterThan(0.9 * initial);
        assertThat(tight).isLessThan(0.6 * initial);
    }

    @Test
    void towersTiedByAPenaltyTrainThroughTheFusedStep() {
        ComputationGraph tied = runtime.prepare(digits(Sharing.soft()), Path.of("")).network().graph();
        ComputationGraph untied = runtime.prepare(digits(Sharing.soft().penalty("none")), Path.of("")).network().graph();

        // the penalty's gradient is added by the step itself (FusedDenseStepTest holds it to DL4J's fit)
        assertThat(StepKind.chosenFor(tied)).isEqualTo("fused-dense");
        assertThat(StepKind.chosenFor(untied)).isEqualTo("fused-dense");
    }

    @Test
    void gateWeightsSayWhichExpertEachTaskLeansOn() {
        TrainedModel mmoe = trained("attention mmoe", Sharing.attention("mmoe").experts(3)).model();
        TrainedModel cgc = trained("attention cgc", Sharing.attention("cgc").experts(2).taskExperts(1)).model();
        Path data = Path.of(Pipelines.digitsFile());

        GateWeights mmoeGates = runtime.gates(mmoe, data);
        assertThat(mmoeGates.byTask()).containsOnlyKeys("digit", "parity");
        assertThat(mmoeGates.byTask().get("digit")).containsOnlyKeys("expert_0", "expert_1", "expert_2");
        mmoeGates.byTask().values().forEach(weights ->
                assertThat(weights.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-4)));
        assertThat(runtime.gates(cgc, data).byTask().get("parity"))
                .containsOnlyKeys("expert_0", "expert_1", "parity_expert_0");
        assertThat(mmoeGates.render()).startsWith("task").contains("expert_2").contains("parity");
    }

    @Test
    void strategiesWithoutGatesReportNone() {
        TrainedModel hierarchical = trained("hierarchical", Sharing.hierarchical().at("parity", 1)).model();

        assertThat(runtime.gates(hierarchical, Path.of(Pipelines.digitsFile())).isEmpty()).isTrue();
    }

    /** The root of the summed squared difference between the two towers' parameters. */
    private static double towerDistance(ComputationGraph graph) {
        double sum = 0;
        for (String layer : new String[] {"dense_0", "dense_1"}) {
            sum += Math.pow(graph.getLayer("shared/tower_digit/" + layer).params()
                    .distance2(graph.getLayer("shared/tower_parity/" + layer).params()), 2);
        }
        return Math.sqrt(sum);
    }
}
