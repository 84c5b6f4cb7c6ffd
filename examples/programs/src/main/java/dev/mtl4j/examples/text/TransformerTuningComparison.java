package dev.mtl4j.examples.text;

import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Fine-food sentiment on the first {@code trainRows} training and {@code testRows} test records of
 * the bundled file (4,000 and 1,000 in all): bag-of-words, the frozen transformer's sentence vector, and the transformer's top
 * two layers tuned with LoRA, with adapters and fully; test accuracy, trainable parameters and time
 * per contender and seed. Arguments: trainRows [480], testRows [120], maxLength [64], epochs [3],
 * seeds [42], and optionally the contenders to run (comma-separated parts of their names, e.g. {@code lora,full}).
 * Run from the repository root; one contender at a time, seed by seed. The runs share one runtime,
 * so the frozen lower layers' outputs are computed once for all the top-2 runs (see PrefixCaches).
 */
public final class TransformerTuningComparison {
    private static final int BATCH = 16;
    private TransformerTuningComparison() {
    }

    public static void main(String[] args) throws IOException {
        int trainRows = args.length > 0 ? Integer.parseInt(args[0]) : 480;
        int testRows = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        int maxLength = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<Long> seeds = args.length > 4 ? List.of(args[4].split(",")).stream().map(Long::parseLong).toList() : List.of(42L);
        List<String> only = args.length > 5 ? List.of(args[5].split(",")) : List.of();
        Path folder = Files.createTempDirectory("mtl4j-transformer-comparison");
        Path file = firstRows(Path.of("examples/data/fine_food_reviews.csv"), folder.resolve("reviews.csv"), trainRows, testRows);
        Map<String, Component> contenders = new LinkedHashMap<>();
        contenders.put("bag-of-words (tf-idf, dense 64)", Component.of("bag-of-words").param("weighting", "tf-idf")
                .param("maxVocabulary", 10000).param("minCount", 2).param("hidden", List.of(64)).param("dropout", 0.5));
        contenders.put("transformer full, top 2", transformer("full", maxLength).param("tunedLayers", 2));
        contenders.put("transformer lora r=8 a=16, top 2", transformer("lora", maxLength).param("tunedLayers", 2));
        contenders.put("transformer adapter 64, top 2", transformer("adapter", maxLength).param("tunedLayers", 2));
        contenders.put("transformer frozen", transformer("frozen", maxLength));
        Map<String, Double> rates = Map.of("transformer full, top 2", 3e-4, "transformer lora r=8 a=16, top 2", 3e-3,
                "transformer adapter 64, top 2", 3e-3);
        MtlRuntime runtime = MtlRuntime.create();
        System.out.printf("fine-food, first %d training and %d test records, maxLength %d, %d epochs, batch %d%n",
                trainRows, testRows, maxLength, epochs, BATCH);
        System.out.println("| contender | seed | learning rate | test accuracy | trainable parameters | seconds |");
        System.out.println("|---|---|---|---|---|---|");
        // seeds outside, so that a run cut short has whole rows of the table
        for (long seed : seeds) {
            for (Map.Entry<String, Component> contender : contenders.entrySet()) {
                if (!only.isEmpty() && only.stream().noneMatch(contender.getKey()::contains)) {
                    continue;
                }
                double lr = rates.getOrDefault(contender.getKey(), 1e-3);
                PipelineSpec spec = Mtl.pipeline("fine-food-comparison")
                        .data(Data.csv(file.toString()).text("review").drop("product").splitColumn("split"))
                        .encoder(contender.getValue()).task("score", Heads.binary())
                        .training(t -> t.epochs(epochs).batchSize(BATCH).adam(lr).seed(seed)).build();
                long start = System.nanoTime();
                TrainingResult result = runtime.train(spec, folder, TrainingListener.SILENT);
                System.out.printf("| %s | %d | %.0e | %.3f | %d | %.0f |%n", contender.getKey(), seed, lr,
                        result.metric("test", "score", "accuracy"), trainable(result.model().graph()),
                        (System.nanoTime() - start) / 1e9);
                System.out.flush();
            }
        }
    }

    /** Every transformer contender has the same head as the frozen one: a dense layer of 64 on the sentence vector. */
    private static Component transformer(String tuning, int maxLength) {
        // room for the frozen layers' output of every record of the full split (5,000 × 64 pieces ≈ 0.5 GB)
        return Component.of("transformer").param("tuning", tuning).param("maxLength", maxLength).param("hidden", List.of(64))
                .param("cacheMegabytes", 1024);
    }

    /** Parameters whose updater is not NoOp. */
    static long trainable(ComputationGraph graph) {
        long count = 0;
        for (Layer layer : graph.getLayers()) {
            for (Map.Entry<String, org.nd4j.linalg.api.ndarray.INDArray> param : layer.paramTable().entrySet()) {
                if (!(layer.conf().getLayer().getUpdaterByParam(param.getKey()) instanceof NoOp)) {
                    count += param.getValue().length();
                }
            }
        }
        return count;
    }

    /**
     * The header, the first {@code trainRows} training records and the first {@code testRows} test
     * records (the file's test rows come last; quoted cells may hold line breaks).
     */
    static Path firstRows(Path source, Path target, int trainRows, int testRows) throws IOException {
        String text = Files.readString(source, StandardCharsets.UTF_8);
        StringBuilder kept = new StringBuilder();
        int[] wanted = {trainRows, testRows};
        boolean quoted = false;
        int start = 0;
        boolean header = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                String record = text.substring(start, i + 1);
                start = i + 1;
                int split = record.stripTrailing().endsWith("\"train\"") ? 0 : 1;
                if (header || wanted[split]-- > 0) {
                    kept.append(record);
                }
                header = false;
            }
        }
        Files.writeString(target, kept, StandardCharsets.UTF_8);
        return target;
    }
}
