package dev.mtl4j.examples.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.dsl.ComponentSource;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sharing strategies' example pipelines: each is income.yaml with only its name and
 * {@code sharing} changed, its sharing is what the DSL builds, and it compiles to the network the
 * strategy promises — checked by counting parameters against hard sharing's network.
 */
final class SharingExamplePipelinesTest {
    private static final Map<String, ComponentSource> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("income-soft", Sharing.soft().penalty("l2").coefficient(1.0e-3));
        EXAMPLES.put("income-cross-stitch", Sharing.soft().penalty("none").crossStitch(true));
        EXAMPLES.put("income-hierarchical", Sharing.hierarchical().at("MARITAL.STATUS", 1).at("INCOME", 2));
        EXAMPLES.put("income-mmoe", Sharing.attention("mmoe").experts(4));
        EXAMPLES.put("income-mtan", Sharing.attention("mtan"));
        EXAMPLES.put("income-cgc", Sharing.attention("cgc").experts(2).taskExperts(1));
    }

    private static final MtlRuntime RUNTIME = MtlRuntime.create();
    private static Path pipelines;
    private static PipelineSpec income;
    private static long hardParams;
    private static long inputWidth;

    @BeforeAll
    static void hardSharing() {
        pipelines = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(pipelines.resolve("examples/pipelines"))) {
            pipelines = pipelines.getParent();
        }
        pipelines = pipelines.resolve("examples/pipelines");
        income = RUNTIME.loadPipeline(pipelines.resolve("income.yaml"));
        PreparedPipeline hard = RUNTIME.prepare(income, pipelines);
        hardParams = hard.network().graph().numParams();
        inputWidth = hard.preprocessor().featureWidth();
    }

    @Test
    void eachExampleIsIncomeWithOnlyItsSharingChanged() {
        EXAMPLES.forEach((name, sharing) -> {
            PipelineSpec spec = RUNTIME.loadPipeline(pipelines.resolve(name + ".yaml"));
            PipelineSpec expected = new PipelineSpec(name, income.data(), income.encoder(), sharing.toSpec(),
                    income.tasks(), income.training());
            assertThat(spec).as(name).isEqualTo(expected);
        });
    }

    @Test
    void eachExampleCompilesToTheNetworkItsStrategyDescribes() {
        long encoder = inputWidth * 128 + 128 + 128 * 64 + 64; // mlp [128, 64]
        Map<String, Long> extra = new LinkedHashMap<>();
        extra.put("income-soft", encoder);                                  // a second tower
        extra.put("income-cross-stitch", encoder + 2 * 2 * 2);              // and a 2x2 unit after each of 2 layers
        extra.put("income-hierarchical", (128 - 64) * 5L);                  // MARITAL.STATUS's 5-class head reads 128 units
        extra.put("income-mmoe", 3 * encoder + 2 * (inputWidth * 4 + 4));   // 4 experts, a 4-way gate per task
        extra.put("income-cgc", 3 * encoder + 2 * (inputWidth * 3 + 3));    // 2 shared + 1 own expert, a 3-way gate per task
        extra.put("income-mtan", 2L * ((128 * 128 + 128) + ((128 + 64) * 64 + 64))); // per task a mask per layer
        extra.forEach((name, params) -> {
            PreparedPipeline prepared = RUNTIME.prepare(RUNTIME.loadPipeline(pipelines.resolve(name + ".yaml")), pipelines);
            assertThat(prepared.network().graph().numParams()).as(name).isEqualTo(hardParams + params);
        });
    }
}
