package dev.mtl4j.runtime.data;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TargetKind;
import dev.mtl4j.plugins.datasets.CsvConfig;
import dev.mtl4j.plugins.datasets.CsvDatasetFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The project's example data ({@code examples/data}, found by walking up from the working directory) and small tables. */
final class ExampleData {

    private ExampleData() {
    }

    static Path dir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples/data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no examples/data above " + Path.of("").toAbsolutePath());
    }

    static RawTable read(String file) {
        return new CsvDatasetFactory().create(CsvConfig.of(file), new DataContext(dir())).read();
    }

    static RawTable income() {
        return read("income_marketing.csv");
    }

    static RawTable digitsTasks() {
        return read("digits_tasks.csv");
    }

    /** INCOME and MARITAL.STATUS from every other column (DUAL.INCOMES dropped: it leaks marital status). */
    static PipelineSpec incomeSpec(Data data) {
        return Mtl.pipeline("income")
                .data(data)
                .encoder(Encoders.mlp().hidden(32))
                .task("INCOME", Heads.classification())
                .task("MARITAL.STATUS", Heads.classification())
                .build();
    }

    static PipelineSpec incomeSpec() {
        return incomeSpec(Data.csv("income_marketing.csv").categorical("*").drop("DUAL.INCOMES"));
    }

    static Map<String, TargetRequest> incomeKinds() {
        return TargetRequest.defaults(Map.of("INCOME", TargetKind.CATEGORICAL, "MARITAL.STATUS", TargetKind.CATEGORICAL));
    }

    /** A table from rows of cells; the first row is the header, lines are row + 1. */
    static RawTable table(String[]... rows) {
        List<String[]> body = Arrays.asList(rows).subList(1, rows.length);
        int[] lines = new int[body.size()];
        Arrays.setAll(lines, i -> i + 2);
        return RawTable.of("t.csv", Arrays.asList(rows[0]), body, lines);
    }

    static String[] row(String... cells) {
        return cells;
    }
}
