package dev.mtl4j.api.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Specs check themselves when built, name the key that is wrong, and cannot be changed afterwards. */
final class SpecValidationTest {
    private static final DataSpec DATA = new DataSpec(ComponentSpec.of("csv").with("path", "t.csv"),
            List.of(FeatureSpec.of("*", FeatureType.NUMERIC)), List.of(), null, null);
    private static final ComponentSpec MLP = ComponentSpec.of("mlp").with("hidden", List.of(8));

    @Test
    void aTrainingCopiedWithAnotherSeedOrSamplerKeepsEverythingElse() {
        TrainingSpec t = new TrainingSpec(7, 32, OptimizerSpec.sgd(0.1, 0.9), 3, false,
                new EarlyStoppingSpec(null, "loss", 2), ComponentSpec.of("uniform"), "uniform");
        assertThat(t.withSeed(9)).isEqualTo(new TrainingSpec(7, 32, OptimizerSpec.sgd(0.1, 0.9), 9, false,
                new EarlyStoppingSpec(null, "loss", 2), ComponentSpec.of("uniform"), "uniform"));
        assertThat(t.withSampler(null)).isEqualTo(new TrainingSpec(7, 32, OptimizerSpec.sgd(0.1, 0.9), 3, false,
                new EarlyStoppingSpec(null, "loss", 2), null, "uniform"));
        assertThatThrownBy(() -> new TrainingSpec(7, 32, null, 3, true, null, null, "kaiming"))
                .hasMessage("init: must be one of auto, he, xavier, lecun, uniform, got 'kaiming'");
        assertThat(TrainingSpec.defaults().init()).isEqualTo("auto");
    }

    @Test
    void rangesAreCheckedWithTheKeyNamed() {
        assertThatThrownBy(() -> new TrainingSpec(0, 64, null, 1, true, null))
                .isInstanceOf(SpecException.class).hasMessage("epochs: must be >= 1, got 0")
                .satisfies(e -> assertThat(((SpecException) e).key()).isEqualTo("epochs"));
        assertThatThrownBy(() -> new OptimizerSpec("adamw", 1e-3, 0, 0)).hasMessageStartingWith("type: must be adam or sgd");
        assertThatThrownBy(() -> new TaskSpec("t", MLP, -1, List.of())).hasMessageStartingWith("weight: must be a finite number >= 0");
        assertThatThrownBy(() -> new SplitSpec(0.6, 0.5, 1, null)).hasMessageStartingWith("validation: test + validation");
        assertThatThrownBy(() -> new FeatureSpec("AGE", FeatureType.ORDINAL, List.of("young")))
                .hasMessageStartingWith("levels: an ordinal feature needs at least two levels");
        assertThatThrownBy(() -> new TaskSpec("a/b", MLP)).hasMessageStartingWith("name: must not contain '/'");
    }

    @Test
    void pipelineChecksAcrossSections() {
        TaskSpec a = new TaskSpec("a", MLP);
        assertThatThrownBy(() -> new PipelineSpec("p", DATA, MLP, null, List.of(a, new TaskSpec("a", MLP)), null))
                .hasMessage("tasks.a: is declared twice");
        assertThatThrownBy(() -> new PipelineSpec("p", DATA, MLP, null, List.of(), null))
                .hasMessage("tasks: declare at least one task");
        assertThatThrownBy(() -> new PipelineSpec("p", DATA, MLP, null, List.of(a, new TaskSpec("b", MLP, 1, List.of("a"))), null))
                .hasMessageContaining("column 'a' is already the label of another task");
        TrainingSpec stopping = new TrainingSpec(5, 8, null, 1, true, new EarlyStoppingSpec(null, "loss", 2));
        assertThatThrownBy(() -> new PipelineSpec("p", DATA, MLP, null, List.of(a), stopping))
                .hasMessageStartingWith("training.earlyStopping: needs validation rows");
        TrainingSpec watchesMissingTask = new TrainingSpec(5, 8, null, 1, true, new EarlyStoppingSpec("zzz", "accuracy", 2));
        DataSpec withValidation = new DataSpec(DATA.source(), DATA.features(), List.of(), SplitSpec.defaults().withValidation(0.1), null);
        assertThatThrownBy(() -> new PipelineSpec("p", withValidation, MLP, null, List.of(a), watchesMissingTask))
                .hasMessageStartingWith("training.earlyStopping.task: there is no task 'zzz'");
    }

    @Test
    void defaultsAreFilledIn() {
        PipelineSpec spec = new PipelineSpec("p", DATA, MLP, null, List.of(new TaskSpec("y", MLP)), null);
        assertThat(spec.sharing()).isEqualTo(ComponentSpec.of("hard"));
        assertThat(spec.training()).isEqualTo(TrainingSpec.defaults());
        assertThat(spec.tasks().get(0).labels()).containsExactly("y");
        assertThat(spec.data().split()).isEqualTo(SplitSpec.defaults());
        assertThat(spec.data().unseen()).isEqualTo(UnseenCategory.ERROR);
    }

    @Test
    void componentParamsAreDeeplyCopiedAndImmutable() {
        List<Object> hidden = new ArrayList<>(List.of(8, 4));
        Map<String, Object> params = new HashMap<>(Map.of("hidden", hidden, "rate", 0.5f, "big", 3L));
        ComponentSpec spec = new ComponentSpec("mlp", params);
        hidden.add(2);
        params.put("extra", true);

        assertThat(spec.params()).containsOnlyKeys("hidden", "rate", "big");
        assertThat(spec.params().get("hidden")).isEqualTo(List.of(8, 4));
        assertThat(spec.params().get("rate")).isEqualTo(0.5d);
        assertThat(spec.params().get("big")).isEqualTo(3);
        assertThatThrownBy(() -> spec.params().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new ComponentSpec("mlp", Map.of("bad", new Object())))
                .hasMessageStartingWith("params.bad: must be a string, number, boolean, list or map");
    }

    @Test
    void globsMatchLikeAShell() {
        FeatureSpec px = FeatureSpec.of("px*", FeatureType.NUMERIC);
        assertThat(px.matches("px0")).isTrue();
        assertThat(px.matches("px")).isTrue();
        assertThat(px.matches("apx1")).isFalse();
        FeatureSpec middle = FeatureSpec.of("a*b*c", FeatureType.NUMERIC);
        assertThat(middle.matches("abc")).isTrue();
        assertThat(middle.matches("a-b-c")).isTrue();
        assertThat(middle.matches("a-c-b")).isFalse();
        assertThat(FeatureSpec.of("*", FeatureType.CATEGORICAL).matches("anything")).isTrue();
        assertThat(FeatureSpec.of("AGE", FeatureType.NUMERIC).matches("AGE2")).isFalse();
    }
}
