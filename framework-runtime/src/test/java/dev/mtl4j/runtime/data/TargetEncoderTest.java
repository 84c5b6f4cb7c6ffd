package dev.mtl4j.runtime.data;

import static dev.mtl4j.runtime.data.ExampleData.row;
import static dev.mtl4j.runtime.data.ExampleData.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TargetKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

final class TargetEncoderTest {

    private static TaskSpec task(String name, String... labels) {
        return new TaskSpec(name, ComponentSpec.of("any"), 1, List.of(labels));
    }

    @Test
    void incomeClassesComeFromTheTrainingRows() {
        RawTable income = ExampleData.income();
        int[] all = Splitter.all(income);
        TargetEncoder incomeTarget = TargetEncoder.fit(task("INCOME"), TargetKind.CATEGORICAL, income, all);
        assertThat(incomeTarget.info().classes()).hasSize(9).startsWith("-10.000)", "[10.000-15.000)");
        assertThat(incomeTarget.info().naturalOutputs()).isEqualTo(9);
        TargetEncoder marital = TargetEncoder.fit(task("MARITAL.STATUS"), TargetKind.CATEGORICAL, income, all);
        assertThat(marital.info().classes())
                .containsExactly("Divorced", "Married", "Single", "Together", "Widowed");
        assertThat(marital.className(1)).isEqualTo("Married");

        TargetEncoder.Labels labels = marital.encode(income, all);
        assertThat(labels.labels().shape()).containsExactly(8993, 5);
        assertThat(labels.mask().shape()).containsExactly(8993, 1);
        int missing = (int) java.util.stream.IntStream.range(0, income.size()).filter(r -> income.isMissing(r, 2)).count();
        assertThat(missing).isPositive();
        assertThat(labels.mask().sumNumber().intValue()).isEqualTo(8993 - missing);
        assertThat(labels.labels().sumNumber().intValue()).isEqualTo(8993 - missing);
        assertThat(incomeTarget.encode(income, all).mask()).as("INCOME has no missing label").isNull();
    }

    @Test
    void numericClassesSortAsNumbersAndUnseenClassesAreErrors() {
        RawTable table = table(row("y"), row("10"), row("9"), row("2.5"), row("11"));
        TargetEncoder target = TargetEncoder.fit(task("y"), TargetKind.CATEGORICAL, table, new int[] {0, 1, 2});
        assertThat(target.info().classes()).containsExactly("2.5", "9", "10");
        assertThat(target.encode(table, new int[] {0}).labels().toFloatVector()).containsExactly(0f, 0f, 1f);
        assertThatThrownBy(() -> target.encode(table, new int[] {3}))
                .isInstanceOfSatisfying(MtlException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.DATA_INVALID))
                .hasMessage("t.csv: row 4 (line 5), column 'y': class '11' of task 'y' was not in the training rows"
                        + " (classes: 2.5, 9, 10)");
    }

    @Test
    void binaryReadsYesNoSpellingsOrTwoValues() {
        RawTable table = table(row("a", "b"), row("Yes", "ham"), row("no", "spam"), row(null, "ham"));
        TargetEncoder yesNo = TargetEncoder.fit(task("a"), TargetKind.BINARY, table, new int[] {0, 1, 2});
        TargetEncoder.Labels a = yesNo.encode(table, new int[] {0, 1, 2});
        assertThat(a.labels().toFloatMatrix()).isEqualTo(new float[][] {{1}, {0}, {0}});
        assertThat(a.mask().toFloatMatrix()).isEqualTo(new float[][] {{1}, {1}, {0}});
        assertThat(yesNo.info().classes()).containsExactly("no", "Yes");
        assertThat(yesNo.info().counts()).containsExactly(1L, 1L);
        assertThat(yesNo.className(1)).isEqualTo("Yes");

        TargetEncoder twoValues = TargetEncoder.fit(task("b"), TargetKind.BINARY, table, new int[] {0, 1, 2});
        assertThat(twoValues.className(1)).isEqualTo("spam");
        TargetEncoder.Labels b = twoValues.encode(table, new int[] {0, 1, 2});
        assertThat(b.labels().toFloatVector()).containsExactly(0f, 1f, 0f);
        assertThat(b.mask()).isNull();

        RawTable three = table(row("c"), row("x"), row("y"), row("z"));
        assertThatThrownBy(() -> TargetEncoder.fit(task("c"), TargetKind.BINARY, three, new int[] {0, 1, 2}))
                .hasMessage("t.csv: column 'c' (task 'c'): a binary task needs two values in the training rows,"
                        + " found 3: x, y, z");
    }

    @Test
    void multilabelMasksEachMissingElement() {
        RawTable table = table(row("p", "q"), row("1", "0"), row("0", null), row("true", "yes"));
        TargetEncoder target = TargetEncoder.fit(task("tags", "p", "q"), TargetKind.MULTILABEL, table,
                new int[] {0, 1, 2});
        assertThat(target.info().naturalOutputs()).isEqualTo(2);
        TargetEncoder.Labels labels = target.encode(table, new int[] {0, 1, 2});
        assertThat(labels.labels().toFloatMatrix()).isEqualTo(new float[][] {{1, 0}, {0, 0}, {1, 1}});
        assertThat(labels.mask().toFloatMatrix()).isEqualTo(new float[][] {{1, 1}, {1, 0}, {1, 1}});
    }

    @Test
    void numericLabelsAreStandardisedAndRestored() {
        RawTable table = table(row("u", "v"), row("1", "10"), row("3", null), row("5", "30"));
        TargetEncoder target = TargetEncoder.fit(task("uv", "u", "v"), TargetKind.NUMERIC, table,
                new int[] {0, 1, 2});
        TargetEncoder.Labels labels = target.encode(table, new int[] {0, 1, 2});
        assertThat(labels.mask().toFloatVector()).containsExactly(1f, 0f, 1f);
        float[][] values = labels.labels().toFloatMatrix();
        double std = Math.sqrt(8.0 / 3);
        assertThat(values[0][0]).isCloseTo((float) (-2 / std), within(1e-6f));
        assertThat(values[0][1]).isCloseTo(-1f, within(1e-6f));
        assertThat(values[1]).containsExactly(0f, 0f);
        INDArray restored = target.restore(Nd4j.createFromArray(new double[][] {{0, 1}, {-2 / std, -1}}));
        assertThat(restored.toDoubleMatrix()[0]).containsExactly(new double[] {3, 30}, within(1e-9));
        assertThat(restored.toDoubleMatrix()[1]).containsExactly(new double[] {1, 10}, within(1e-9));
    }

    @Test
    void aCategoricalTaskReadsOneColumn() {
        RawTable table = table(row("p", "q"), row("1", "0"));
        assertThatThrownBy(() -> TargetEncoder.fit(task("t", "p", "q"), TargetKind.CATEGORICAL, table, new int[] {0}))
                .isInstanceOfSatisfying(MtlException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG_INVALID));
    }

    @Test
    void aLabelColumnEmptyInEveryTrainingRowIsAnErrorNamingTaskAndColumn() {
        // a regression trained on no labels used to finish with exit 0 and mse=NaN
        RawTable table = table(row("x", "price", "tags"), row("1", null, null), row("2", null, "1"), row("3", "4.5", "0"));
        int[] train = {0, 1};
        assertThatThrownBy(() -> TargetEncoder.fit(task("price"), TargetKind.NUMERIC, table, train))
                .isInstanceOfSatisfying(MtlException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.DATA_INVALID))
                .hasMessage("t.csv: column 'price' (task 'price') has no values in the training rows");
        assertThatThrownBy(() -> TargetEncoder.fit(task("labels", "tags", "price"), TargetKind.MULTILABEL, table, train))
                .hasMessage("t.csv: column 'price' (task 'labels') has no values in the training rows");
        TargetEncoder price = TargetEncoder.fit(task("price"), TargetKind.NUMERIC, table, new int[] {0, 1, 2});
        assertThat(price.encode(table, new int[] {2}).labels().getFloat(0, 0)).isZero(); // one value: mean 4.5, std 1
    }
}
