package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.PreparedPipeline;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The runtime owns the joint loss and λ acts on gradients, on the fused step and on DL4J's general
 * path alike: a task at λ = 0 trains neither its head nor the shared encoder, yet its loss is reported.
 */
final class TaskWeightTest {
    private final MtlRuntime runtime = MtlRuntime.create();

    @ParameterizedTest
    @EnumSource(value = StepKind.class, names = {"FUSED", "GRAPH"})
    void zeroWeightLeavesHeadAtInitAndSharedParametersAsWithoutTheTask(StepKind kind) {
        PipelineSpec withSilentTask = Pipelines.digits(2, 32)
                .task("digit", Heads.classification(10)).weight(1.0)
                .task("parity", Heads.classification(2)).weight(0.0)
                .build();
        PipelineSpec alone = Pipelines.digits(2, 32)
                .task("digit", Heads.classification(10)).weight(1.0)
                .build();

        PreparedPipeline prepared = prepare(withSilentTask);
        ComputationGraph trained = prepared.network().graph();
        TrainingHistory history = train(prepared, kind);
        ComputationGraph initial = prepare(withSilentTask).network().graph();
        PreparedPipeline single = prepare(alone);
        train(single, kind);

        String parityOutput = "task/parity/output";
        assertThat(trained.getLayer(parityOutput).params()).isEqualTo(initial.getLayer(parityOutput).params());
        Map<String, INDArray> shared = trained.paramTable();
        shared.forEach((name, value) -> {
            if (name.startsWith("shared/") || name.startsWith("task/digit/")) {
                assertThat(value).as(name).isEqualTo(single.network().graph().paramTable().get(name));
            }
        });
        // and the shared encoder did train
        assertThat(trained.getLayer("shared/encoder/dense_0").params())
                .isNotEqualTo(initial.getLayer("shared/encoder/dense_0").params());
        // the silent task's own loss is still measured (an untrained binary head: about ln 2), its λ reported as 0
        EpochReport last = history.epochs().get(history.epochs().size() - 1);
        assertThat(last.taskLosses().get("parity")).isBetween(0.3, 1.5);
        assertThat(last.weights()).containsEntry("parity", 0.0).containsEntry("digit", 1.0);
    }

    @ParameterizedTest
    @EnumSource(value = StepKind.class, names = {"FUSED", "GRAPH"})
    void eachTasksOwnLossIsReportedAndTheHeadsLossesStayUnweighted(StepKind kind) {
        PipelineSpec spec = Pipelines.digits(2, 32)
                .task("digit", Heads.classification(10)).weight(0.7)
                .task("parity", Heads.classification(2)).weight(0.3)
                .build();
        PreparedPipeline prepared = prepare(spec);
        TrainingHistory history = train(prepared, kind);

        EpochReport first = history.epochs().get(0);
        EpochReport second = history.epochs().get(1);
        assertThat(second.taskLosses().get("digit")).isLessThan(first.taskLosses().get("digit")).isPositive();
        // the joint loss is Σ λ_i L_i over the same batches
        double joint = 0.7 * second.taskLosses().get("digit") + 0.3 * second.taskLosses().get("parity");
        assertThat(second.trainLoss()).isCloseTo(joint, org.assertj.core.api.Assertions.within(1e-4));
        // no λ is left in the network's configuration: the saved network holds each head's own loss
        for (String output : prepared.network().outputs()) {
            BaseOutputLayer layer = (BaseOutputLayer) prepared.network().graph().getLayer(output).conf().getLayer();
            assertThat(((LossMCXENT) layer.getLossFn()).getWeights()).as(output).isNull();
        }
    }

    private static TrainingHistory train(PreparedPipeline prepared, StepKind kind) {
        PipelineSpec spec = prepared.spec();
        return new Trainer(TrainingListener.SILENT, kind).fit(prepared.network().graph(), spec.training(), spec.tasks(),
                prepared.preprocessor(), prepared.train(), null);
    }

    private PreparedPipeline prepare(PipelineSpec spec) {
        return runtime.prepare(spec, Path.of("").toAbsolutePath());
    }
}
