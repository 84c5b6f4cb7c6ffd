package dev.mtl4j.runtime.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.PreparedPipeline;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

/** A network's memory is known from its configuration, and one that cannot fit is refused before it is allocated. */
final class NetworkMemoryTest {
    private static final MtlRuntime RUNTIME = MtlRuntime.create();

    @Test
    void theCountFromTheConfigurationIsTheBuiltNetworksOwn() {
        PipelineSpec spec = Pipelines.digits(1, 32, 16).task("digit", Heads.classification(10))
                .task("ink", Heads.regression(1)).build();
        PreparedPipeline prepared = RUNTIME.prepare(spec, Path.of(""));
        ComputationGraph graph = prepared.network().graph();
        NetworkMemory memory = NetworkMemory.of(graph.getConfiguration());
        assertThat(memory.parameters()).isEqualTo(graph.numParams()).isEqualTo(64 * 32 + 32 + 32 * 16 + 16 + 16 * 10 + 10 + 16 + 1);
        // Adam keeps two values a parameter: its running mean and variance.
        assertThat(memory.updaterState()).isEqualTo(2 * graph.numParams());
        assertThat(memory.bytes()).isEqualTo(4 * 4 * graph.numParams());
        assertThat(memory.largestLayer()).isEqualTo("shared/encoder/dense_0");
    }

    @Test
    void aNetworkThatCannotFitIsRefusedBeforeItIsAllocated() {
        PipelineSpec spec = Pipelines.digits(1, 50_000_000).task("digit", Heads.classification(10)).build();
        long before = org.bytedeco.javacpp.Pointer.totalBytes();
        MtlException e = catchThrowableOfType(MtlException.class, () -> RUNTIME.prepare(spec, Path.of("")));
        assertThat(e.category()).isEqualTo(ErrorCategory.RESOURCE_EXHAUSTED);
        assertThat(e.problems().get(0).key()).isEqualTo("encoder");
        assertThat(e.problems().get(0).message()).startsWith("the network has 3.8 billion parameters (layer"
                + " shared/encoder/dense_0 alone 3.3 billion); training needs about 55.9 GB");
        // Refused, not attempted: nothing near the network's size was allocated.
        assertThat(org.bytedeco.javacpp.Pointer.totalBytes() - before).isLessThan(100L << 20);
    }
}
