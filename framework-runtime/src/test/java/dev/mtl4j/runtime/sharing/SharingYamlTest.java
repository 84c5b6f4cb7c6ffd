package dev.mtl4j.runtime.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.config.PipelineYamlReader;
import dev.mtl4j.runtime.config.PipelineYamlWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strategies' parameters in YAML, through the real plugins: equal to the DSL, round trip, exact errors. */
final class SharingYamlTest {
    private static final String HEAD = """
            pipeline: p
            data: { source: { type: csv, path: d.csv }, features: { x: numeric } }
            encoder: { type: mlp, hidden: [8, 4] }
            tasks: { a: { head: { type: binary } }, b: { head: { type: binary } } }
            """;

    private final PipelineYamlReader reader = new PipelineYamlReader(MtlRuntime.create().registry());

    private static PipelineSpec dsl(Component sharing) {
        return Mtl.pipeline("p").data(Data.csv("d.csv").numeric("x")).encoder(Encoders.mlp().hidden(8, 4)).sharing(sharing)
                .task("a", Heads.binary()).task("b", Heads.binary()).build();
    }

    @Test
    void eachStrategyReadsAsTheDslWritesIt() {
        assertThat(reader.read(HEAD + "sharing: { type: hierarchical, at: { a: 1 } }\n", "p.yaml"))
                .isEqualTo(dsl(Sharing.hierarchical().at("a", 1)));
        assertThat(reader.read(HEAD + "sharing: { type: soft, penalty: l2, coefficient: 0.01, crossStitch: true }\n", "p.yaml"))
                .isEqualTo(dsl(Sharing.soft().penalty("l2").coefficient(0.01).crossStitch(true)));
        assertThat(reader.read(HEAD + "sharing: { type: attention, kind: cgc, experts: 3, taskExperts: 2 }\n", "p.yaml"))
                .isEqualTo(dsl(Sharing.attention("cgc").experts(3).taskExperts(2)));
    }

    @Test
    void specsRoundTripThroughYaml() {
        PipelineYamlWriter writer = new PipelineYamlWriter();
        for (Component sharing : List.of(Sharing.hierarchical().at("b", 1).at("a", 2), Sharing.soft().crossStitch(true),
                Sharing.attention("mtan"), Sharing.attention("mmoe").experts(6))) {
            PipelineSpec spec = dsl(sharing);
            assertThat(reader.read(writer.write(spec), "written.yaml")).isEqualTo(spec);
        }
    }

    @Test
    void aDepthThatIsNotANumberIsReportedAtItsLine() {
        assertThat(problems(HEAD + "sharing: { type: hierarchical, at: { a: one } }\n"))
                .containsExactly("p.yaml:5:36: sharing.at: expected an integer for 'a', got 'one'");
    }

    @Test
    void aDepthBelowOneIsRefused() {
        assertThat(problems(HEAD + "sharing: { type: hierarchical, at: { a: 0 } }\n"))
                .containsExactly("p.yaml:5:36: sharing.at: must be >= 1, got 0");
    }

    @Test
    void anUnknownAttentionKindListsTheKinds() {
        assertThat(problems(HEAD + "sharing: { type: attention, kind: moe }\n"))
                .containsExactly("p.yaml:5:35: sharing.kind: must be one of [mmoe, mtan, cgc], got 'moe'");
    }

    private List<String> problems(String yaml) {
        MtlException e = catchThrowableOfType(MtlException.class, () -> reader.read(yaml, "p.yaml"));
        assertThat(e).as("expected the file to be refused").isNotNull();
        assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG_INVALID);
        return e.lines();
    }
}
