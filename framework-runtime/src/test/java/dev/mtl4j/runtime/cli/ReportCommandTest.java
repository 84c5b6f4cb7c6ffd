package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.model.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mtl train leaves the per-epoch history (JSON, CSV, in the model file) and a report; mtl report writes it again. */
final class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainWritesTheHistoryEverywhereAndReportRewritesThePage() throws IOException {
        Path file = dir.resolve("digits.yaml");
        Files.writeString(file, String.join("\n",
                "pipeline: digits-history",
                "data:",
                "  source: { type: csv, path: " + Pipelines.digitsFile() + " }",
                "  features: { \"px*\": numeric }",
                "  split: { test: 0.2, validation: 0.1, seed: 7 }",
                "encoder: { type: mlp, hidden: [32] }",
                "tasks:",
                "  digit: { head: { type: classification, classes: 10 }, weight: 0.8 }",
                "  ink: { head: { type: regression }, weight: 0.2 }",
                "training: { epochs: 3, seed: 3 }",
                ""));
        Path out = dir.resolve("run");
        CliRun train = CliRun.of("train", file.toString(), "--out", out.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();

        JsonNode history = new ObjectMapper().readTree(out.resolve("history.json").toFile());
        assertThat(history.get("epochs")).hasSize(3);
        JsonNode last = history.get("epochs").get(2);
        assertThat(last.get("learningRates").get("all layers").asDouble()).isEqualTo(1e-3);
        JsonNode digit = last.get("tasks").get("digit");
        assertThat(digit.get("weight").asDouble()).isEqualTo(0.8, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(digit.get("train").get("loss").asDouble()).isPositive();
        assertThat(digit.get("train").get("accuracy").asDouble()).isGreaterThan(0.5);
        assertThat(digit.get("validation").get("loss").asDouble()).isPositive();
        assertThat(last.get("tasks").get("ink").get("validation").get("r2").isNumber()).isTrue();

        List<String> csv = Files.readAllLines(out.resolve("history.csv"));
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).startsWith("epoch,seconds,train_loss,validation_loss,learning_rate[all layers],weight[digit],"
                + "train_loss[digit],train_accuracy[digit]").contains("validation_r2[ink]");

        String inModel = new ModelFile(MtlRuntime.create().registry()).history(out.resolve("model.zip")).orElseThrow();
        assertThat(new ObjectMapper().readTree(inModel)).isEqualTo(history);

        JsonNode evaluation = new ObjectMapper().readTree(out.resolve("evaluation.json").toFile());
        assertThat(evaluation.get("split").asText()).isEqualTo("test");
        assertThat(evaluation.get("tasks").get("digit").get("confusion")).hasSize(10);
        assertThat(evaluation.get("tasks").get("ink").get("scatter").get(0).get("actual").size()).isPositive();
        assertThat(out.resolve("report.html")).isRegularFile();

        // a task's per-epoch series in metrics.json (the task weighting writes them) is not a split
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) metrics.get("digit")).putObject("epochs").putArray("loss").add(1.5);
        Files.writeString(out.resolve("metrics.json"), metrics.toString());
        Path page = dir.resolve("again.html");
        CliRun report = CliRun.of("report", out.toString(), "--out", page.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out().strip()).isEqualTo(page.toString());
        String html = Files.readString(page);
        assertThat(html.contains("window.MTL_REPORT = {") && html.contains("\"pipeline\":\"digits-history\"")).as("the page's data").isTrue();
        assertThat(html).as("metrics.json's per-epoch series are not read as a split").doesNotContain("\"epochs\":{\"loss\"");

        CliRun notARun = CliRun.of("report", dir.toString());
        assertThat(notARun.exitCode()).isEqualTo(7);
        assertThat(notARun.err()).contains("not a run folder of mtl train or mtl transfer (no metrics.json)");
    }
}
