package dev.mtl4j.examples.text;

import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.PipelineBuilder;
import dev.mtl4j.api.dsl.Samplers;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reviews and spam on the MiniLM transformer (LoRA r=8 on the top two layers, a dense layer of 64):
 * one multi-task model with {@code task-adapters} (one frozen body, each task its own LoRA set)
 * against three separate single-task models; test accuracy per task, trainable parameters and
 * model-file size. Arguments: review training rows [400], review test rows [200], mails [400]
 * (the first of spam_period1.csv, 20 % of them tested), maxLength [32], epochs [3], seeds [42; a list:
 * 42,43,44, seeds outermost so that a run cut short has whole seeds]. Run from the repository root.
 */
public final class TaskAdaptersComparison {
    private static final List<String> TASKS = List.of("sentiment", "is_spam", "hard_ham");

    private TaskAdaptersComparison() {
    }

    public static void main(String[] args) throws IOException {
        int reviewTrain = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int reviewTest = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int mails = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        int maxLength = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int epochs = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        List<Long> seeds = java.util.Arrays.stream((args.length > 5 ? args[5] : "42").split(",")).map(Long::parseLong).toList();
        Path folder = Files.createTempDirectory("mtl4j-task-adapters");
        Path reviews = TransformerTuningComparison.firstRows(Path.of("examples/data/fine_food_reviews.csv"),
                folder.resolve("reviews.csv"), reviewTrain, reviewTest);
        Path spam = firstRecords(Path.of("examples/data/spam_period1.csv"), folder.resolve("spam.csv"), mails);
        Component encoder = Component.of("transformer").param("tuning", "lora").param("tunedLayers", 2)
                .param("maxLength", maxLength).param("hidden", List.of(64));
        MtlRuntime runtime = MtlRuntime.create();
        System.out.printf("reviews %d/%d, mails %d, maxLength %d, %d epochs, seeds %s%n", reviewTrain, reviewTest, mails,
                maxLength, epochs, seeds);
        System.out.println("| model | task | seed | test accuracy | trainable parameters | model.zip | seconds |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (long seed : seeds) {
            report(runtime, folder, "multi-task, task-adapters", spec(spam, reviews, encoder, TASKS, epochs, seed), TASKS, seed);
            for (String task : TASKS) {
                report(runtime, folder, "separate: " + task, spec(spam, reviews, encoder, List.of(task), epochs, seed), List.of(task),
                        seed);
            }
        }
    }

    private static PipelineSpec spec(Path spam, Path reviews, Component encoder, List<String> tasks, int epochs, long seed) {
        boolean reviewsOnly = tasks.equals(List.of("sentiment"));
        PipelineBuilder pipeline = Mtl.pipeline("reviews-and-spam-" + String.join("-", tasks))
                .data(reviewsOnly ? Data.csv(reviews.toString()).text("review").drop("product").splitColumn("split")
                        : Data.csv(spam.toString()).text("body").split(0.2, 7))
                .encoder(encoder).sharing(tasks.size() > 1 ? Sharing.taskAdapters() : Sharing.hard());
        for (String task : tasks) {
            if (task.equals("sentiment") && !reviewsOnly) {
                pipeline = pipeline.task(task, Heads.binary()).labels("score")
                        .ownData(Data.csv(reviews.toString()).splitColumn("split").rename("review", "body"));
            } else {
                pipeline = pipeline.task(task, Heads.binary()).labels(task.equals("sentiment") ? "score" : task);
            }
        }
        // the sampler picks between data sets: only the multi-task model, whose reviews bring their own, has two
        boolean twoDataSets = tasks.contains("sentiment") && !reviewsOnly;
        return pipeline.training(t -> {
            t.epochs(epochs).batchSize(16).adam(3e-3).seed(seed);
            if (twoDataSets) {
                t.sampler(Samplers.proportional());
            }
        }).build();
    }

    private static void report(MtlRuntime runtime, Path folder, String name, PipelineSpec spec, List<String> tasks, long seed)
            throws IOException {
        long start = System.nanoTime();
        TrainingResult result = runtime.train(spec, folder, TrainingListener.SILENT);
        double seconds = (System.nanoTime() - start) / 1e9;
        Path file = folder.resolve(spec.name() + ".zip");
        runtime.save(result.model(), file);
        for (String task : tasks) {
            System.out.printf("| %s | %s | %d | %.3f | %,d | %,d KB | %.0f |%n", name, task, seed, result.metric("test", task, "accuracy"),
                    TransformerTuningComparison.trainable(result.model().graph()), Files.size(file) / 1024, seconds);
        }
        System.out.flush();
    }

    /** The header and the first {@code records} records (quoted cells may hold line breaks). */
    private static Path firstRecords(Path source, Path target, int records) throws IOException {
        String text = Files.readString(source, StandardCharsets.UTF_8);
        int seen = -1;
        boolean quoted = false;
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted && ++seen == records) {
                end = i + 1;
                break;
            }
        }
        Files.writeString(target, text.substring(0, end), StandardCharsets.UTF_8);
        return target;
    }
}
