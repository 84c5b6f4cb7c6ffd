package dev.mtl4j.runtime.data;

import static dev.mtl4j.runtime.data.ExampleData.row;
import static dev.mtl4j.runtime.data.ExampleData.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.FeatureSpec;
import dev.mtl4j.api.spec.FeatureType;
import dev.mtl4j.api.spec.UnseenCategory;
import dev.mtl4j.api.spi.RawTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

final class FeatureEncoderTest {

    private static final FeatureSpec CATEGORICAL = FeatureSpec.of("*", FeatureType.CATEGORICAL);
    private static final FeatureSpec NUMERIC = FeatureSpec.of("*", FeatureType.NUMERIC);

    private final RawTable colours = table(row("colour", "size"), row("red", "1"), row("blue", "3"),
            row(null, "2"), row("red", null), row("green", "x"));

    @Test
    void categoricalIsOneHotOverTheTrainingValuesInOrder() {
        FeatureEncoder encoder = FeatureEncoder.fit(colours, List.of(new FeatureColumn("colour", CATEGORICAL)),
                new int[] {0, 1, 2}, UnseenCategory.ERROR);
        assertThat(encoder.width()).isEqualTo(2);
        assertThat(encoder.inputNames()).containsExactly("colour=blue", "colour=red");
        INDArray encoded = encoder.encode(colours, new int[] {0, 1, 2, 3});
        assertThat(encoded.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(encoded.toFloatMatrix()).isEqualTo(new float[][] {{0, 1}, {1, 0}, {0, 0}, {0, 1}});
    }

    @Test
    void anUnseenValueIsAnErrorNamingRowColumnAndKnownValues() {
        FeatureEncoder encoder = FeatureEncoder.fit(colours, List.of(new FeatureColumn("colour", CATEGORICAL)),
                new int[] {0, 1}, UnseenCategory.ERROR);
        assertThat(encoder.encode(colours, new int[] {1, 0}).toFloatMatrix())
                .as("rows not encoded are not checked").isEqualTo(new float[][] {{1, 0}, {0, 1}});
        assertThatThrownBy(() -> encoder.encode(colours, new int[] {0, 4}))
                .isInstanceOfSatisfying(MtlException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.DATA_INVALID))
                .hasMessage("t.csv: row 5 (line 6), column 'colour': value 'green' was not in the training rows"
                        + " (known: blue, red); set data.unseen to 'other' to map unseen values to an extra input");
    }

    @Test
    void otherPolicyAddsATrailingSlotToEveryCategoricalColumn() {
        FeatureEncoder encoder = FeatureEncoder.fit(colours, List.of(new FeatureColumn("colour", CATEGORICAL)),
                new int[] {0, 1}, UnseenCategory.OTHER);
        assertThat(encoder.width()).isEqualTo(3);
        assertThat(encoder.inputNames()).containsExactly("colour=blue", "colour=red", "colour=<other>");
        assertThat(encoder.encode(colours, new int[] {4, 0, 2}).toFloatMatrix())
                .isEqualTo(new float[][] {{0, 0, 1}, {0, 1, 0}, {0, 0, 0}});
    }

    @Test
    void incomeCategoricalWidthsAreTheTrainingValueCounts() {
        RawTable income = ExampleData.income();
        List<FeatureColumn> columns = FeatureResolver.resolve(ExampleData.incomeSpec(), income);
        FeatureEncoder encoder = FeatureEncoder.fit(income, columns, Splitter.all(income), UnseenCategory.ERROR);
        // SEX 2, AGE 7, EDUCATION 6, OCCUPATION 9, AREA 5, HOUSEHOLD.SIZE 9, UNDER18 10, HOUSEHOLDER 3,
        // HOME.TYPE 5, ETHNIC.CLASS 8, LANGUAGE 3 (missing cells are no category)
        assertThat(encoder.width()).isEqualTo(2 + 7 + 6 + 9 + 5 + 9 + 10 + 3 + 5 + 8 + 3);
        assertThat(encoder.inputNames()).startsWith("SEX=F", "SEX=M", "AGE=14-17");
        FeatureEncoder withOther = FeatureEncoder.fit(income, columns, Splitter.all(income), UnseenCategory.OTHER);
        assertThat(withOther.width()).isEqualTo(encoder.width() + columns.size());
    }

    @Test
    void ordinalIsTheScaledRankAndMissingIsTheTrainingMean() {
        RawTable table = table(row("size"), row("S"), row("L"), row("M"), new String[] {null}, row("XL"));
        FeatureSpec spec = new FeatureSpec("size", FeatureType.ORDINAL, List.of("S", "M", "L"));
        FeatureEncoder encoder = FeatureEncoder.fit(table, List.of(new FeatureColumn("size", spec)),
                new int[] {0, 1, 2, 3}, UnseenCategory.ERROR);
        assertThat(encoder.width()).isEqualTo(1);
        assertThat(encoder.encode(table, new int[] {0, 1, 2, 3}).toFloatVector())
                .containsExactly(0f, 1f, 0.5f, 0.5f);
        assertThatThrownBy(() -> encoder.encode(table, new int[] {4}))
                .hasMessage("t.csv: row 5 (line 6), column 'size': 'XL' is not one of the declared levels [S, M, L]");
    }

    @Test
    void numericIsStandardisedWithTrainingMomentsAndMissingIsZero() {
        FeatureEncoder encoder = FeatureEncoder.fit(colours, List.of(new FeatureColumn("size", NUMERIC)),
                new int[] {0, 1, 2}, UnseenCategory.ERROR);
        float[] values = encoder.encode(colours, new int[] {0, 1, 2, 3}).toFloatVector();
        double std = Math.sqrt(2.0 / 3);
        assertThat(values[0]).isCloseTo((float) (-1 / std), within(1e-6f));
        assertThat(values[1]).isCloseTo((float) (1 / std), within(1e-6f));
        assertThat(values[2]).isEqualTo(0f);
        assertThat(values[3]).isEqualTo(0f);
    }

    @Test
    void aBadNumberNamesRowColumnAndCell() {
        assertThatThrownBy(() -> FeatureEncoder.fit(colours, List.of(new FeatureColumn("size", NUMERIC)),
                new int[] {0, 4}, UnseenCategory.ERROR))
                .isInstanceOfSatisfying(MtlException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.DATA_INVALID))
                .hasMessage("t.csv: row 5 (line 6), column 'size': not a number: 'x'");
        FeatureEncoder encoder = FeatureEncoder.fit(colours, List.of(new FeatureColumn("size", NUMERIC)),
                new int[] {0, 1}, UnseenCategory.ERROR);
        assertThat(encoder.encode(colours, new int[] {0, 1}).length()).isEqualTo(2);
        assertThatThrownBy(() -> encoder.encode(colours, new int[] {1, 4}))
                .hasMessage("t.csv: row 5 (line 6), column 'size': not a number: 'x'");
    }

    @Test
    void columnsAreFoundByNameInAnotherTable() {
        FeatureEncoder encoder = FeatureEncoder.fit(colours, List.of(new FeatureColumn("colour", CATEGORICAL),
                new FeatureColumn("size", NUMERIC)), new int[] {0, 1}, UnseenCategory.ERROR);
        RawTable reordered = table(row("size", "id", "colour"), row("1", "a", "red"), row("3", "b", "blue"));
        assertThat(encoder.encode(reordered, new int[] {0, 1})).isEqualTo(encoder.encode(colours, new int[] {0, 1}));
        RawTable without = table(row("size", "id"), row("1", "a"));
        assertThatThrownBy(() -> encoder.encode(without, new int[] {0}))
                .hasMessage("t.csv: no column 'colour', which the model reads as a feature (columns: size, id)");
    }

    @Test
    void manyRowsAreWrittenIntoTheMatrixChunkByChunkAsTheyEncodeOneByOne() {
        dev.mtl4j.api.spi.RawTableBuilder builder = RawTable.builder("big.csv", List.of("colour", "size", "id"));
        String[] colours = {"red", "green", "blue", null};
        for (int r = 0; r < 40_000; r++) {
            builder.addRow(r + 2, colours[r % 4], r % 13 == 0 ? null : Integer.toString(r % 97), "id" + r);
        }
        RawTable big = builder.build();
        int[] rows = java.util.stream.IntStream.range(0, big.size()).filter(r -> r % 3 != 1).toArray();
        FeatureEncoder encoder = FeatureEncoder.fit(big, List.of(new FeatureColumn("colour", CATEGORICAL),
                new FeatureColumn("size", NUMERIC), new FeatureColumn("id", CATEGORICAL)), rows, UnseenCategory.OTHER);
        assertThat(encoder.width()).as("a wide one-hot: more than one chunk of rows").isGreaterThan(20_000);
        int[] some = java.util.Arrays.copyOf(rows, 30);
        assertThat(encoder.encode(big, some).data().asFloat()).isEqualTo(encoder.encodeToArray(big, some));
        int[] narrow = java.util.stream.IntStream.range(0, 30_000).toArray();
        FeatureEncoder small = FeatureEncoder.fit(big, List.of(new FeatureColumn("colour", CATEGORICAL),
                new FeatureColumn("size", NUMERIC)), narrow, UnseenCategory.ERROR);
        assertThat(small.encode(big, narrow).data().asFloat()).isEqualTo(small.encodeToArray(big, narrow));
    }

    @Test
    void aMatrixLargerThanTheArraysMayTakeIsRefusedBeforeItIsAllocated() {
        dev.mtl4j.api.spi.RawTableBuilder builder = RawTable.builder("wide.csv", List.of("id"));
        for (int r = 0; r < 60_000; r++) {
            builder.addRow(r + 2, "id" + r);
        }
        RawTable wide = builder.build();
        int[] all = Splitter.all(wide);
        FeatureEncoder encoder = FeatureEncoder.fit(wide, List.of(new FeatureColumn("id", CATEGORICAL)), all,
                UnseenCategory.ERROR);
        // 60,000 rows x 60,000 inputs = 14.4 GB of floats
        assertThatThrownBy(() -> encoder.encode(wide, all))
                .isInstanceOfSatisfying(MtlException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.RESOURCE_EXHAUSTED))
                .hasMessageStartingWith("wide.csv: 60000 rows of 60000 inputs need 13.4 GB as one float array, and ")
                .hasMessageContaining("MTL_JAVA_OPTS");
    }
}
