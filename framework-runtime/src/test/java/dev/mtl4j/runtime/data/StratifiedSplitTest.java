package dev.mtl4j.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.api.spi.RawTable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code data.split.stratify}: every part of the split holds each stratum in proportion, within one row. */
final class StratifiedSplitTest {
    private static final SplitSpec SPLIT = new SplitSpec(0.2, 0.1, 42, null, 0, List.of("MARITAL.STATUS"));

    private static Map<String, Long> counts(RawTable table, int[] rows, String... columns) {
        return Arrays.stream(rows).mapToObj(row -> Arrays.stream(columns)
                        .map(c -> String.valueOf(table.cell(row, table.columnIndex(c)))).collect(Collectors.joining("|")))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void eachClassIsInEveryPartInProportion() {
        RawTable income = ExampleData.income();
        Splits splits = Splitter.split(SPLIT, income);
        Map<String, Long> all = counts(income, IntStream.range(0, income.size()).toArray(), "MARITAL.STATUS");
        Map<String, Long> test = counts(income, splits.test(), "MARITAL.STATUS");
        Map<String, Long> validation = counts(income, splits.validation(), "MARITAL.STATUS");

        assertThat(splits.test()).hasSize(1799);
        assertThat(splits.validation()).hasSize(719);
        all.forEach((value, n) -> {
            // the missing cells ("null") are a stratum of their own
            assertThat((double) test.getOrDefault(value, 0L)).as("test rows of %s", value).isCloseTo(n * 1799.0 / 8993,
                    org.assertj.core.data.Offset.offset(1.0));
            assertThat((double) validation.getOrDefault(value, 0L)).as("validation rows of %s", value)
                    .isCloseTo(n * 719.0 / 8993, org.assertj.core.data.Offset.offset(1.0));
        });
        int[] every = IntStream.concat(IntStream.concat(Arrays.stream(splits.train()), Arrays.stream(splits.validation())),
                Arrays.stream(splits.test())).sorted().toArray();
        assertThat(every).isEqualTo(IntStream.range(0, 8993).toArray());
        assertThat(Splitter.split(SPLIT, income)).as("the same seed, the same split").isEqualTo(splits);
    }

    @Test
    void severalColumnsAreStratifiedJointly() {
        RawTable income = ExampleData.income();
        Splits splits = Splitter.split(SPLIT.withStratify(List.of("SEX", "MARITAL.STATUS")), income);
        Map<String, Long> all = counts(income, IntStream.range(0, income.size()).toArray(), "SEX", "MARITAL.STATUS");
        Map<String, Long> test = counts(income, splits.test(), "SEX", "MARITAL.STATUS");

        all.forEach((value, n) -> assertThat((double) test.getOrDefault(value, 0L)).as("test rows of %s", value)
                .isCloseTo(n * 1799.0 / 8993, org.assertj.core.data.Offset.offset(1.0)));
    }

    @Test
    void aColumnTheDataLacksIsAnErrorAtTheKey() {
        MtlException e = catchThrowableOfType(MtlException.class,
                () -> Splitter.split(SPLIT.withStratify(List.of("MARTIAL.STATUS")), ExampleData.income(), "data"));

        assertThat(e.category()).isEqualTo(ErrorCategory.DATA_INVALID);
        assertThat(e.problems().get(0).key()).isEqualTo("data.split.stratify");
        assertThat(e.getMessage()).contains("no column 'MARTIAL.STATUS' to stratify by").contains("did you mean 'MARITAL.STATUS'");
    }
}
