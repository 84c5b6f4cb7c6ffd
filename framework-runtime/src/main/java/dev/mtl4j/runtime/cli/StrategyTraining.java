package dev.mtl4j.runtime.cli;

import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.config.PipelineLocator;
import dev.mtl4j.runtime.io.OutputFolder;
import dev.mtl4j.runtime.io.Publication;
import dev.mtl4j.runtime.meta.MetaResult;
import dev.mtl4j.runtime.transfer.TransferResult;
import java.nio.file.Path;

/**
 * {@code mtl train} of a pipeline with a strategy: domain adaptation (with its source-only baseline
 * when asked) or meta-learning (with the pretrained and from-scratch baselines when asked).
 */
final class StrategyTraining {
    private final MtlRuntime runtime;
    private final Console console;
    private final ProgressReporter progress;

    StrategyTraining(MtlRuntime runtime, Console console, ProgressReporter progress) {
        this.runtime = runtime;
        this.console = console;
        this.progress = progress;
    }

    int run(PipelineSpec spec, Path pipeline, OutputFolder folder, boolean baseline) {
        console.line("training '" + spec.name() + "' with strategy " + spec.strategy().type()
                + (baseline ? ", and its baseline" : ""));
        Path base = pipeline.toAbsolutePath().getParent();
        try {
            if (runtime.strategy(spec).metaLearner() != null) {
                metaTrain(runtime.metaTrain(spec, base, progress, baseline), folder);
            } else {
                adapt(runtime.train(spec, base, progress, baseline), folder);
            }
        } catch (MtlException e) {
            // A problem named by its key (strategy.support, data.target.source) points at its line of the file.
            throw PipelineLocator.of(pipeline).place(e);
        }
        console.line("model:   " + folder.directory().resolve("model.zip"));
        console.line("metrics: " + folder.directory().resolve("metrics.json"));
        return 0;
    }

    private void metaTrain(MetaResult result, OutputFolder folder) {
        try (Publication results = folder.publish()) {
            runtime.save(result.metaLearned().model(), results.file("model.zip"));
            MetricsJson.write(result.metaLearned().byTask(), results.file("metrics.json"));
            if (result.pretrained() != null) {
                runtime.save(result.pretrained().model(), results.file("pretrained-model.zip"));
                MetricsJson.write(result.pretrained().byTask(), results.file("pretrained-metrics.json"));
                MetricsJson.write(result.scratch().byTask(), results.file("scratch-metrics.json"));
            }
            results.commit();
        }
        console.result(MetricsTable.render("split", result.metaLearned().metrics()));
        if (result.pretrained() != null) {
            console.result(MetaComparison.render(result));
        }
    }

    private void adapt(TransferResult result, OutputFolder folder) {
        try (Publication results = folder.publish()) {
            runtime.save(result.transferred().model(), results.file("model.zip"));
            MetricsJson.write(result.transferred().byTask(), results.file("metrics.json"));
            if (result.baseline() != null) {
                MetricsJson.write(result.baseline().byTask(), results.file("baseline-metrics.json"));
            }
            results.commit();
        }
        console.result(MetricsTable.render("split", result.transferred().metrics()));
        if (result.baseline() != null) {
            console.result(BaselineComparison.render(result));
        }
    }
}
