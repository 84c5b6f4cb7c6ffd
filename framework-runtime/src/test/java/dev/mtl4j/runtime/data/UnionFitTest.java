package dev.mtl4j.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.DataSpec;
import dev.mtl4j.api.spec.FeatureSpec;
import dev.mtl4j.api.spec.FeatureType;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.UnseenCategory;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TargetKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One feature encoding fitted on the union of the tasks' training rows; each task's labels on its own file. */
final class UnionFitTest {
    private static final TaskSpec TOPIC = new TaskSpec("topic", ComponentSpec.of("classification"));
    private static final TaskSpec SPAM = new TaskSpec("spam", ComponentSpec.of("classification"));
    private static final Map<String, TargetRequest> KINDS =
            TargetRequest.defaults(Map.of("topic", TargetKind.CATEGORICAL, "spam", TargetKind.CATEGORICAL));

    private static DataSpec features(FeatureSpec... declared) {
        return new DataSpec(null, List.of(declared), List.of(), SplitSpec.defaults(), UnseenCategory.ERROR);
    }

    private static TaskDataSet set(TaskSpec task, RawTable table, int[] train) {
        return new TaskDataSet("tasks." + task.name() + ".data", List.of(task), table, new Splits(train, new int[0], new int[0]),
                List.of(), null, List.of());
    }

    private static RawTable table(String origin, List<String> columns, String[]... rows) {
        int[] lines = new int[rows.length];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 2;
        }
        return RawTable.of(origin, columns, List.of(rows), lines);
    }

    private final RawTable topics = table("topics.csv", List.of("x", "c", "topic"),
            new String[] {"1", "a", "p"}, new String[] {"2", "b", "q"}, new String[] {"3", "b", "p"},
            new String[] {"100", "z", "p"}); // the last row is a test row: not fitted
    private final RawTable spam = table("spam.csv", List.of("id", "spam", "c", "x"),
            new String[] {"7", "yes", "b", "10"}, new String[] {"8", "no", "d", "20"});

    @Test
    void standardisationAndVocabularyComeFromEveryTasksTrainingRows() {
        Preprocessor fitted = UnionFit.fit(features(FeatureSpec.of("x", FeatureType.NUMERIC), FeatureSpec.of("c", FeatureType.CATEGORICAL)),
                List.of(set(TOPIC, topics, new int[] {0, 1, 2}), set(SPAM, spam, new int[] {0, 1})), List.of(TOPIC, SPAM), KINDS);

        Map<String, Object> x = fitted.features().toState().get(0);
        assertThat((double) x.get("mean")).isEqualTo((1 + 2 + 3 + 10 + 20) / 5.0);
        assertThat(fitted.features().inputNames()).containsExactly("x", "c=a", "c=b", "c=d");
        assertThat(fitted.target("topic").info().classes()).containsExactly("p", "q");
        assertThat(fitted.target("spam").info().classes()).containsExactly("no", "yes");

        // each file's rows carry their own task's labels; the other task's are masked
        EncodedData spamRows = fitted.encode(spam, new int[] {0, 1}, java.util.Set.of("spam"));
        assertThat(spamRows.masks().get(0).sumNumber().intValue()).isZero();
        assertThat(spamRows.masks().get(1).sumNumber().intValue()).isEqualTo(2);
        assertThat(spamRows.features().getFloat(0, 0)).isEqualTo((float) ((10 - 7.2) / (double) x.get("std")));
    }

    @Test
    void aTaskFileWithoutADeclaredFeatureColumnIsNamedWithTheColumn() {
        RawTable noC = table("spam.csv", List.of("spam", "x"), new String[] {"yes", "10"});
        MtlException e = catchThrowableOfType(MtlException.class, () -> UnionFit.fit(
                features(FeatureSpec.of("x", FeatureType.NUMERIC), FeatureSpec.of("c", FeatureType.CATEGORICAL)),
                List.of(set(TOPIC, topics, new int[] {0}), set(SPAM, noC, new int[] {0})), List.of(TOPIC, SPAM), KINDS));
        assertThat(e.category()).isEqualTo(ErrorCategory.DATA_INVALID);
        assertThat(e.getMessage()).isEqualTo("data.features.c: spam.csv has no column 'c' (columns: spam, x); did you mean 'x'?");
    }

    @Test
    void aGlobMustMatchTheSameColumnsInEveryTasksFile() {
        RawTable fewer = table("spam.csv", List.of("spam", "px0"), new String[] {"yes", "1"});
        RawTable more = table("topics.csv", List.of("px0", "px1", "topic"), new String[] {"1", "2", "p"});
        MtlException e = catchThrowableOfType(MtlException.class, () -> UnionFit.fit(
                features(FeatureSpec.of("px*", FeatureType.NUMERIC)),
                List.of(set(TOPIC, more, new int[] {0}), set(SPAM, fewer, new int[] {0})), List.of(TOPIC, SPAM), KINDS));
        assertThat(e.category()).isEqualTo(ErrorCategory.DATA_INVALID);
        assertThat(e.getMessage()).startsWith("tasks.spam.data.source: spam.csv has no feature column 'px1'; every task's file must"
                + " have the pipeline's feature columns, and topics.csv has it");
    }

    @Test
    void aBadCellIsReportedWithItsOwnFileAndLine() {
        RawTable bad = table("spam.csv", List.of("spam", "x", "c"), new String[] {"yes", "ten", "a"});
        MtlException e = catchThrowableOfType(MtlException.class, () -> UnionFit.fit(
                features(FeatureSpec.of("x", FeatureType.NUMERIC), FeatureSpec.of("c", FeatureType.CATEGORICAL)),
                List.of(set(TOPIC, topics, new int[] {0}), set(SPAM, bad, new int[] {0})), List.of(TOPIC, SPAM), KINDS));
        assertThat(e.getMessage()).isEqualTo("spam.csv: row 1 (line 2), column 'x': not a number: 'ten'");
    }
}
