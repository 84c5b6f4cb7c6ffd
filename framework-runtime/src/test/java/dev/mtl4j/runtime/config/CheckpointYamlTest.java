package dev.mtl4j.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.CheckpointSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.SpecException;
import org.junit.jupiter.api.Test;

/** {@code training.checkpoint}: YAML and DSL give one spec, the writer round-trips it, and mistakes are located. */
final class CheckpointYamlTest {
    private static final String PIPELINE = "pipeline: p\n"
            + "data: { source: { type: csv, path: d.csv }, features: { x: numeric } }\n"
            + "encoder: { type: mlp, hidden: [8] }\n"
            + "tasks: { y: { head: { type: binary } } }\n";

    private final PipelineYamlReader reader = new PipelineYamlReader(new TestCatalog());

    @Test
    void yamlAndDslGiveTheSameSpecAndTheWriterRoundTripsIt() {
        PipelineSpec yaml = reader.read(PIPELINE + "training: { epochs: 6, checkpoint: { every: 2 } }\n", "p.yaml");
        PipelineSpec dsl = Mtl.pipeline("p").data(Data.csv("d.csv").numeric("x")).encoder(Encoders.mlp().hidden(8))
                .task("y", Heads.binary()).training(t -> t.epochs(6).checkpoint(2)).build();

        assertThat(yaml).isEqualTo(dsl);
        assertThat(yaml.training().checkpoint()).isEqualTo(new CheckpointSpec(2));
        String written = new PipelineYamlWriter().write(yaml);
        assertThat(written).contains("checkpoint: {every: 2}");
        assertThat(reader.read(written, "again.yaml")).isEqualTo(yaml);
        assertThat(reader.read(PIPELINE, "p.yaml").training().checkpoint()).isNull();
    }

    @Test
    void mistakesAreLocatedAtTheirKey() {
        assertThat(problems("training: { checkpoint: { every: 0 } }\n"))
                .containsExactly("p.yaml:5:34: training.checkpoint.every: must be >= 1, got 0");
        assertThat(problems("training: { checkpoint: { evry: 2 } }\n")).containsExactlyInAnyOrder(
                "p.yaml:5:27: training.checkpoint.evry: unknown key 'evry'; did you mean 'every'?",
                "p.yaml:5:25: training.checkpoint.every: is required");
        assertThat(problems("training: { checkpoint: { every: often } }\n"))
                .containsExactly("p.yaml:5:34: training.checkpoint.every: expected an integer, got 'often'");
    }

    @Test
    void theDslRefusesAnIntervalBelowOne() {
        assertThatThrownBy(() -> new CheckpointSpec(0)).isInstanceOf(SpecException.class).hasMessageContaining("every");
    }

    private java.util.List<String> problems(String training) {
        MtlException e = catchThrowableOfType(MtlException.class, () -> reader.read(PIPELINE + training, "p.yaml"));
        assertThat(e).as("expected the file to be refused").isNotNull();
        return e.lines();
    }
}
