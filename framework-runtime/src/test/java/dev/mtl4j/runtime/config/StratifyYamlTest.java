package dev.mtl4j.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import org.junit.jupiter.api.Test;

/** {@code data.split.stratify} in YAML: one column or a list, the DSL's spec, written back, and refused with a split column. */
final class StratifyYamlTest {
    private final PipelineYamlReader reader = new PipelineYamlReader(new TestCatalog());

    private static String pipeline(String split) {
        return "pipeline: p\n"
                + "data: { source: { type: csv, path: d.csv }, features: { x: numeric }, split: " + split + " }\n"
                + "encoder: { type: mlp, hidden: [8] }\n"
                + "tasks: { y: { head: { type: binary } }, z: { head: { type: binary } } }\n";
    }

    @Test
    void oneColumnOrAListGivesTheDslsSpec() {
        PipelineSpec one = reader.read(pipeline("{ test: 0.2, seed: 7, stratify: y }"), "p.yaml");
        PipelineSpec joint = reader.read(pipeline("{ test: 0.2, seed: 7, stratify: [y, z] }"), "p.yaml");

        PipelineSpec dsl = Mtl.pipeline("p").data(Data.csv("d.csv").numeric("x").split(0.2, 7).stratify("y"))
                .encoder(Encoders.mlp().hidden(8)).task("y", Heads.binary()).task("z", Heads.binary()).build();
        assertThat(one).isEqualTo(dsl);
        assertThat(joint.data().split().stratify()).containsExactly("y", "z");
        assertThat(reader.read(new PipelineYamlWriter().write(joint), "w.yaml")).isEqualTo(joint);
    }

    @Test
    void withASplitColumnItIsRefusedAtItsKey() {
        MtlException e = catchThrowableOfType(MtlException.class,
                () -> reader.read(pipeline("{ column: part, stratify: y }"), "p.yaml"));

        assertThat(e.lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("p.yaml:2:").contains("data.split.stratify: is for a random split"));
    }

    @Test
    void aNameTwiceIsRefused() {
        MtlException e = catchThrowableOfType(MtlException.class,
                () -> reader.read(pipeline("{ stratify: [y, y] }"), "p.yaml"));

        assertThat(e.lines()).singleElement().satisfies(line -> assertThat(line).contains("names a column twice: [y, y]"));
    }
}
