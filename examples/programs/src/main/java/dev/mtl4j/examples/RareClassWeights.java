package dev.mtl4j.examples;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.UnseenCategory;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rare classes on real data: the income survey's widowed respondents (3.4 % of the rows with a
 * marital status). A binary task WIDOWED (yes/no, derived from MARITAL.STATUS, which is then dropped
 * with DUAL.INCOMES, whose "Not Married" leaks it) trained with plain cross-entropy, with
 * {@code positiveWeight: auto}, with a focal term and with both; and the 5-class MARITAL.STATUS task
 * with and without {@code classWeights: balanced}. Test F1 of "yes" and macro-F1, per seed and mean.
 * Run from the repository root: {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.RareClassWeights [--limit ROWS] [seeds...]} (42 43 44 by default; {@code --limit}
 * trains on that many of the training rows, a seeded sample).
 */
public final class RareClassWeights {
    /** A comma outside quotes: the survey's cells are quoted and some hold commas ("Student, HS or College"). */
    private static final String CELL = ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)";
    private RareClassWeights() {
    }

    public static void main(String[] args) throws IOException {
        List<String> rest = new ArrayList<>(List.of(args));
        int limit = 0;
        if (!rest.isEmpty() && rest.get(0).equals("--limit")) {
            limit = Integer.parseInt(rest.get(1));
            rest = rest.subList(2, rest.size());
        }
        List<Long> seeds = rest.isEmpty() ? List.of(42L, 43L, 44L) : rest.stream().map(Long::valueOf).toList();
        Path widowed = derive(Path.of("examples/data/income_marketing.csv"), Files.createTempDirectory("rare"));
        Map<String, Supplier<Heads.Head>> binary = new LinkedHashMap<>();
        binary.put("binary (plain)", () -> Heads.binary().positive("yes"));
        binary.put("positiveWeight: auto", () -> Heads.binary().positive("yes").positiveWeightAuto());
        binary.put("focal: 2", () -> Heads.binary().positive("yes").focal(2));
        binary.put("positiveWeight: auto, focal: 2", () -> Heads.binary().positive("yes").positiveWeightAuto().focal(2));
        table(widowed, "WIDOWED", "f1", binary, seeds, limit);
        Map<String, Supplier<Heads.Head>> classes = new LinkedHashMap<>();
        classes.put("classification (plain)", Heads::classification);
        classes.put("classWeights: balanced", () -> Heads.classification().classWeightsBalanced());
        table(Path.of("examples/data/income_marketing.csv"), "MARITAL.STATUS", "macro-f1", classes, seeds, limit);
    }

    static void table(Path data, String task, String metric, Map<String, Supplier<Heads.Head>> heads, List<Long> seeds,
                              int limit) {
        MtlRuntime runtime = MtlRuntime.create();
        System.out.println((limit > 0 ? limit + " training rows" : "all training rows") + ":");
        System.out.println("| " + task + " head | " + String.join(" | ", seeds.stream().map(s -> "seed " + s).toList())
                + " | mean test " + metric + " | mean test accuracy |");
        System.out.println("|---|" + "---|".repeat(seeds.size()) + "---|---|");
        heads.forEach((name, head) -> {
            StringBuilder row = new StringBuilder("| " + name + " |");
            double sum = 0;
            double accuracy = 0;
            for (long seed : seeds) {
                PipelineSpec spec = Mtl.pipeline("rare")
                        .data(limit > 0 ? rows(data).limit(limit) : rows(data))
                        .encoder(Encoders.mlp().hidden(64))
                        .task(task, head.get())
                        .training(t -> t.epochs(20).batchSize(64).seed(seed))
                        .build();
                var result = runtime.train(spec, data.toAbsolutePath().getParent(), TrainingListener.SILENT);
                double value = result.metric("test", task, metric);
                sum += value / seeds.size();
                accuracy += result.metric("test", task, "accuracy") / seeds.size();
                row.append(String.format(Locale.ROOT, " %.3f |", value));
            }
            System.out.println(row.append(String.format(Locale.ROOT, " **%.3f** | %.3f |", sum, accuracy)));
        });
        System.out.println();
    }

    private static Data rows(Path data) {
        return Data.csv(data.toAbsolutePath().toString()).categorical("*").drop("DUAL.INCOMES").split(0.2, 7).validation(0.1)
                .unseen(UnseenCategory.OTHER);
    }

    /** The survey with WIDOWED (yes/no) in place of MARITAL.STATUS; rows without a marital status left out. */
    static Path derive(Path income, Path dir) throws IOException {
        List<String> lines = Files.readAllLines(income);
        List<String> header = List.of(lines.get(0).split(CELL, -1));
        int marital = header.indexOf("\"MARITAL.STATUS\"");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> cells = new ArrayList<>(List.of(lines.get(i).split(CELL, -1)));
            String status = cells.remove(marital);
            if (i == 0) {
                cells.add("WIDOWED");
            } else if (status.isEmpty()) {
                continue;
            } else {
                cells.add(status.equals("\"Widowed\"") ? "yes" : "no");
            }
            out.add(String.join(",", cells));
        }
        Path file = dir.resolve("income_widowed.csv");
        Files.write(file, out);
        return file;
    }
}
