package dev.mtl4j.api.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.EarlyStoppingSpec;
import dev.mtl4j.api.spec.FeatureSpec;
import dev.mtl4j.api.spec.FeatureType;
import dev.mtl4j.api.spec.OptimizerSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.api.spec.TaskSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DSL produces exactly the spec one would write by hand. */
final class DslTest {

    @Test
    void readsAsASentenceAndBuildsTheSpec() {
        PipelineSpec spec = Mtl.pipeline("digits")
                .data(Data.csv("d.csv").numeric("px*").drop("id").split(0.25, 7).validation(0.1))
                .encoder(Encoders.mlp().hidden(256, 256).activation("relu"))
                .sharing(Sharing.hard())
                .task("digit", Heads.classification(10)).weight(0.5)
                .task("ink", Heads.regression(1).loss("mae")).weight(0.2).labels("ink_a")
                .training(t -> t.epochs(20).batchSize(64).sgd(0.1, 0.9).weightDecay(1e-4).seed(3).earlyStoppingOnLoss(2))
                .build();

        assertThat(spec.name()).isEqualTo("digits");
        assertThat(spec.data().source()).isEqualTo(new ComponentSpec("csv", Map.of("path", "d.csv")));
        assertThat(spec.data().features()).containsExactly(FeatureSpec.of("px*", FeatureType.NUMERIC));
        assertThat(spec.data().drop()).containsExactly("id");
        assertThat(spec.data().split()).isEqualTo(new SplitSpec(0.25, 0.1, 7, null));
        assertThat(spec.encoder()).isEqualTo(new ComponentSpec("mlp", Map.of("hidden", List.of(256, 256), "activation", "relu")));
        assertThat(spec.tasks()).containsExactly(
                new TaskSpec("digit", new ComponentSpec("classification", Map.of("classes", 10)), 0.5, List.of("digit")),
                new TaskSpec("ink", new ComponentSpec("regression", Map.of("outputs", 1, "loss", "mae")), 0.2, List.of("ink_a")));
        assertThat(spec.training().optimizer()).isEqualTo(new OptimizerSpec("sgd", 0.1, 0.9, 1e-4));
        assertThat(spec.training().earlyStopping()).isEqualTo(new EarlyStoppingSpec(null, "loss", 2));
        assertThat(spec.training().seed()).isEqualTo(3);
    }

    @Test
    void missingPiecesSayWhichCallFixesThem() {
        assertThatThrownBy(() -> Mtl.pipeline("p").encoder(Encoders.mlp().hidden(4)).task("y", Heads.binary()).build())
                .isInstanceOf(SpecException.class).hasMessageContaining(".data(Data.csv(");
        assertThatThrownBy(() -> Mtl.pipeline("p").data(Data.csv("x.csv").numeric("*")).task("y", Heads.binary()).build())
                .hasMessageContaining(".encoder(Encoders.mlp()");
    }

    @Test
    void thirdPartyComponentsByName() {
        ComponentSpec custom = Component.of("residual-mlp").param("blocks", 2).toSpec();
        assertThat(custom).isEqualTo(new ComponentSpec("residual-mlp", Map.of("blocks", 2)));
    }
}
