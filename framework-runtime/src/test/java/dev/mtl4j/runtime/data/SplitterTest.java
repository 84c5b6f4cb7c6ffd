package dev.mtl4j.runtime.data;

import static dev.mtl4j.runtime.data.ExampleData.row;
import static dev.mtl4j.runtime.data.ExampleData.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.api.spi.RawTable;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class SplitterTest {

    @Test
    void randomSplitHasTheFractionsAndCoversEveryRowOnce() {
        RawTable income = ExampleData.income();
        Splits splits = Splitter.split(new SplitSpec(0.2, 0.1, 42, null), income);
        assertThat(splits.test()).hasSize(1799);
        assertThat(splits.validation()).hasSize(719);
        assertThat(splits.train()).hasSize(8993 - 1799 - 719);
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(splits.train()), Arrays.stream(splits.validation())),
                Arrays.stream(splits.test())).sorted().toArray();
        assertThat(all).isEqualTo(IntStream.range(0, 8993).toArray());
        assertThat(splits.train()).isSorted();
    }

    @Test
    void randomSplitIsDeterministicUnderItsSeed() {
        RawTable income = ExampleData.income();
        Splits first = Splitter.split(SplitSpec.random(0.2, 7), income);
        assertThat(Splitter.split(SplitSpec.random(0.2, 7), income)).isEqualTo(first);
        assertThat(Splitter.split(SplitSpec.random(0.2, 8), income)).isNotEqualTo(first);
        assertThat(first.validation()).isEmpty();
    }

    @Test
    void splitColumnSaysWhereEachRowGoes() {
        RawTable table = table(row("x", "split"), row("1", "train"), row("2", "test"), row("3", "Validation"),
                row("4", "train"));
        Splits splits = Splitter.split(SplitSpec.byColumn("split").withValidation(0.5), table);
        assertThat(splits.train()).containsExactly(0, 3);
        assertThat(splits.validation()).containsExactly(2);
        assertThat(splits.test()).containsExactly(1);
    }

    @Test
    void validationComesFromTrainRowsWhenNoRowSaysValidation() {
        RawTable table = table(row("x", "split"), row("1", "train"), row("2", "test"), row("3", "train"),
                row("4", "train"), row("5", "train"));
        Splits splits = Splitter.split(SplitSpec.byColumn("split").withValidation(0.5), table);
        assertThat(splits.validation()).hasSize(2);
        assertThat(splits.train()).hasSize(2);
        assertThat(splits.test()).containsExactly(1);
        assertThat(Splitter.split(SplitSpec.byColumn("split").withValidation(0.5), table)).isEqualTo(splits);
    }

    @Test
    void aBadSplitCellNamesRowAndColumn() {
        RawTable table = table(row("x", "split"), row("1", "train"), row("2", "holdout"));
        assertThatThrownBy(() -> Splitter.split(SplitSpec.byColumn("split"), table))
                .isInstanceOfSatisfying(MtlException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.DATA_INVALID))
                .hasMessage("t.csv: row 2 (line 3), column 'split': a split cell must say train, validation or test,"
                        + " found 'holdout'");
    }

    @Test
    void aMissingSplitColumnIsNamedWithTheFile() {
        RawTable table = table(row("x", "split"), row("1", "train"));
        assertThatThrownBy(() -> Splitter.split(SplitSpec.byColumn("splt"), table))
                .isInstanceOf(MtlException.class)
                .hasMessage("data.split.column: t.csv has no split column 'splt' (columns: x, split); did you mean 'split'?");
    }
}
