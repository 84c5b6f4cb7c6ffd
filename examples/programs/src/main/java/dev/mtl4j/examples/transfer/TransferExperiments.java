package dev.mtl4j.examples.transfer;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.ComponentSource;
import dev.mtl4j.api.dsl.Transfers;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TransferPipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.TrainingListener;
import dev.mtl4j.runtime.transfer.TransferResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The transfer tables: pretrain once, then carry the encoder over to a new task with k labelled
 * rows, by fine-tuning, by feature extraction, and from scratch with the same budget, over seeds;
 * one fixed test split. Run from the repository root:
 * {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes" dev.mtl4j.examples.transfer.TransferExperiments income|digits}.
 */
public final class TransferExperiments {
    private static final List<Long> SEEDS = List.of(1L, 2L, 3L);

    private TransferExperiments() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "income";
        MtlRuntime runtime = MtlRuntime.create();
        Path pipelines = Path.of("examples/pipelines").toAbsolutePath();
        Path work = Files.createTempDirectory("mtl4j-transfer");
        if (which.equals("income")) {
            Path model = pretrain(runtime, runtime.loadPipeline(pipelines.resolve("income-pretrain.yaml")), pipelines, work);
            table(runtime, pipelines, model, List.of(100, 300, 1000), k -> Mtl.transfer("income-k" + k, model.toString())
                    .data(Data.csv("../data/income_marketing.csv").split(0.2, 7).limit(k))
                    .task("INCOME", Heads.classification(9)), "INCOME");
        } else {
            Path model = pretrain(runtime, runtime.loadPipeline(pipelines.resolve("digits-0to4.yaml")), pipelines, work);
            table(runtime, pipelines, model, List.of(5, 10, 20), k -> Mtl.transfer("digits-k" + k, model.toString())
                    .data(Data.csv("../data/digits_5to9.csv").split(0.5, 7).limit(5 * k))
                    .task("digit", Heads.classification(5)), "digit");
        }
    }

    private static Path pretrain(MtlRuntime runtime, PipelineSpec spec, Path pipelines, Path work) {
        TrainingResult result = runtime.train(spec, pipelines, TrainingListener.SILENT);
        System.out.println("pretrained " + spec.name() + ": test " + result.metrics().get("test"));
        Path model = work.resolve(spec.name() + ".zip");
        runtime.save(result.model(), model);
        return model;
    }

    interface Builder {
        dev.mtl4j.api.dsl.TransferBuilder at(int k);
    }

    private static void table(MtlRuntime runtime, Path pipelines, Path model, List<Integer> ks, Builder builder, String task) {
        Map<String, ComponentSource> strategies = new LinkedHashMap<>();
        strategies.put("fine-tune", Transfers.fineTune());
        strategies.put("feature-extraction", Transfers.featureExtraction());
        strategies.put("gradual-unfreezing", Transfers.gradualUnfreezing().every(5));
        System.out.println("k | strategy | test accuracy per seed | mean | mean gain over scratch (points)");
        for (int k : ks) {
            Map<String, List<Double>> accuracy = new LinkedHashMap<>();
            for (long seed : SEEDS) {
                for (Map.Entry<String, ComponentSource> strategy : strategies.entrySet()) {
                    boolean baseline = strategy.getKey().equals("fine-tune");
                    TransferPipelineSpec spec = builder.at(k).strategy(strategy.getValue())
                            .training(t -> t.epochs(40).batchSize(32).adam(1e-3).seed(seed)).build();
                    TransferResult result = runtime.transfer(spec, pipelines, TrainingListener.SILENT, baseline);
                    accuracy.computeIfAbsent(strategy.getKey(), s -> new ArrayList<>())
                            .add(result.transferred().metric("test", task, "accuracy"));
                    if (baseline) {
                        accuracy.computeIfAbsent("from scratch", s -> new ArrayList<>())
                                .add(result.baseline().metric("test", task, "accuracy"));
                    }
                }
            }
            double scratch = mean(accuracy.get("from scratch"));
            accuracy.forEach((strategy, values) -> System.out.printf(Locale.ROOT, "%d | %s | %s | %.4f | %+.1f%n", k, strategy,
                    values.stream().map(v -> String.format(Locale.ROOT, "%.4f", v)).toList(), mean(values),
                    100 * (mean(values) - scratch)));
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
