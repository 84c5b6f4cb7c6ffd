package dev.mtl4j.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.PipelineSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --set KEY=VALUE}: the same spec as the file written so, and problems placed at the argument. */
final class PipelineOverridesTest {
    private static final String INCOME = PipelineYamlReaderTest.INCOME.replace("HOUSEHOLD:", "HOUSEHOLD.SIZE.TASK:");

    private final PipelineYamlReader reader = new PipelineYamlReader(new TestCatalog());

    private PipelineSpec read(String... sets) {
        return reader.read(INCOME, "p.yaml", overrides(sets));
    }

    private static List<PipelineOverride> overrides(String... sets) {
        return Arrays.stream(sets).map(s -> PipelineOverride.parse(s, "p.yaml")).toList();
    }

    private List<String> problems(String yaml, String... sets) {
        MtlException e = catchThrowableOfType(MtlException.class, () -> reader.read(yaml, "p.yaml", overrides(sets)));
        assertThat(e).as("expected the overrides to be refused").isNotNull();
        assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG_INVALID);
        return e.lines();
    }

    @Test
    void anOverrideGivesTheSpecOfTheFileWrittenSo() {
        assertThat(read("training.epochs=5", "encoder.hidden=[32, 16]", "tasks.INCOME.weight=0.2"))
                .isEqualTo(reader.read(INCOME.replace("epochs: 20", "epochs: 5").replace("hidden: [64, 64]", "hidden: [32, 16]")
                        .replace("weight: 0.5", "weight: 0.2"), "p.yaml"));
    }

    @Test
    void aTaskNamedWithDotsIsFoundAndAMissingKeyIsAdded() {
        PipelineSpec spec = read("tasks.HOUSEHOLD.SIZE.TASK.weight=0.3", "training.seed=7", "sharing={ type: hard }",
                "data.split.limit=100");

        assertThat(spec.tasks().get(1).weight()).isEqualTo(0.3);
        assertThat(spec.training().seed()).isEqualTo(7);
        assertThat(spec.data().split().limit()).isEqualTo(100);
    }

    @Test
    void theLastOverrideOfAKeyCounts() {
        assertThat(read("training.epochs=5", "training.epochs=6").training().epochs()).isEqualTo(6);
    }

    @Test
    void aWrongValueIsPlacedAtTheArgument() {
        assertThat(problems(INCOME, "training.epochs=ten"))
                .containsExactly("p.yaml (--set training.epochs=ten): training.epochs: expected an integer, got 'ten'");
    }

    @Test
    void anUnknownKeySuggestsTheClosestAtTheArgument() {
        assertThat(problems(INCOME, "training.epoch=5"))
                .containsExactly("p.yaml (--set training.epoch=5): training.epoch: unknown key 'epoch'; did you mean 'epochs'?");
        assertThat(problems(INCOME, "encoder.dropuot=0.1"))
                .containsExactly("p.yaml (--set encoder.dropuot=0.1): encoder.dropuot: unknown key 'dropuot'; did you mean 'dropout'?");
    }

    @Test
    void aKeyInsideAValueThatIsNotAMapIsRefused() {
        assertThat(problems(INCOME, "training.epochs.max=3")).containsExactly(
                "p.yaml (--set training.epochs.max=3): training.epochs.max: cannot set a key inside 'training.epochs', "
                        + "whose value is not a map");
    }

    @Test
    void theFilesProblemsComeFirstThenTheArguments() {
        assertThat(problems(INCOME.replace("batchSize: 64", "batchSize: many"), "training.epochs=ten")).containsExactly(
                "p.yaml:21:14: training.batchSize: expected an integer, got 'many'",
                "p.yaml (--set training.epochs=ten): training.epochs: expected an integer, got 'ten'");
    }

    @Test
    void aMalformedArgumentOrValueIsPlacedAtIt() {
        MtlException noEquals = catchThrowableOfType(MtlException.class, () -> PipelineOverride.parse("epochs", "p.yaml"));
        assertThat(noEquals.lines()).containsExactly("p.yaml (--set epochs): expected KEY=VALUE, e.g. training.epochs=5");
        MtlException noValue = catchThrowableOfType(MtlException.class, () -> PipelineOverride.parse("training.epochs=", "p.yaml"));
        assertThat(noValue.lines()).containsExactly("p.yaml (--set training.epochs=): expected a value after '=' for key "
                + "'training.epochs'");
        assertThat(problems(INCOME, "encoder.hidden=[1,")).singleElement()
                .satisfies(line -> assertThat(line).startsWith("p.yaml (--set encoder.hidden=[1,):"));
    }

    @Test
    void aProblemFoundAfterReadingIsPlacedAtTheOverrideThatSetItsKey() {
        PipelineLocator locator = PipelineLocator.of(INCOME, "p.yaml").with(overrides("tasks.INCOME.head.classes=4"));

        assertThat(locator.locate("tasks.INCOME.head.classes").render()).isEqualTo("p.yaml (--set tasks.INCOME.head.classes=4)");
        assertThat(locator.locate("tasks.INCOME.weight").render()).isEqualTo("p.yaml:15:13");
    }
}
