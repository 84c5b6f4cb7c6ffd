package dev.mtl4j.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Transfers;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TransferPipelineSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pipeline's strategy and its target rows, in YAML and the DSL: equal specs, a faithful round trip, located errors. */
final class StrategyYamlTest {
    private static final String MOONS = String.join("\n",
            "pipeline: moons",
            "data:",
            "  source: { type: csv, path: moons_source.csv }",
            "  features: { x1: numeric, x2: numeric }",
            "  split: { test: 0.2, seed: 7 }",
            "  target: { source: { type: csv, path: moons_target.csv }, split: { test: 0.5, seed: 7 } }",
            "encoder: { type: mlp, hidden: [16] }",
            "tasks:",
            "  label: { head: { type: binary } }",
            "strategy: { type: domain-adversarial, lambda: 0.5, schedule: constant, hidden: [8] }",
            "training: { epochs: 5, seed: 3 }",
            "");

    /** The real strategies: the transfer plugin is on the test class path. */
    private final PipelineYamlReader reader = new PipelineYamlReader(dev.mtl4j.runtime.MtlRuntime.create().registry());
    private final PipelineYamlWriter writer = new PipelineYamlWriter();

    private List<String> problems(String yaml) {
        MtlException e = catchThrowableOfType(MtlException.class, () -> reader.read(yaml, "p.yaml"));
        assertThat(e).as("expected the file to be refused").isNotNull();
        return e.lines();
    }

    @Test
    void domainAdaptationInYamlEqualsTheDslAndSurvivesTheRoundTrip() {
        PipelineSpec dsl = Mtl.pipeline("moons")
                .data(Data.csv("moons_source.csv").numeric("x1", "x2").split(0.2, 7)
                        .target(Data.csv("moons_target.csv").split(0.5, 7)))
                .encoder(Encoders.mlp().hidden(16))
                .task("label", Heads.binary())
                .strategy(Transfers.domainAdversarial().lambda(0.5).constant().hidden(8))
                .training(t -> t.epochs(5).seed(3))
                .build();

        PipelineSpec yaml = reader.read(MOONS, "moons.yaml");

        assertThat(yaml).isEqualTo(dsl);
        assertThat(reader.read(writer.write(yaml), "written.yaml")).isEqualTo(yaml);
    }

    @Test
    void metaLearningInYamlEqualsTheDsl() {
        PipelineSpec dsl = Mtl.pipeline("sines")
                .data(Data.csv("sine_waves.csv").numeric("x").drop("split").splitColumn("split"))
                .encoder(Encoders.mlp().hidden(40, 40))
                .task("y", Heads.regression())
                .strategy(Transfers.reptile().taskColumn("wave").support(10).query(10).innerSteps(5).innerLr(0.02)
                        .metaBatch(4).outerSteps(50).evaluateAfter(0, 1, 10))
                .build();
        String yaml = String.join("\n",
                "pipeline: sines",
                "data: { source: { type: csv, path: sine_waves.csv }, features: { x: numeric }, drop: [split], split: { column: split } }",
                "encoder: { type: mlp, hidden: [40, 40] }",
                "tasks: { y: { head: { type: regression } } }",
                "strategy: { type: reptile, taskColumn: wave, support: 10, query: 10, innerSteps: 5, innerLr: 0.02, metaBatch: 4,"
                        + " outerSteps: 50, evaluateAfter: [0, 1, 10] }",
                "");

        assertThat(reader.read(yaml, "sines.yaml")).isEqualTo(dsl);
        assertThat(reader.read(writer.write(dsl), "written.yaml")).isEqualTo(dsl);
    }

    @Test
    void aTransferPipelineNamesItsTargetRowsInItsData() {
        String yaml = String.join("\n",
                "pipeline: spam-dann",
                "transfer: { from: m.zip, strategy: { type: coral, weight: 2.0 }, keep: [is_spam] }",
                "data:",
                "  source: { type: csv, path: spam_period1.csv }",
                "  target: { source: { type: csv, path: spam_period2.csv } }",
                "");
        TransferPipelineSpec dsl = Mtl.transfer("spam-dann", "m.zip").strategy(Transfers.coral().weight(2.0)).keep("is_spam")
                .data(Data.csv("spam_period1.csv").target(Data.csv("spam_period2.csv"))).build();

        TransferPipelineSpec read = reader.readTransfer(yaml, "t.yaml");

        assertThat(read).isEqualTo(dsl);
        assertThat(reader.readTransfer(writer.write(read), "written.yaml")).isEqualTo(read);
    }

    @Test
    void badStrategiesAndTargetsAreLocatedOneLineProblems() {
        assertThat(problems(MOONS.replace("lambda: 0.5", "lamda: 0.5"))).singleElement().asString()
                .startsWith("p.yaml:10:39: strategy.lamda: unknown key 'lamda'; did you mean 'lambda'?");
        assertThat(problems(MOONS.replace("schedule: constant", "schedule: linear"))).singleElement().asString()
                .startsWith("p.yaml:10:62: strategy.schedule: ");
        assertThat(problems(MOONS.replace("type: domain-adversarial", "type: domain-adversary"))).singleElement().asString()
                .startsWith("p.yaml:10:19: strategy.type: unknown transfer strategy type 'domain-adversary'; did you mean"
                        + " 'domain-adversarial'?");
        assertThat(problems(MOONS.replace("target: { source:", "target: { features: { x: numeric }, source:")))
                .singleElement().asString().startsWith("p.yaml:6:13: data.target.features: ")
                .contains("the target's rows are read with the features of the pipeline");
        assertThat(problems(MOONS.replace("split: { test: 0.5, seed: 7 }", "split: { test: 0.5, validation: 0.1 }")))
                .singleElement().asString().startsWith("p.yaml:6:").contains("data.target.split.validation: ");
        assertThat(problems(MOONS.replace("strategy: { type: domain-adversarial, lambda: 0.5, schedule: constant, hidden: [8] }",
                ""))).singleElement().asString().startsWith("p.yaml:6:").contains("data.target: target-domain rows are for a");
        assertThat(problems(MOONS.replace("strategy: { type: domain-adversarial, lambda: 0.5, schedule: constant, hidden: [8] }",
                "strategy: { type: reptile, taskColumn: t, evaluateAfter: [5, 1] }")))
                .singleElement().asString().startsWith("p.yaml:10:").contains("strategy.evaluateAfter: must be ascending");
    }
}
