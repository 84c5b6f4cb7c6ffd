package dev.mtl4j.examples;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.UnseenCategory;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Predictions;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The {@code ordinal} head (CORAL) against {@code classification} on the income survey's two ordered
 * labels: INCOME (9 brackets) and EDUCATION (6 levels), each a task of its own, every other answer a
 * categorical feature (DUAL.INCOMES dropped, as in examples/pipelines/income.yaml). One split for
 * every run (70 % train, 10 % validation, 20 % test, drawn with seed 7; a {@code part} column), three
 * training seeds. Both heads are scored by the same code on the test rows' predictions: accuracy and
 * the mean absolute error in ranks (how many brackets off). Run from the repository root:
 * {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.OrdinalVsClassification [--task INCOME|EDUCATION] [--ordinal-only] [--lr RATE] [seeds...]} (both tasks, Adam's
 * learning rate 1e-3 and seeds 42 43 44 by default).
 */
public final class OrdinalVsClassification {
    private static final String CELL = ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)";
    private static final List<String> INCOME = List.of("-10.000)", "[10.000-15.000)", "[15.000-20.000)", "[20.000-25.000)",
            "[25.000-30.000)", "[30.000-40.000)", "[40.000-50.000)", "[50.000-75.000)", "[75.000-");
    private static final List<String> EDUCATION = List.of("Grade 8 or less", "Grades 9 to 11", "Graduated High Scool",
            "1 to 3 years of college", "College graduate", "Grad Study");

    private OrdinalVsClassification() {
    }

    public static void main(String[] args) throws IOException {
        List<String> rest = new ArrayList<>(List.of(args));
        List<String> tasks = List.of("INCOME", "EDUCATION");
        double lr = 1e-3;
        if (!rest.isEmpty() && rest.get(0).equals("--task")) {
            tasks = List.of(rest.get(1));
            rest = rest.subList(2, rest.size());
        }
        boolean classification = true;
        if (!rest.isEmpty() && rest.get(0).equals("--ordinal-only")) {
            classification = false;
            rest = rest.subList(1, rest.size());
        }
        if (!rest.isEmpty() && rest.get(0).equals("--lr")) {
            lr = Double.parseDouble(rest.get(1));
            rest = rest.subList(2, rest.size());
        }
        List<Long> seeds = rest.isEmpty() ? List.of(42L, 43L, 44L) : rest.stream().map(Long::valueOf).toList();
        Path dir = Files.createTempDirectory("ordinal");
        Path all = dir.resolve("income_parts.csv");
        Path test = dir.resolve("income_test.csv");
        split(Path.of("examples/data/income_marketing.csv"), all, test);
        if (tasks.contains("INCOME")) {
            table(all, test, "INCOME", INCOME, seeds, lr, classification);
        }
        if (tasks.contains("EDUCATION")) {
            table(all, test, "EDUCATION", EDUCATION, seeds, lr, classification);
        }
    }

    private static void table(Path all, Path test, String task, List<String> order, List<Long> seeds, double lr,
                              boolean classification) throws IOException {
        MtlRuntime runtime = MtlRuntime.create();
        System.out.println("| " + task + " head | " + String.join(" | ", seeds.stream().map(s -> "seed " + s).toList())
                + " | mean test rank MAE | mean test accuracy |");
        System.out.println("|---|" + "---|".repeat(seeds.size()) + "---|---|");
        for (boolean ordinal : classification ? new boolean[] {false, true} : new boolean[] {true}) {
            StringBuilder row = new StringBuilder("| " + (ordinal ? "ordinal (CORAL)" : "classification") + " |");
            double mae = 0;
            double accuracy = 0;
            for (long seed : seeds) {
                PipelineSpec spec = Mtl.pipeline("ordered")
                        .data(Data.csv(all.toString()).categorical("*").drop("DUAL.INCOMES").splitColumn("part")
                                .unseen(UnseenCategory.OTHER))
                        .encoder(Encoders.mlp().hidden(64))
                        .task(task, ordinal ? Heads.ordinal(order.toArray(String[]::new)) : Heads.classification())
                        .training(t -> t.epochs(20).batchSize(64).adam(lr).seed(seed))
                        .build();
                TrainingResult result = runtime.train(spec, all.getParent(), TrainingListener.SILENT);
                double[] scored = score(runtime.predict(result.model(), test), test, task, order);
                mae += scored[0] / seeds.size();
                accuracy += scored[1] / seeds.size();
                row.append(String.format(Locale.ROOT, " %.3f |", scored[0]));
                if (ordinal) {
                    // the head's own metric on the same rows, as a cross-check of the scoring here
                    System.err.printf(Locale.ROOT, "%s seed %d: the runtime's test rank-mae %.4f, here %.4f%n", task, seed,
                            result.metric("test", task, "rank-mae"), scored[0]);
                }
            }
            System.out.println(row.append(String.format(Locale.ROOT, " **%.3f** | %.3f |", mae, accuracy)));
        }
        System.out.println();
    }

    /** Rank MAE and accuracy of the predicted class against the test file's label, rows with a label only. */
    private static double[] score(Predictions predictions, Path test, String task, List<String> order) throws IOException {
        List<String> lines = Files.readAllLines(test);
        int column = header(lines).indexOf(task);
        int predicted = predictions.columns().indexOf(task);
        double error = 0;
        int right = 0;
        int rows = 0;
        for (int r = 0; r < predictions.size(); r++) {
            String actual = unquoted(lines.get(r + 1).split(CELL, -1)[column]);
            if (actual.isEmpty()) {
                continue;
            }
            String guess = predictions.row(r).get(predicted);
            error += Math.abs(order.indexOf(guess) - order.indexOf(actual));
            right += guess.equals(actual) ? 1 : 0;
            rows++;
        }
        return new double[] {error / rows, (double) right / rows};
    }

    private static List<String> header(List<String> lines) {
        return List.of(lines.get(0).split(CELL, -1)).stream().map(OrdinalVsClassification::unquoted).toList();
    }

    private static String unquoted(String cell) {
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;
    }

    /** The survey with a {@code part} column (train 70 %, validation 10 %, test 20 %, seed 7), and its test rows alone. */
    private static void split(Path income, Path all, Path test) throws IOException {
        List<String> lines = Files.readAllLines(income);
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(7));
        String[] parts = new String[lines.size()];
        for (int k = 0; k < order.size(); k++) {
            parts[order.get(k)] = k < 0.7 * order.size() ? "train" : k < 0.8 * order.size() ? "validation" : "test";
        }
        List<String> out = new ArrayList<>(List.of(lines.get(0) + ",\"part\""));
        List<String> tests = new ArrayList<>(List.of(lines.get(0) + ",\"part\""));
        for (int i = 1; i < lines.size(); i++) {
            out.add(lines.get(i) + "," + parts[i]);
            if (parts[i].equals("test")) {
                tests.add(lines.get(i) + "," + parts[i]);
            }
        }
        Files.write(all, out);
        Files.write(test, tests);
    }
}
