package dev.mtl4j.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.UnseenCategory;
import dev.mtl4j.runtime.config.PipelineYamlReader;
import dev.mtl4j.runtime.config.PipelineYamlWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract every discovered component keeps, and YAML round trips through the real plugins. */
final class BuiltInComponentsTest {
    private final PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());

    @Test
    void everyComponentIsDescribedAndDocumented() {
        for (Family<?> family : Family.all()) {
            registry.entries(family).forEach((name, entry) -> {
                assertThat(entry.factory().description()).as(name).isNotBlank().endsWith(".");
                assertThat(family.factoryType()).isAssignableFrom(entry.factory().getClass());
                List<ParamDoc> params = ParamBinder.describe(entry.factory().configType());
                assertThat(params).as(name).allSatisfy(p -> assertThat(p.doc()).isNotBlank());
            });
        }
    }

    @Test
    void everyComponentBindsItsDefaultsOrNamesWhatIsRequired() {
        for (Family<?> family : Family.all()) {
            registry.entries(family).forEach((name, entry) -> {
                Binding<?> binding = ParamBinder.bind(entry.factory().configType(), java.util.Map.of());
                List<String> required = ParamBinder.describe(entry.factory().configType()).stream()
                        .filter(p -> p.defaultText().equals("required")).map(ParamDoc::name).toList();
                if (required.isEmpty()) {
                    assertThat(binding.isBound()).as(name).isTrue();
                } else {
                    assertThat(binding.problems()).as(name).extracting(ParamProblem::key).containsExactlyInAnyOrderElementsOf(required);
                }
            });
        }
    }

    @Test
    void everyBuiltInComponentRoundTripsThroughYaml() {
        PipelineSpec spec = Mtl.pipeline("all-components")
                .data(Data.csv("data/table.csv").option("delimiter", ";").option("missing", List.of("", "NA"))
                        .numeric("x*").categorical("colour").ordinal("size", "S", "M", "L").drop("id")
                        .split(0.25, 3).validation(0.1).unseen(UnseenCategory.OTHER))
                .encoder(Encoders.mlp().hidden(32, 16).activation("leaky-relu").dropout(0.1))
                .sharing(Sharing.hard())
                .task("kind", Heads.classification(3).hidden(8)).weight(0.4)
                .task("flag", Heads.binary()).weight(0.2)
                .task("tags", Heads.multilabel()).labels("tag_a", "tag_b")
                .task("price", Heads.regression(1).loss("mae")).weight(0.3)
                .training(t -> t.epochs(5).batchSize(32).sgd(0.01, 0.9).weightDecay(1e-4).seed(9).shuffle(false)
                        .earlyStopping("kind", "macro-f1", 2))
                .build();

        String yaml = new PipelineYamlWriter().write(spec);
        PipelineSpec read = new PipelineYamlReader(registry).read(yaml, "round-trip.yaml");

        assertThat(read).isEqualTo(spec);
        assertThat(new PipelineYamlWriter().write(read)).isEqualTo(yaml);
    }

    @Test
    void aThirdPartyComponentIsWrittenByItsTypeName() {
        PipelineSpec spec = Mtl.pipeline("custom")
                .data(Data.csv("t.csv").numeric("*"))
                .encoder(Component.of("mlp").param("hidden", List.of(4)))
                .task("y", Heads.regression())
                .build();
        assertThat(new PipelineYamlReader(registry).read(new PipelineYamlWriter().write(spec), "c.yaml")).isEqualTo(spec);
    }
}
