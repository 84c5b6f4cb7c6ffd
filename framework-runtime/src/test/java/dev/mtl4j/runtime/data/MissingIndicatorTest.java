package dev.mtl4j.runtime.data;

import static dev.mtl4j.runtime.data.ExampleData.row;
import static dev.mtl4j.runtime.data.ExampleData.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TargetKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A numeric column with missing training cells gets a second input marking them; one without does not. */
final class MissingIndicatorTest {
    private static final PipelineSpec SPEC = Mtl.pipeline("p").data(Data.csv("t.csv").numeric("a", "b"))
            .encoder(Encoders.mlp()).task("y", Heads.binary()).build();
    private static final RawTable TRAINING = table(row("a", "b", "y"), row("1", "10", "0"), row(null, "20", "1"),
            row("3", "30", "0"), row(null, "40", "1"));

    private static Preprocessor fitted() {
        return Preprocessor.fit(SPEC, TRAINING, new int[] {0, 1, 2, 3}, TargetRequest.defaults(Map.of("y", TargetKind.BINARY)));
    }

    @Test
    void aColumnWithMissingCellsGetsAnIndicatorInput() {
        Preprocessor preprocessor = fitted();

        assertThat(preprocessor.features().inputNames()).containsExactly("a", "a=missing", "b");
        assertThat(preprocessor.features().missingIndicators()).containsExactly("a");
        INDArray features = preprocessor.encode(TRAINING, new int[] {0, 1}).features();
        // a: mean 2, std of {1, 3}; a missing cell is the mean (0) and its indicator 1
        assertThat(features.getDouble(0, 1)).isEqualTo(0.0);
        assertThat(features.getDouble(0, 0)).isLessThan(0);
        assertThat(features.getDouble(1, 0)).isEqualTo(0.0);
        assertThat(features.getDouble(1, 1)).isEqualTo(1.0);
    }

    @Test
    void thePreparedAndTheCellByCellEncodingsAgree() {
        Preprocessor preprocessor = fitted();
        RawTable other = table(row("b", "a"), row("15", null), row("25", "2"));

        assertThat(preprocessor.encodeFeaturesOnly(other, new int[] {0, 1}).features().toDoubleMatrix())
                .isEqualTo(new double[][] {{0, 1, preprocessor.encode(table(row("a", "b", "y"), row(null, "15", "0")),
                        new int[] {0}).features().getDouble(0, 2)}, {0, 0,
                        preprocessor.encode(table(row("a", "b", "y"), row("2", "25", "0")), new int[] {0}).features().getDouble(0, 2)}});
    }

    @Test
    void theIndicatorSurvivesTheModelStateAndAnOldStateHasNone() {
        Preprocessor preprocessor = fitted();
        Preprocessor restored = Preprocessor.fromState(preprocessor.toState(), SPEC);
        assertThat(restored.features().inputNames()).containsExactly("a", "a=missing", "b");

        Map<String, Object> state = preprocessor.toState();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> features = (List<Map<String, Object>>) state.get("features");
        features.get(0).remove("indicator");
        assertThat(Preprocessor.fromState(state, SPEC).features().inputNames()).containsExactly("a", "b");
    }
}
