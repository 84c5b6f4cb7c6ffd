package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** λ acts on gradients: a task at λ = 0 trains neither its head nor the shared encoder. */
final class TaskWeightTest {
    private final MtlRuntime runtime = MtlRuntime.create();

    @Test
    void zeroWeightLeavesHeadAtInitAndSharedParametersAsWithoutTheTask() {
        PipelineSpec withSilentTask = Pipelines.digits(2, 32)
                .task("digit", Heads.classification(10)).weight(1.0)
                .task("parity", Heads.classification(2)).weight(0.0)
                .build();
        PipelineSpec alone = Pipelines.digits(2, 32)
                .task("digit", Heads.classification(10)).weight(1.0)
                .build();

        ComputationGraph trained = runtime.train(withSilentTask).model().graph();
        ComputationGraph initial = untrained(withSilentTask);
        ComputationGraph single = runtime.train(alone).model().graph();

        String parityOutput = "task/parity/output";
        assertThat(trained.getLayer(parityOutput).params()).isEqualTo(initial.getLayer(parityOutput).params());
        Map<String, INDArray> shared = trained.paramTable();
        shared.forEach((name, value) -> {
            if (name.startsWith("shared/") || name.startsWith("task/digit/")) {
                assertThat(value).as(name).isEqualTo(single.paramTable().get(name));
            }
        });
        // and the shared encoder did train
        assertThat(trained.getLayer("shared/encoder/dense_0").params())
                .isNotEqualTo(initial.getLayer("shared/encoder/dense_0").params());
    }

    private ComputationGraph untrained(PipelineSpec spec) {
        return runtime.prepare(spec, Path.of("").toAbsolutePath()).network().graph();
    }
}
