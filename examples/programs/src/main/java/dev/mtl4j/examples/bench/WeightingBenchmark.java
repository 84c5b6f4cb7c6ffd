package dev.mtl4j.examples.bench;

import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.train.StepKind;
import dev.mtl4j.runtime.train.TrainingListener;
import dev.mtl4j.runtime.train.WeightingRules;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cost of each task-weighting method: training time on the seed model (the article's: 64 →
 * 256 → 256 shared ReLU, three 4-output MSE heads, Adam, batch 256; every task weight 1) relative to
 * {@code static}, all variants alternating in one run (the order rotates every repetition), the
 * median of the repetitions. Gradient methods run with their per-task gradients on the shared
 * representation and on the shared parameters.
 *
 * <p>Two clocks: wall time, and the process's CPU time (all its threads). On a machine shared with
 * other work the wall time of one repetition varies by tens of percent; the CPU time a step costs
 * varies far less, so with ND4J and OpenBLAS on one thread ({@code OMP_NUM_THREADS=1}) the CPU
 * ratio is the steadier estimate of the step-time ratio.
 *
 * <p>Run from the repository root:
 * <pre>
 * OMP_NUM_THREADS=1 java -cp "examples/programs/target/lib/*:examples/programs/target/classes" \
 *     dev.mtl4j.examples.bench.WeightingBenchmark [--rows 8192] [--epochs 2] [--reps 5] [--only static,mgda@representation]
 * </pre>
 */
public final class WeightingBenchmark {
    private static final List<String> LOSS = List.of("uncertainty", "dwa", "rlw", "famo", "gradnorm@representation",
            "gradnorm@parameters");
    private static final List<String> GRADIENT = List.of("mgda", "pcgrad", "cagrad", "imtl", "nash-mtl", "aligned-mtl", "upgrad");

    private WeightingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].substring(2), args[i + 1]);
        }
        int rows = Integer.parseInt(options.getOrDefault("rows", "8192"));
        int epochs = Integer.parseInt(options.getOrDefault("epochs", "2"));
        int reps = Integer.parseInt(options.getOrDefault("reps", "5"));
        MtlRuntime runtime = MtlRuntime.create();
        Path dir = Files.createTempDirectory("mtl4j-weighting-bench");
        Path csv = dir.resolve("synthetic.csv");
        SyntheticRegression.write(csv, rows, 1);
        PipelineSpec article = SyntheticRegression.spec(csv, epochs, 256, 256);
        List<TaskSpec> unweighted = article.tasks().stream()
                .map(t -> new TaskSpec(t.name(), t.head(), 1.0, t.labels(), t.data())).toList();
        List<String> variants = new ArrayList<>(List.of("static"));
        variants.addAll(LOSS);
        GRADIENT.forEach(m -> variants.add(m + "@representation"));
        GRADIENT.forEach(m -> variants.add(m + "@parameters"));
        if (options.containsKey("only")) {
            variants.retainAll(List.of(options.get("only").split(",")));
        }
        List<Contender> contenders = new ArrayList<>();
        for (String variant : variants) {
            PipelineSpec spec = new PipelineSpec(article.name(), article.data(), article.encoder(), article.sharing(), unweighted,
                    article.training().withWeighting(component(variant)));
            contenders.add(contender(variant, runtime, spec, dir));
        }
        System.out.printf(Locale.ROOT, "seed model: 64 -> 256 -> 256, three 4-output MSE heads, batch 256, %d rows, %d epochs, "
                + "%d repetitions after a warm-up; step: %s; OMP_NUM_THREADS=%s%n", rows, epochs, reps,
                StepKind.chosenFor(runtime.prepare(article, dir).network().graph()), System.getenv("OMP_NUM_THREADS"));
        Map<String, List<double[]>> seconds = time(contenders, reps);
        double wallBase = median(seconds.get("static"), 0);
        double cpuBase = median(seconds.get("static"), 1);
        System.out.println();
        System.out.println("| method | gradients | wall: samples/s | wall: time / static | CPU: time / static |");
        System.out.println("|---|---|---|---|---|");
        seconds.forEach((variant, list) -> {
            String[] parts = variant.split("@");
            System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %.2f× | %.2f× |%n", parts[0], parts.length > 1 ? parts[1] : "",
                    (double) rows * epochs / median(list, 0), median(list, 0) / wallBase, median(list, 1) / cpuBase);
        });
    }

    /** Repetition 0 is a warm-up; per contender and repetition, {wall seconds, CPU seconds}. */
    private static Map<String, List<double[]>> time(List<Contender> contenders, int reps) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, List<double[]>> seconds = new LinkedHashMap<>();
        contenders.forEach(c -> seconds.put(c.name(), new ArrayList<>()));
        for (int rep = 0; rep <= reps; rep++) {
            StringBuilder line = new StringBuilder(rep == 0 ? "warm-up" : "run " + rep);
            for (int i = 0; i < contenders.size(); i++) {
                Contender c = contenders.get((i + rep) % contenders.size());
                c.prepare();
                System.gc();
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                c.trainOnce();
                double[] taken = {(System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9};
                line.append(String.format(Locale.ROOT, "  %s %.2fs/%.2fs", c.name(), taken[0], taken[1]));
                if (rep > 0) {
                    seconds.get(c.name()).add(taken);
                }
            }
            System.out.println(line.append("  (wall/CPU)"));
        }
        return seconds;
    }

    private static double median(List<double[]> values, int clock) {
        double[] sorted = values.stream().mapToDouble(v -> v[clock]).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static ComponentSpec component(String variant) {
        String[] parts = variant.split("@");
        ComponentSpec spec = ComponentSpec.of(parts[0]);
        return parts.length > 1 ? spec.with("gradients", parts[1]) : spec;
    }

    private static Contender contender(String variant, MtlRuntime runtime, PipelineSpec spec, Path dir) {
        return new Contender() {
            private PreparedPipeline prepared;

            @Override
            public String name() {
                return variant;
            }

            @Override
            public void prepare() {
                prepared = runtime.prepare(spec, dir);
            }

            @Override
            public void trainOnce() {
                WeightingRules.trainer(runtime.resolver(), spec, TrainingListener.SILENT).fit(prepared.network().graph(),
                        spec.training(), spec.tasks(), prepared.preprocessor(), prepared.train(), null);
            }
        };
    }
}
