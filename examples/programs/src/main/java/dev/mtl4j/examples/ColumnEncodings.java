package dev.mtl4j.examples;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.config.PipelineOverride;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the columns' encoding (numeric transforms, numeric embeddings, learned category embeddings)
 * changes test quality on the bundled income, wine and Linnerud pipelines: each variant is the
 * pipeline file with {@code data.features} replaced (as {@code --set} would), trained with seeds
 * 42/43/44 on the file's own split, network and epochs; the table gives each task's test metric
 * (accuracy, or R² for regression) per seed and the mean. Run from the repository root:
 * {@code java -Xmx4g -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.ColumnEncodings income|wine|linnerud [--epochs N] [seeds...]}.
 */
public final class ColumnEncodings {
    private static final String INCOME_ORDINALS = "AGE: { type: ordinal, levels: [14-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65+]"
            + "%1$s }, UNDER18: { type: ordinal, levels: [None, One, Two, Three, Four, Five, Six, Seven, Eight, Nine or more]%1$s }";

    private ColumnEncodings() {
    }

    static Map<String, String> variants(String set) {
        Map<String, String> variants = new LinkedHashMap<>();
        if (set.equals("income")) {
            variants.put("one-hot (income.yaml)", "{ \"*\": categorical }");
            variants.put("AGE, UNDER18 ordinal", "{ \"*\": categorical, " + String.format(INCOME_ORDINALS, "") + " }");
            variants.put("AGE, UNDER18 ordinal + plr", "{ \"*\": categorical, "
                    + String.format(INCOME_ORDINALS, ", embedding: plr") + " }");
            variants.put("embedAbove: 5 (size 8)", "{ \"*\": { type: categorical, embedAbove: 5, embeddingSize: 8 } }");
            return variants;
        }
        variants.put("standard (the file)", "{ \"*\": numeric }");
        for (String transform : List.of("log", "quantile", "robust")) {
            variants.put("transform: " + transform, "{ \"*\": { type: numeric, transform: " + transform + " } }");
        }
        variants.put("embedding: linear", "{ \"*\": { type: numeric, embedding: linear } }");
        variants.put("embedding: plr", "{ \"*\": { type: numeric, embedding: plr } }");
        variants.put("quantile + plr", "{ \"*\": { type: numeric, transform: quantile, embedding: plr } }");
        return variants;
    }

    public static void main(String[] args) {
        String set = args[0];
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        String epochs = null;
        if (!rest.isEmpty() && rest.get(0).equals("--epochs")) {
            epochs = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        List<Long> seeds = rest.isEmpty() ? List.of(42L, 43L, 44L) : rest.stream().map(Long::valueOf).toList();
        Path file = Path.of("examples/pipelines/" + set + ".yaml").toAbsolutePath();
        MtlRuntime runtime = MtlRuntime.create();
        StringBuilder table = new StringBuilder();
        for (Map.Entry<String, String> variant : variants(set).entrySet()) {
            Map<String, List<Double>> scores = new LinkedHashMap<>();
            for (long seed : seeds) {
                List<PipelineOverride> overrides = new ArrayList<>(List.of(new PipelineOverride("data.features", variant.getValue()),
                        new PipelineOverride("training.seed", String.valueOf(seed))));
                if (epochs != null) {
                    overrides.add(new PipelineOverride("training.epochs", epochs));
                }
                PipelineSpec spec = runtime.loadPipeline(file, overrides);
                long start = System.nanoTime();
                TrainingResult result = runtime.train(spec, file.getParent(), TrainingListener.SILENT);
                for (TaskSpec task : spec.tasks()) {
                    String metric = task.head().type().equals("regression") ? "r2" : "accuracy";
                    scores.computeIfAbsent(task.name() + " " + metric, k -> new ArrayList<>())
                            .add(result.metric("test", task.name(), metric));
                }
                System.err.printf(Locale.ROOT, "%s seed %d: %s (%.0f s)%n", variant.getKey(), seed, scores,
                        (System.nanoTime() - start) / 1e9);
            }
            for (Map.Entry<String, List<Double>> score : scores.entrySet()) {
                List<Double> values = score.getValue();
                table.append(String.format(Locale.ROOT, "| %s | %s | %s | **%.3f** |%n", variant.getKey(), score.getKey(),
                        String.join(" / ", values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList()),
                        values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
            }
        }
        System.out.println("| " + set + " features | task, test metric | seeds " + seeds + " | mean |");
        System.out.println("|---|---|---|---|");
        System.out.print(table);
    }
}
