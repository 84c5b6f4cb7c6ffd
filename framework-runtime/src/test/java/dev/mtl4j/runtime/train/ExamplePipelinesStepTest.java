package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Repository;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which training step each example pipeline's network takes: every tabular one the fused dense step
 * (all sharing strategies, dropout, tied towers, column embeddings), the text encoders' sequence
 * layers DL4J's fit. A change that makes a network fall back to DL4J's fit (several times slower) fails
 * here, naming the pipeline, instead of passing unnoticed.
 */
final class ExamplePipelinesStepTest {
    private static final MtlRuntime RUNTIME = MtlRuntime.create();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "income, fused-dense", "income-soft, fused-dense", "income-cross-stitch, fused-dense",
            "income-hierarchical, fused-dense", "income-mmoe, fused-dense", "income-mtan, fused-dense",
            "income-cgc, fused-dense", "income-pretrain, fused-dense", "digits, fused-dense", "wine, fused-dense",
            "linnerud, fused-dense", "moons-dann, fused-dense", "spam, fused-dense", "reviews-and-spam, fused-dense",
            "fine-food-bow, fused-dense", "fine-food-cnn, computation-graph", "fine-food-lstm, computation-graph",
            "../benchmarks/income-embeddings, fused-dense"})
    void takesTheStepItShould(String pipeline, String step) {
        Path file = Repository.file("examples/pipelines/" + pipeline + ".yaml");
        var graph = RUNTIME.prepare(RUNTIME.loadPipeline(file), file.getParent()).network().graph();

        assertThat(StepKind.chosenFor(graph)).isEqualTo(step);
    }
}
