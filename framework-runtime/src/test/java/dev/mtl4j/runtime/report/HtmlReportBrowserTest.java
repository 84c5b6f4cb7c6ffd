package dev.mtl4j.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.api.spec.DataSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spec.UnseenCategory;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.Repository;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.affinity.TaskAffinity;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of two example pipelines, opened in a real headless Chromium: no console error, no
 * uncaught exception, every chart drawn, and a chart exports as PNG. Skipped, saying so, where
 * Chromium is not installed (Debian: {@code apt-get install chromium}; CI installs it, see .ci/run).
 */
final class HtmlReportBrowserTest {
    @TempDir
    Path dir;

    @Test
    void digitsReportOpensCleanlyWithEighteenChartsAffinityIncluded() throws Exception {
        Path browser = browser();
        Path report = report("examples/pipelines/digits.yaml", "digits", 0, true);
        // per task a loss curve and one per metric (3 each), confusion matrices for digit and parity,
        // predicted vs true for ink, task weights and learning rates, the task-affinity heatmap: 12 + 2 + 1 + 2 + 1
        opensCleanly(browser, report, 18);
    }

    @Test
    void incomeMmoeReportOpensCleanlyWithItsGateHeatmap() throws Exception {
        Path browser = browser();
        Path report = report("examples/pipelines/income-mmoe.yaml", "income-mmoe", 1500, false);
        // two classification tasks: a loss curve, three metric curves and a confusion matrix each,
        // task weights, learning rates and the gates' heatmap: 10 + 2 + 1
        opensCleanly(browser, report, 13);
    }

    /** The browser; the test is skipped without one, unless MTL_REQUIRE_CHROMIUM=1 (CI) makes that a failure. */
    private static Path browser() {
        var found = HeadlessChromium.find();
        String missing = "Chromium is not installed (Debian: apt-get install chromium); the HTML report was not opened in a browser";
        if (found.isEmpty() && "1".equals(System.getenv("MTL_REQUIRE_CHROMIUM"))) {
            throw new AssertionError(missing + ", and MTL_REQUIRE_CHROMIUM=1 requires it");
        }
        Assumptions.assumeTrue(found.isPresent(), missing);
        return found.get();
    }

    private void opensCleanly(Path browser, Path report, int charts) throws Exception {
        try (HeadlessChromium chromium = new HeadlessChromium(browser, dir.resolve("profile"))) {
            chromium.open(report);
            JsonNode page = chromium.evaluate("new Promise(done => setTimeout(() => {"
                    + " const boxes = [...document.querySelectorAll('div.chart')];"
                    + " const drawn = boxes.filter(b => echarts.getInstanceByDom(b) && b.querySelector('canvas'));"
                    + " const png = echarts.getInstanceByDom(boxes[0]).getDataURL({type: 'png', pixelRatio: 3});"
                    + " done({charts: boxes.length, drawn: drawn.length, png: png.slice(0, 22), counted: window.MTL_CHARTS});"
                    + "}, 200))");
            assertThat(chromium.errors()).as("console errors and exceptions").isEmpty();
            assertThat(page.get("charts").asInt()).isEqualTo(charts);
            assertThat(page.get("drawn").asInt()).isEqualTo(charts);
            assertThat(page.get("counted").asInt()).isEqualTo(charts);
            assertThat(page.get("png").asText()).isEqualTo("data:image/png;base64,");
        }
    }

    /**
     * Trains an example pipeline briefly (2 epochs; at most {@code limit} training rows, rare categories
     * then unseen), measuring its task affinity if asked ({@code mtl affinity}), and writes its report.
     */
    private Path report(String pipeline, String name, int limit, boolean affinity) {
        MtlRuntime runtime = MtlRuntime.create();
        Path file = Repository.file(pipeline);
        PipelineSpec spec = runtime.loadPipeline(file);
        TrainingSpec t = spec.training();
        DataSpec d = spec.data();
        PipelineSpec quick = new PipelineSpec(spec.name(), limit == 0 ? d
                : new DataSpec(d.source(), d.features(), d.drop(), d.split().withLimit(limit), UnseenCategory.OTHER),
                spec.encoder(), spec.sharing(), spec.tasks(),
                new TrainingSpec(2, t.batchSize(), t.optimizer(), t.seed(), t.shuffle(), t.earlyStopping(), t.sampler(), t.init()));
        PreparedPipeline prepared = runtime.prepare(quick, file.getParent());
        TaskAffinity.Result measured = affinity ? new TaskAffinity(runtime).run(prepared, TrainingListener.SILENT, 5, Double.NaN) : null;
        TrainingResult result = measured != null ? measured.training() : runtime.train(prepared, TrainingListener.SILENT);
        RunFiles files = new RunFiles();
        ObjectNode history = files.history(result);
        Path run = dir.resolve(name);
        try {
            Files.createDirectories(run);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ReportInputs inputs = files.write(runtime, prepared, result, history, run::resolve, run.toString());
        if (measured != null) {
            inputs = inputs.withAffinity(AffinityJson.of(files.json(), measured.study()));
        }
        Path report = run.resolve(RunFolder.REPORT);
        new HtmlReport().write(inputs, report);
        return report;
    }
}
