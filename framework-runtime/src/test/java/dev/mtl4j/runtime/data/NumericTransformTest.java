package dev.mtl4j.runtime.data;

import static dev.mtl4j.runtime.data.ExampleData.row;
import static dev.mtl4j.runtime.data.ExampleData.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.NumericTransform;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TargetKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

/** log, quantile and robust: fitted on the training rows, applied alike to every table, kept in the model state. */
final class NumericTransformTest {
    private static final RawTable WINE = ExampleData.read("wine.csv");

    private static PipelineSpec wine(NumericTransform transform, String... columns) {
        return Mtl.pipeline("wine").data(Data.csv("wine.csv").numeric(transform, columns))
                .encoder(Encoders.mlp()).task("cultivar", Heads.classification(3)).build();
    }

    private static Preprocessor fit(PipelineSpec spec, RawTable table, int[] rows) {
        return Preprocessor.fit(spec, table, rows, TargetRequest.defaults(Map.of("cultivar", TargetKind.CATEGORICAL)));
    }

    private static double[] column(double[][] matrix, int c) {
        return Arrays.stream(matrix).mapToDouble(r -> r[c]).toArray();
    }

    private static double[] cells(RawTable table, String column, int[] rows) {
        int index = table.columnIndex(column);
        return Arrays.stream(rows).mapToDouble(r -> Double.parseDouble(table.cell(r, index))).toArray();
    }

    @Test
    void quantilesOfTheCountsAgreeWithCommonsMathsLinearPercentile() {
        Random random = new Random(3);
        // ties on purpose: 500 draws among 40 values
        double[] data = IntStream.range(0, 500).mapToDouble(i -> Math.floor(random.nextGaussian() * 10) / 2).toArray();
        double[] sorted = data.clone();
        Arrays.sort(sorted);
        double[] distinct = Arrays.stream(sorted).distinct().toArray();
        long[] counts = Arrays.stream(distinct).mapToLong(v -> Arrays.stream(data).filter(d -> d == v).count()).toArray();
        SortedCounts cells = new SortedCounts(distinct, counts);
        Percentile numpyDefault = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        for (double p : new double[] {0.01, 0.25, 0.5, 0.737, 0.75, 0.99, 1}) {
            assertThat(cells.quantile(p)).as("p=%s", p).isCloseTo(numpyDefault.evaluate(data, p * 100), within(1e-9));
        }
        assertThat(cells.quantile(0)).isEqualTo(sorted[0]);
    }

    @Test
    void theQuantileTransformMakesASkewedColumnStandardNormalOnTheTrainingRows() {
        int[] train = IntStream.range(0, WINE.size()).filter(r -> r % 4 != 0).toArray();
        Preprocessor preprocessor = fit(wine(NumericTransform.QUANTILE, "*"), WINE, train);
        int proline = preprocessor.features().inputNames().indexOf("proline");
        double[] encoded = column(preprocessor.encode(WINE, train).features().toDoubleMatrix(), proline);

        double mean = Arrays.stream(encoded).average().orElseThrow();
        assertThat(mean).isCloseTo(0, within(0.05));
        // the lowest and highest training cells sit at the ends (±5.2); the others spread as a standard normal
        double[] sorted = encoded.clone();
        Arrays.sort(sorted);
        assertThat(sorted[0]).isCloseTo(-5.2, within(0.01));
        assertThat(sorted[sorted.length - 1]).isCloseTo(5.2, within(0.01));
        double[] inner = Arrays.copyOfRange(sorted, 1, sorted.length - 1);
        double innerMean = Arrays.stream(inner).average().orElseThrow();
        double std = Math.sqrt(Arrays.stream(inner).map(v -> (v - innerMean) * (v - innerMean)).average().orElseThrow());
        assertThat(std).isCloseTo(1, within(0.1));
        // order kept: the training rows' ranks are the encoded values' ranks
        double[] raw = cells(WINE, "proline", train);
        for (int i = 0; i < raw.length; i++) {
            for (int j = 0; j < raw.length; j++) {
                if (raw[i] < raw[j]) {
                    assertThat(encoded[i]).isLessThanOrEqualTo(encoded[j]);
                }
            }
        }
    }

    @Test
    void beyondTheTrainingRangeTheQuantileTransformStopsAtItsEnds() {
        QuantileNormal transform = QuantileNormal.fit(new SortedCounts(new double[] {1, 2, 3}, new long[] {1, 2, 1}));
        assertThat(transform.apply(-100)).isCloseTo(-5.2, within(0.01));
        assertThat(transform.apply(100)).isCloseTo(5.2, within(0.01));
        // 2 is half the cells: the middle of its run of quantiles, the median
        assertThat(transform.apply(2)).isCloseTo(0, within(1e-9));
        assertThat(transform.apply(Double.NaN)).isNaN();
    }

    @Test
    void robustScalingUsesTheTrainingRowsMedianAndInterquartileRange() {
        int[] train = IntStream.range(0, WINE.size()).filter(r -> r % 3 != 0).toArray();
        Preprocessor preprocessor = fit(wine(NumericTransform.ROBUST, "*"), WINE, train);
        int magnesium = preprocessor.features().inputNames().indexOf("magnesium");
        double[] raw = cells(WINE, "magnesium", train);
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        double median = percentile.evaluate(raw, 50);
        double iqr = percentile.evaluate(raw, 75) - percentile.evaluate(raw, 25);

        // a test row too: the training rows' statistics, not its own
        double[] encoded = column(preprocessor.encode(WINE, new int[] {150}).features().toDoubleMatrix(), magnesium);
        assertThat(encoded[0]).isCloseTo((cells(WINE, "magnesium", new int[] {150})[0] - median) / iqr, within(1e-5));
    }

    @Test
    void theLogTransformStandardisesTheLogsAndNamesANegativeCell() {
        PipelineSpec spec = Mtl.pipeline("p").data(Data.csv("t.csv").numeric(NumericTransform.LOG, "amount"))
                .encoder(Encoders.mlp()).task("y", Heads.binary()).build();
        RawTable training = table(row("amount", "y"), row("0", "0"), row("9", "1"), row("99", "0"), row("999", "1"));
        Preprocessor preprocessor = Preprocessor.fit(spec, training, new int[] {0, 1, 2, 3},
                TargetRequest.defaults(Map.of("y", TargetKind.BINARY)));
        // logs 0, ln 10, 2 ln 10, 3 ln 10: evenly spaced, so standardised to ±1.342, ±0.447
        assertThat(column(preprocessor.encode(training, new int[] {0, 1, 2, 3}).features().toDoubleMatrix(), 0))
                .containsExactly(new double[] {-1.3416, -0.4472, 0.4472, 1.3416}, within(1e-4));

        RawTable later = table(row("amount", "y"), row("5", "0"), row("-2", "1"));
        assertThatThrownBy(() -> preprocessor.encodeFeaturesOnly(later, new int[] {0, 1}))
                .isInstanceOfSatisfying(MtlException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.DATA_INVALID);
                    assertThat(e.getMessage()).contains("row 2").contains("amount").contains("numbers >= 0, got -2.0");
                });
        RawTable negative = table(row("amount", "y"), row("1", "0"), row("-1", "1"));
        assertThatThrownBy(() -> Preprocessor.fit(spec, negative, new int[] {0, 1}, TargetRequest.defaults(Map.of("y",
                TargetKind.BINARY)))).isInstanceOfSatisfying(MtlException.class,
                        e -> assertThat(e.getMessage()).contains("amount").contains("the log transform takes numbers >= 0"));
    }

    @Test
    void everyTransformSurvivesTheModelStateAndAnOldStateIsStandardised() {
        int[] train = IntStream.range(0, WINE.size()).filter(r -> r % 4 != 0).toArray();
        int[] test = IntStream.range(0, WINE.size()).filter(r -> r % 4 == 0).toArray();
        for (NumericTransform transform : NumericTransform.values()) {
            PipelineSpec spec = wine(transform, "*");
            Preprocessor preprocessor = fit(spec, WINE, train);
            Preprocessor restored = Preprocessor.fromState(preprocessor.toState(), spec);
            assertThat(restored.encode(WINE, test).features().toDoubleMatrix()).as("%s", transform)
                    .isEqualTo(preprocessor.encode(WINE, test).features().toDoubleMatrix());
        }
        Map<String, Object> state = fit(wine(NumericTransform.STANDARD, "*"), WINE, train).toState();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> features = (List<Map<String, Object>>) state.get("features");
        assertThat(features.get(0)).doesNotContainKey("transform").containsKeys("mean", "std");
    }
}
