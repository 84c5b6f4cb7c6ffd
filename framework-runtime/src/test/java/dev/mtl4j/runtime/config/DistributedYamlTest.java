package dev.mtl4j.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.DistributedSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code training.distributed}: YAML and DSL give one spec, the writer round-trips it, mistakes are
 * located, and a single-machine run refuses it at its key (Spark runs it, in the mtl4j-spark module).
 */
final class DistributedYamlTest {
    private static final String PIPELINE = "pipeline: p\n"
            + "data: { source: { type: csv, path: d.csv }, features: { x: numeric } }\n"
            + "encoder: { type: mlp, hidden: [8] }\n"
            + "tasks: { y: { head: { type: binary } } }\n";

    private final PipelineYamlReader reader = new PipelineYamlReader(new TestCatalog());

    @Test
    void yamlAndDslGiveTheSameSpecAndTheWriterRoundTripsIt() {
        PipelineSpec yaml = reader.read(PIPELINE + "training: { epochs: 6, distributed: { engine: spark, master: 'local[2]',"
                + " workers: 2, averaging: batches, batches: 8, merge: sum } }\n", "p.yaml");
        PipelineSpec dsl = Mtl.pipeline("p").data(Data.csv("d.csv").numeric("x")).encoder(Encoders.mlp().hidden(8))
                .task("y", Heads.binary()).training(t -> t.epochs(6).spark("local[2]", 2, 8, "sum")).build();

        assertThat(yaml).isEqualTo(dsl);
        assertThat(yaml.training().distributed()).isEqualTo(new DistributedSpec("spark", "local[2]", 2, "batches", 8, "sum"));
        assertThat(reader.read(new PipelineYamlWriter().write(yaml), "again.yaml")).isEqualTo(yaml);
        PipelineSpec defaults = reader.read(PIPELINE + "training: { distributed: {} }\n", "p.yaml");
        assertThat(defaults.training().distributed()).isEqualTo(DistributedSpec.spark());
        assertThat(defaults.training().distributed().eachEpoch()).isTrue();
        assertThat(defaults.training().distributed().sumsChanges()).isFalse();
        assertThat(reader.read(PIPELINE, "p.yaml").training().distributed()).isNull();
    }

    @Test
    void mistakesAreLocatedAtTheirKey() {
        assertThat(problems("training: { distributed: { averaging: weekly } }\n")).singleElement().asString()
                .startsWith("p.yaml:5:39: training.distributed.averaging:").contains("epoch", "batches");
        assertThat(problems("training: { distributed: { engine: flink } }\n")).singleElement().asString()
                .startsWith("p.yaml:5:36: training.distributed.engine:").contains("spark");
        assertThat(problems("training: { distributed: { batches: 0 } }\n")).singleElement().asString()
                .startsWith("p.yaml:5:37: training.distributed.batches:");
        assertThat(problems("training: { distributed: { merge: median } }\n")).singleElement().asString()
                .startsWith("p.yaml:5:35: training.distributed.merge:").contains("average", "sum");
    }

    @Test
    void aSingleMachineRunRefusesItAtItsKey() {
        PipelineSpec spec = Mtl.pipeline("p").data(Data.csv("d.csv").numeric("x")).encoder(Encoders.mlp().hidden(8))
                .task("y", Heads.binary()).training(t -> t.spark(null, 0, 0)).build();
        MtlException e = catchThrowableOfType(MtlException.class, () -> MtlRuntime.create().prepare(spec, Path.of(".")));
        assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG_INVALID);
        assertThat(e.getMessage()).startsWith("training.distributed:").contains("spark-submit");
    }

    private java.util.List<String> problems(String training) {
        MtlException e = catchThrowableOfType(MtlException.class, () -> reader.read(PIPELINE + training, "p.yaml"));
        assertThat(e).as("expected the file to be refused").isNotNull();
        return e.lines();
    }
}
