package dev.mtl4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.runtime.data.Splitter;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training, evaluation and prediction read and encode rows the same way: the test rows written to a
 * file of their own and evaluated give exactly the test metrics training measured.
 */
final class OneDataPathTest {
    private static MtlRuntime runtime;
    private static PipelineSpec spec;
    private static TrainingResult trained;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        runtime = MtlRuntime.create();
        spec = Pipelines.digits(2, 32)
                .task("digit", Heads.classification(10))
                .task("parity", Heads.binary())
                .task("ink", Heads.regression())
                .build();
        trained = runtime.train(spec, Path.of("").toAbsolutePath(), TrainingListener.SILENT);
    }

    @Test
    void evaluatingTheTestRowsAloneGivesTheTestMetricsOfTraining() throws IOException {
        Path digits = Path.of(Pipelines.digitsFile());
        List<String> lines = Files.readAllLines(digits);
        RawTable table = runtime.resolver().dataset(spec.data().source(), "data.source",
                new DataContext(Path.of("").toAbsolutePath())).read();
        int[] test = Splitter.split(spec.data().split(), table).test();
        List<String> testLines = new ArrayList<>(List.of(lines.get(0)));
        Arrays.stream(test).forEach(row -> testLines.add(lines.get(table.line(row) - 1)));
        Path file = Files.write(dir.resolve("test-rows.csv"), testLines);

        assertThat(runtime.evaluate(trained.model(), file)).isEqualTo(trained.metrics().get("test"));
        assertThat(runtime.predict(trained.model(), file).size()).isEqualTo(test.length);
    }

    @Test
    void aFileWithAHeaderAndNoRowsIsAnErrorForEvaluationPredictionAndGates() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), Files.readAllLines(Path.of(Pipelines.digitsFile())).get(0) + "\n");
        assertThatThrownBy(() -> runtime.evaluate(trained.model(), empty))
                .isInstanceOfSatisfying(MtlException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.DATA_INVALID))
                .hasMessage(empty + ": has a header and no rows; there is nothing to evaluate");
        assertThatThrownBy(() -> runtime.predict(trained.model(), empty))
                .hasMessage(empty + ": has a header and no rows; there is nothing to predict");
    }

    @Test
    void aLabelColumnMissingFromAFileToEvaluateIsNamedWithItsTask() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(Pipelines.digitsFile()));
        List<String> header = List.of(lines.get(0).split(","));
        int ink = header.indexOf("ink");
        List<String> without = new ArrayList<>();
        for (String line : lines.subList(0, 50)) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(ink);
            without.add(String.join(",", cells));
        }
        Path file = Files.write(dir.resolve("no-ink.csv"), without);
        assertThatThrownBy(() -> runtime.evaluate(trained.model(), file))
                .isInstanceOfSatisfying(MtlException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.DATA_INVALID))
                .hasMessageContaining("task 'ink' reads labels from column 'ink', which " + file + " does not have");
        assertThat(runtime.predict(trained.model(), file).size()).as("prediction needs no labels").isEqualTo(49);
    }
}
