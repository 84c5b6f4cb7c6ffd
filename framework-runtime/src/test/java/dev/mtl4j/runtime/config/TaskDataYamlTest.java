package dev.mtl4j.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Samplers;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.api.spec.TaskDataSpec;
import dev.mtl4j.runtime.plugin.PluginRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tasks' own data sets and the task sampler in YAML: the mapping, the round trip, and the errors. */
final class TaskDataYamlTest {
    private static final String HEAD = "pipeline: p\ndata: { features: { \"px*\": numeric } }\nencoder: { type: mlp, hidden: [8] }\n";
    private static final String TASKS = """
            tasks:
              digit:
                head: { type: classification }
                data: { source: { type: csv, path: digit.csv }, split: { test: 0.25, seed: 7 } }
              parity:
                head: { type: classification }
                data:
                  source: { type: csv, path: parity.csv }
            """;

    private final PipelineYamlReader reader = new PipelineYamlReader(PluginRegistry.discover(getClass().getClassLoader()));

    @Test
    void eachTaskReadsItsOwnDataAndTheSamplerIsAComponent() {
        PipelineSpec spec = reader.read(HEAD + TASKS + "training: { sampler: { type: temperature, temperature: 3.0 } }\n",
                "p.yaml");
        assertThat(spec.data().source()).isNull();
        assertThat(spec.task("digit").orElseThrow().data()).isEqualTo(new TaskDataSpec(
                new ComponentSpec("csv", Map.of("path", "digit.csv")), SplitSpec.random(0.25, 7)));
        assertThat(spec.task("parity").orElseThrow().data().split()).isEqualTo(SplitSpec.defaults());
        assertThat(spec.training().sampler()).isEqualTo(new ComponentSpec("temperature", Map.of("temperature", 3.0)));
        assertThat(spec.hasTaskData()).isTrue();
    }

    @Test
    void yamlAndDslGiveEqualSpecsAndTheWriterRoundTrips() {
        PipelineSpec dsl = Mtl.pipeline("p")
                .data(Data.features().numeric("px*"))
                .encoder(Encoders.mlp().hidden(8))
                .task("digit", Heads.classification()).ownData(Data.csv("digit.csv").split(0.25, 7))
                .task("parity", Heads.classification()).ownData(Data.csv("parity.csv"))
                .training(t -> t.sampler(Samplers.temperature(3.0)))
                .build();
        PipelineSpec yaml = reader.read(HEAD + TASKS + "training: { sampler: { type: temperature, temperature: 3.0 } }\n",
                "p.yaml");
        assertThat(dsl).isEqualTo(yaml);
        assertThat(reader.read(new PipelineYamlWriter().write(dsl), "written.yaml")).isEqualTo(dsl);

        PipelineSpec mixed = Mtl.pipeline("mixed")
                .data(Data.csv("shared.csv").numeric("px*").split(0.2, 1))
                .encoder(Encoders.mlp().hidden(8))
                .task("digit", Heads.classification())
                .task("parity", Heads.classification()).labels("label")
                .ownData(Data.csv("parity.csv").splitColumn("part").validation(0.1).drop("id"))
                .training(t -> t.sampler(Samplers.roundRobin()).earlyStopping("parity", "accuracy", 2))
                .build();
        assertThat(reader.read(new PipelineYamlWriter().write(mixed), "written.yaml")).isEqualTo(mixed);
    }

    @Test
    void aTaskDataSectionTakesNoFeaturesAndASourceIsRequired() {
        assertThat(problems(HEAD + """
                tasks:
                  digit:
                    head: { type: classification }
                    data: { source: { type: csv, path: d.csv }, features: { x: numeric } }
                  parity:
                    head: { type: classification }
                    data: { split: { test: 0.1 } }
                """)).containsExactly(
                "p.yaml:7:49: tasks.digit.data.features: features are declared once, in the pipeline's data.features,"
                        + " and every task's file must have them",
                "p.yaml:10:11: tasks.parity.data.source: is required");
    }

    @Test
    void aTaskWithoutDataNeedsThePipelinesSource() {
        assertThat(problems(HEAD + """
                tasks:
                  digit: { head: { type: classification } }
                  parity: { head: { type: classification }, data: { source: { type: csv, path: p.csv } } }
                """)).containsExactly("p.yaml:2:7: data.source: is required: task 'digit' has no data of its own"
                + " (tasks.digit.data)");
    }

    @Test
    void anUnknownSamplerSuggestsTheClosestAndASamplerNeedsTaskData() {
        assertThat(problems(HEAD + TASKS + "training: { sampler: { type: temprature } }\n")).containsExactly(
                "p.yaml:12:30: training.sampler.type: unknown task sampler type 'temprature'; did you mean 'temperature'?"
                        + " (known: proportional, round-robin, temperature, uniform)");
        assertThat(problems("pipeline: p\ndata: { source: { type: csv, path: d.csv }, features: { x: numeric } }\n"
                + "encoder: { type: mlp, hidden: [8] }\ntasks: { y: { head: { type: binary } } }\n"
                + "training: { sampler: { type: uniform } }\n")).hasSize(1).first().asString()
                .startsWith("p.yaml:5:22: training.sampler: picks between the data sets of tasks that bring their own");
        assertThat(problems(HEAD + TASKS + "training: { sampler: { type: temperature, temperature: 0 } }\n"))
                .hasSize(1).first().asString().isEqualTo("p.yaml:12:56: training.sampler.temperature: must be >= 0.01, got 0.0");
    }

    private List<String> problems(String yaml) {
        MtlException e = catchThrowableOfType(MtlException.class, () -> reader.read(yaml, "p.yaml"));
        assertThat(e).as("expected the file to be refused").isNotNull();
        assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG_INVALID);
        return e.lines();
    }
}
