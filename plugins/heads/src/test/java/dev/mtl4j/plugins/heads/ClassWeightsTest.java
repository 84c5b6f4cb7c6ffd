package dev.mtl4j.plugins.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.LossWeights;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.api.spi.TargetKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loss weights from the head's parameter and the training rows' class counts. */
final class ClassWeightsTest {
    private static final TargetInfo FRAUD = new TargetInfo("fraud", TargetKind.BINARY, List.of("label"),
            List.of("ok", "fraud"), List.of(960L, 40L), List.of(1000L));
    private static final TargetInfo KIND = new TargetInfo("kind", TargetKind.CATEGORICAL, List.of("kind"),
            List.of("cat", "dog", "fox"), List.of(60L, 30L, 10L), List.of(100L));

    @Test
    void autoWeighsPositivesByNegativesOverPositives() {
        assertThat(ClassWeights.positive(LossWeights.word("auto"), FRAUD)).isCloseTo(24.0, within(1e-12));
        assertThat(ClassWeights.positive(LossWeights.of(3), FRAUD)).isEqualTo(3.0);
        assertThat(ClassWeights.positive(null, FRAUD)).isEqualTo(1.0);
    }

    @Test
    void balancedIsRowsOverClassesTimesClassRows() {
        assertThat(ClassWeights.perClass(LossWeights.word("balanced"), KIND))
                .containsExactly(new double[] {100.0 / 180, 100.0 / 90, 100.0 / 30}, within(1e-12));
    }

    @Test
    void aMapWeighsTheClassesItNamesAndLeavesTheOthersAtOne() {
        assertThat(ClassWeights.perClass(LossWeights.byClass(Map.of("fox", 5.0)), KIND)).containsExactly(1, 1, 5);
        assertThat(ClassWeights.perClass(null, KIND)).isNull();
    }

    @Test
    void wrongFormsAndUnknownClassesAreErrorsAtTheirKey() {
        SpecException unknown = catchThrowableOfType(SpecException.class,
                () -> ClassWeights.perClass(LossWeights.byClass(Map.of("cow", 2.0)), KIND));
        assertThat(unknown.getMessage()).contains("classWeights").contains("[cow]").contains("[cat, dog, fox]");
        assertThat(catchThrowableOfType(SpecException.class, () -> ClassWeights.positive(LossWeights.word("balanced"), FRAUD))
                .getMessage()).contains("positiveWeight").contains("a number or auto");
        assertThat(catchThrowableOfType(SpecException.class, () -> ClassWeights.perClass(LossWeights.of(2), KIND))
                .getMessage()).contains("classWeights").contains("balanced");
    }

    @Test
    void countsAreNeededForWeightsFromTheData() {
        TargetInfo uncounted = new TargetInfo("fraud", TargetKind.BINARY, List.of("label"), List.of("ok", "fraud"));
        assertThat(catchThrowableOfType(SpecException.class, () -> ClassWeights.positive(LossWeights.word("auto"), uncounted))
                .getMessage()).contains("give numbers instead");
    }
}
