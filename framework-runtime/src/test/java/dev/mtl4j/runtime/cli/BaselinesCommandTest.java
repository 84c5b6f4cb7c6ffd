package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtl4j.runtime.Pipelines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mtl train --baselines: each task alone with the same seeds, a table with intervals and a verdict per task, baselines.json. */
final class BaselinesCommandTest {
    @TempDir
    Path dir;

    @Test
    void baselinesCompareEveryTaskWithItselfAlone() throws IOException {
        Path file = dir.resolve("digits.yaml");
        Files.writeString(file, String.join("\n",
                "pipeline: digits-baselines",
                "data:",
                "  source: { type: csv, path: " + Pipelines.digitsFile() + " }",
                "  features: { \"px*\": numeric }",
                "  split: { test: 0.2, seed: 7 }",
                "encoder: { type: mlp, hidden: [32] }",
                "tasks:",
                "  digit: { head: { type: classification, classes: 10 }, weight: 0.5 }",
                "  ink: { head: { type: regression }, weight: 0.5 }",
                "training: { epochs: 2, seed: 3 }",
                ""));
        Path out = dir.resolve("run");

        CliRun run = CliRun.of("train", file.toString(), "--out", out.toString(), "--baselines", "--seeds", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("baselines: training 1/5: digit alone, seed 3", "baselines: training 3/5: multi-task, seed 4",
                "baselines: training 5/5: ink alone, seed 4");
        assertThat(run.out()).contains("multi-task vs each task alone, test rows, seeds [3, 4]")
                .containsPattern("digit +accuracy +0\\.\\d{4} +0\\.\\d{4} +[+-]0\\.\\d{4} +[+-]0\\.\\d{4} \\.\\. [+-]0\\.\\d{4}")
                .containsPattern("\\ndigit: (multi-task learning helped|multi-task learning hurt|no clear difference)")
                .containsPattern("\\nink: (multi-task learning helped|multi-task learning hurt|no clear difference)")
                .containsPattern("Δm = [+-]\\d+\\.\\d\\d % over every metric");
        JsonNode study = new ObjectMapper().readTree(out.resolve("baselines.json").toFile());
        assertThat(study.get("seeds")).hasSize(2);
        assertThat(study.get("tasks")).hasSize(2);
        JsonNode digit = study.get("tasks").get(0).get("metrics").get(0);
        assertThat(digit.get("low").asDouble()).isLessThanOrEqualTo(digit.get("difference").asDouble());
        assertThat(digit.get("high").asDouble()).isGreaterThanOrEqualTo(digit.get("difference").asDouble());
        assertThat(Files.readString(out.resolve("report.html")).contains("\"baselines\":{")).isTrue();
    }
}
