package dev.mtl4j.examples.bench;

import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.FittedText;
import dev.mtl4j.api.spi.TextEncoder;
import dev.mtl4j.api.spi.TextProgress;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.plugin.ComponentResolver;
import dev.mtl4j.runtime.plugin.Family;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Texts per second through the {@code minilm} encoder (all-MiniLM-L6-v2, quantised, ONNX Runtime on
 * the CPU), with the embedding cache cold (every text reaches the language model; the model's load
 * is timed apart), warm from disk (a new encoder, as a second run would be: the cache file is read
 * and the model never loaded) and warm in memory (the same encoder asked again).
 *
 * <p>Run from the repository root: {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.bench.EmbeddingBenchmark [texts=1000] [file=examples/data/fine_food_reviews.csv] [column=review]}.
 */
public final class EmbeddingBenchmark {
    private EmbeddingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path file = Path.of(args.length > 1 ? args[1] : "examples/data/fine_food_reviews.csv");
        String column = args.length > 2 ? args[2] : "review";
        ComponentResolver resolver = MtlRuntime.create().resolver();
        List<String> texts = column(resolver, file, column, count);
        double characters = texts.stream().mapToInt(String::length).average().orElse(0);
        Path cache = Files.createTempDirectory("mtl4j-embedding-bench");
        var spec = Component.of("minilm").param("cache", cache.toString()).toSpec();

        long start = System.nanoTime();
        TextEncoder first = (TextEncoder) resolver.create(Family.ENCODER, spec, "encoder");
        FittedText cold = first.fit(texts, TextProgress.NONE);
        float[] out = new float[texts.size() * cold.width()];
        cold.transform(texts.subList(0, 1), new float[cold.width()], TextProgress.NONE);
        double load = seconds(start);
        start = System.nanoTime();
        cold.transform(texts, out, TextProgress.NONE);
        double coldSeconds = seconds(start);

        start = System.nanoTime();
        FittedText fromDisk = ((TextEncoder) resolver.create(Family.ENCODER, spec, "encoder")).fit(texts, TextProgress.NONE);
        fromDisk.transform(texts, out, TextProgress.NONE);
        double diskSeconds = seconds(start);

        start = System.nanoTime();
        fromDisk.transform(texts, out, TextProgress.NONE);
        double memorySeconds = seconds(start);

        System.out.printf(Locale.ROOT, "%d texts from %s (column %s, %.0f characters on average)%n", texts.size(), file,
                column, characters);
        System.out.printf(Locale.ROOT, "model load + first text: %.2f s%n", load);
        int embedded = texts.size() - 1; // the first one was embedded with the load
        System.out.printf(Locale.ROOT, "cold (language model): %8.1f texts/s  (%.2f ms a text)%n", embedded / coldSeconds,
                1000 * coldSeconds / embedded);
        System.out.printf(Locale.ROOT, "warm, from the disk cache: %8.0f texts/s%n", texts.size() / diskSeconds);
        System.out.printf(Locale.ROOT, "warm, in memory: %8.0f texts/s%n", texts.size() / memorySeconds);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The first {@code count} distinct non-blank cells of a column, read by the csv dataset plugin. */
    private static List<String> column(ComponentResolver resolver, Path file, String name, int count) {
        RawTable table = resolver.dataset(ComponentSpec.of("csv").with("path", file.toString()), "source",
                new DataContext(Path.of("").toAbsolutePath())).read();
        int index = table.columnIndex(name);
        if (index < 0) {
            throw new IllegalArgumentException(file + " has no column '" + name + "': " + table.columns());
        }
        return java.util.stream.IntStream.range(0, table.size()).mapToObj(r -> table.cell(r, index))
                .filter(s -> s != null && !s.isBlank()).distinct().limit(count).toList();
    }
}
