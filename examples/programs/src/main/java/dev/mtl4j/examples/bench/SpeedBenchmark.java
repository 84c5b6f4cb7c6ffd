package dev.mtl4j.examples.bench;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.train.StepKind;
import dev.mtl4j.runtime.train.Trainer;
import dev.mtl4j.runtime.train.TrainingHistory;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training speed of the article's model (64 → h → h shared ReLU, three 4-output MSE heads,
 * λ = 0.5/0.3/0.2, Adam 1e-3): mtl4j's training loop and the same network written by hand in DL4J,
 * alternating in one JVM, then PyTorch (examples/benchmarks/pytorch_article_model.py, run as a
 * subprocess after all JVM runs, with the same rows, epochs, batch and width) when
 * {@code /usr/bin/python3 -c "import torch"} works. Prints each repetition, then a table of median
 * samples/s and the ratios mtl4j / DL4J and mtl4j / PyTorch.
 *
 * <p>The contenders are a list of {@link Contender}s that share one generated data set; add a
 * variant in {@link #contenders}. With {@code --pipeline FILE} it instead times mtl4j's training loop
 * on that pipeline's training split (early stopping off, so every repetition runs the same epochs).
 *
 * <p>Run from the repository root:
 * <pre>
 * java -cp "examples/programs/target/lib/*:examples/programs/target/classes" dev.mtl4j.examples.bench.SpeedBenchmark \
 *     [--hidden 256] [--batch 256] [--rows 65536] [--epochs 3] [--reps 5] [--threads-call none|env|blas|omp|all[:n]]
 *     [--torch-threads 2] [--no-torch] [--only name,name]
 *     [--pipeline examples/pipelines/income.yaml[,examples/pipelines/income-mmoe.yaml] [--steps auto,graph]] [--cpu-clock]
 * </pre>
 */
public final class SpeedBenchmark {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String TORCH_SCRIPT = "examples/benchmarks/pytorch_article_model.py";

    private SpeedBenchmark() {
    }

    /** The benchmark's shape. */
    record Shape(int rows, int epochs, int batch, int hidden) {
    }

    /** Data generated once and shared by all contenders: the CSV mtl4j reads and the arrays encoded from it. */
    record SharedData(Path dir, PipelineSpec spec, INDArray features, INDArray[] labels) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        String threadsCall = options.getOrDefault("threads-call", "none");
        ThreadSettings.apply(threadsCall);
        int reps = Integer.parseInt(options.getOrDefault("reps", "5"));
        if (options.containsKey("pipeline")) {
            pipeline(options.get("pipeline"), options, reps, threadsCall);
            return;
        }
        Shape shape = new Shape(Integer.parseInt(options.getOrDefault("rows", "65536")),
                Integer.parseInt(options.getOrDefault("epochs", "3")), Integer.parseInt(options.getOrDefault("batch", "256")),
                Integer.parseInt(options.getOrDefault("hidden", "256")));
        System.out.printf(Locale.ROOT, "article's model, hidden %d, batch %d, rows %d, epochs %d, %d repetitions after a warm-up%n",
                shape.hidden(), shape.batch(), shape.rows(), shape.epochs(), reps);
        System.out.println("threads: --threads-call " + threadsCall + "; " + ThreadSettings.describe());

        MtlRuntime runtime = MtlRuntime.create();
        SharedData data = sharedData(runtime, shape);
        List<Contender> contenders = contenders(runtime, data, shape);
        if (options.containsKey("only")) {
            List<String> only = List.of(options.get("only").split(","));
            contenders = contenders.stream().filter(c -> only.contains(c.name())).toList();
        }
        Map<String, Double> samples = new LinkedHashMap<>();
        contenders.forEach(c -> samples.put(c.name(), (double) shape.rows() * shape.epochs()));
        Map<String, List<Double>> rates = time(contenders, reps, samples, options.containsKey("cpu-clock"));

        Map<String, Double> medians = new LinkedHashMap<>();
        rates.forEach((name, list) -> medians.put(name, median(list)));
        if (!options.containsKey("no-torch")) {
            Double torch = pytorch(shape, reps, Integer.parseInt(options.getOrDefault("torch-threads", "2")));
            if (torch != null) {
                medians.put("pytorch", torch);
            }
        }
        table(medians);
    }

    /**
     * The timed contenders. The mtl4j side is runtime.prepare + Trainer.fit, as {@code ./mtl train}
     * does (without per-epoch validation); the DL4J side is the network a DL4J user would write.
     */
    /** mtl4j's training loop with the given step: AUTO (the fused dense step here) or DL4J's own fit. */
    static Contender mtl4j(String name, StepKind steps, MtlRuntime runtime, SharedData data) {
        return new Contender() {
            private PreparedPipeline prepared;

            @Override
            public String name() {
                return name;
            }

            @Override
            public void prepare() {
                prepared = runtime.prepare(data.spec(), data.dir());
            }

            @Override
            public void trainOnce() {
                PipelineSpec spec = data.spec();
                new Trainer(TrainingListener.SILENT, steps).fit(prepared.network().graph(), spec.training(), spec.tasks(),
                        prepared.preprocessor(), prepared.train(), null);
            }
        };
    }

    static List<Contender> contenders(MtlRuntime runtime, SharedData data, Shape shape) {
        List<Contender> list = new ArrayList<>();
        list.add(mtl4j("mtl4j", StepKind.AUTO, runtime, data));
        list.add(mtl4j("mtl4j-graph-step", StepKind.GRAPH, runtime, data));
        list.add(new Contender() {
            private ComputationGraph network;

            @Override
            public String name() {
                return "dl4j";
            }

            @Override
            public void prepare() {
                network = HandWrittenDl4j.network(42, shape.hidden());
            }

            @Override
            public void trainOnce() {
                HandWrittenDl4j.train(network, data.features(), data.labels(), shape.epochs(), shape.batch(), 42);
            }
        });
        return list;
    }

    static SharedData sharedData(MtlRuntime runtime, Shape shape) throws Exception {
        Path dir = Files.createTempDirectory("mtl4j-speed");
        Path csv = dir.resolve("synthetic.csv");
        SyntheticRegression.write(csv, shape.rows(), 1);
        PipelineSpec spec = SyntheticRegression.spec(csv, shape.epochs(), shape.batch(), shape.hidden());
        PreparedPipeline prepared = runtime.prepare(spec, dir);
        return new SharedData(dir, spec, prepared.train().features(), prepared.train().labels().toArray(INDArray[]::new));
    }

    /**
     * Repetition 0 is a warm-up; the order of the contenders rotates every repetition. With
     * {@code cpuClock}, a rate is samples per second of the training thread's CPU time instead of wall
     * time: on a machine shared with other jobs that measures the work, not the waiting (ND4J's ops
     * and OpenBLAS run on the calling thread at one thread each; the JVM's own GC and JIT threads are
     * not counted).
     */
    static Map<String, List<Double>> time(List<Contender> contenders, int reps, Map<String, Double> samples, boolean cpuClock) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        contenders.forEach(c -> rates.put(c.name(), new ArrayList<>()));
        for (int rep = 0; rep <= reps; rep++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s", rep == 0 ? "warm-up" : "run " + rep));
            Map<String, Double> thisRep = new LinkedHashMap<>();
            for (int i = 0; i < contenders.size(); i++) {
                Contender c = contenders.get((i + rep) % contenders.size());
                c.prepare();
                System.gc();
                long start = cpuClock ? threads.getCurrentThreadCpuTime() : System.nanoTime();
                c.trainOnce();
                long end = cpuClock ? threads.getCurrentThreadCpuTime() : System.nanoTime();
                double rate = samples.get(c.name()) / ((end - start) / 1e9);
                thisRep.put(c.name(), rate);
                if (rep > 0) {
                    rates.get(c.name()).add(rate);
                }
            }
            contenders.forEach(c -> line.append(String.format(Locale.ROOT, "  %s %9.0f", c.name(), thisRep.get(c.name()))));
            System.out.println(line.append(cpuClock ? "  samples per CPU-second" : "  samples/s"));
        }
        return rates;
    }

    /** Runs the PyTorch script; returns its median samples/s, or null when torch is not there. */
    static Double pytorch(Shape shape, int reps, int threads) throws Exception {
        Path script = Path.of(TORCH_SCRIPT);
        if (!Files.isRegularFile(script) || !Files.isExecutable(Path.of(PYTHON))
                || new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start().waitFor() != 0) {
            System.out.println("pytorch: skipped (" + PYTHON + " -c 'import torch' fails, or " + TORCH_SCRIPT + " is missing)");
            return null;
        }
        List<String> command = List.of(PYTHON, script.toString(), "--rows", "" + shape.rows(), "--epochs", "" + shape.epochs(),
                "--batch", "" + shape.batch(), "--hidden", "" + shape.hidden(), "--reps", "" + reps, "--threads", "" + threads);
        System.out.println("pytorch (after the JVM runs): " + String.join(" ", command));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Double median = null;
        Pattern pattern = Pattern.compile("\"median_samples_per_s\": ([0-9.]+)");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println("  " + line);
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    median = Double.parseDouble(m.group(1));
                }
            }
        }
        return process.waitFor() == 0 ? median : null;
    }

    static void table(Map<String, Double> medians) {
        System.out.println();
        System.out.println("| | median samples/s |");
        System.out.println("|---|---|");
        medians.forEach((name, rate) -> System.out.printf(Locale.ROOT, "| %s | %,.0f |%n", name, rate));
        Double mtl = medians.get("mtl4j");
        for (String other : medians.keySet()) {
            if (mtl != null && !other.equals("mtl4j")) {
                System.out.printf(Locale.ROOT, "| mtl4j / %s | %.3f |%n", other, mtl / medians.get(other));
            }
        }
    }

    /**
     * mtl4j's training loop on each pipeline file's training split, with its per-epoch validation: with
     * {@code --steps auto,graph} once with the trainer's own choice of step and once with DL4J's fit,
     * all contenders alternating in one run. Several files (comma-separated) give the ratios between
     * pipelines in one run, per step (a mixture of experts against hard sharing).
     */
    static void pipeline(String files, Map<String, String> options, int reps, String threadsCall) {
        MtlRuntime runtime = MtlRuntime.create();
        int epochs = Integer.parseInt(options.getOrDefault("epochs", "5"));
        List<StepKind> steps = java.util.Arrays.stream(options.getOrDefault("steps", "auto").split(","))
                .map(s -> StepKind.valueOf(s.trim().toUpperCase(Locale.ROOT))).toList();
        System.out.printf(Locale.ROOT, "%d epochs (early stopping off), %d repetitions after a warm-up, steps %s%n",
                epochs, reps, steps);
        System.out.println("threads: --threads-call " + threadsCall + "; " + ThreadSettings.describe());
        List<Contender> contenders = new ArrayList<>();
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String name : files.split(",")) {
            Path file = Path.of(name.trim()).toAbsolutePath();
            PipelineSpec spec = withoutEarlyStopping(runtime.loadPipeline(file), epochs, options);
            PreparedPipeline first = runtime.prepare(spec, file.getParent());
            int rows = first.train().size();
            System.out.printf(Locale.ROOT, "%s: batch %d, %d training rows, %d validation rows (validated every epoch, "
                    + "included in the time), step %s under auto%n", file, spec.training().batchSize(), rows,
                    first.validation() == null ? 0 : first.validation().size(),
                    StepKind.chosenFor(first.network().graph()));
            for (StepKind kind : steps) {
                String label = spec.name() + (steps.size() > 1 ? "/" + kind.name().toLowerCase(Locale.ROOT) : "");
                contenders.add(pipelineContender(label, kind, runtime, spec, file.getParent(), epochs));
                samples.put(label, (double) rows * epochs);
            }
        }
        boolean cpuClock = options.containsKey("cpu-clock");
        Map<String, List<Double>> rates = time(contenders, reps, samples, cpuClock);
        System.out.println();
        System.out.println(cpuClock ? "| | median samples per CPU-second |" : "| | median samples/s |");
        System.out.println("|---|---|");
        Map<String, Double> medians = new LinkedHashMap<>();
        rates.forEach((label, list) -> medians.put(label, median(list)));
        medians.forEach((label, rate) -> System.out.printf(Locale.ROOT, "| %s | %,.0f |%n", label, rate));
        List<String> labels = new ArrayList<>(medians.keySet());
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                System.out.printf(Locale.ROOT, "| %s / %s | %.3f |%n", labels.get(i), labels.get(j),
                        medians.get(labels.get(i)) / medians.get(labels.get(j)));
            }
        }
    }

    private static PipelineSpec withoutEarlyStopping(PipelineSpec loaded, int epochs, Map<String, String> options) {
        TrainingSpec t = loaded.training();
        int batch = Integer.parseInt(options.getOrDefault("batch", "" + t.batchSize()));
        return new PipelineSpec(loaded.name(), loaded.data(), loaded.encoder(), loaded.sharing(), loaded.tasks(),
                new TrainingSpec(epochs, batch, t.optimizer(), t.seed(), t.shuffle(), null, t.sampler(), t.init()));
    }

    private static Contender pipelineContender(String label, StepKind kind, MtlRuntime runtime, PipelineSpec spec, Path base,
                                               int epochs) {
        return new Contender() {
            private PreparedPipeline prepared;

            @Override
            public String name() {
                return label;
            }

            @Override
            public void prepare() {
                prepared = runtime.prepare(spec, base);
            }

            @Override
            public void trainOnce() {
                TrainingHistory history = new Trainer(TrainingListener.SILENT, kind).fit(prepared.network().graph(),
                        spec.training(), spec.tasks(), prepared.preprocessor(), prepared.train(), prepared.validation());
                if (history.epochs().size() != epochs) {
                    throw new IllegalStateException("ran " + history.epochs().size() + " epochs");
                }
            }
        };
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            String key = args[i].substring(2);
            if (key.equals("no-torch") || key.equals("cpu-clock")) {
                options.put(key, "true");
            } else if (i + 1 < args.length) {
                options.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
        }
        return options;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
