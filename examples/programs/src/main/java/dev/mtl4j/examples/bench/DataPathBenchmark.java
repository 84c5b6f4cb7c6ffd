package dev.mtl4j.examples.bench;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The data path at scale: {@code income.yaml}'s pipeline trained for one epoch on generated files of
 * 100k, 300k and 1M rows in the income survey's format ({@link IncomeRows}). Each size runs in a
 * child JVM with {@code bin/mtl}'s Java options ({@code -Xmx4g -XX:+UseSerialGC}), so that its peak
 * resident memory (the kernel's VmHWM) is its own; the child inherits {@code OPENBLAS_CORETYPE},
 * which {@code bin/mtl} sets for the CPU and this program does not. Figures: docs/data-path.md.
 * Reported per size: peak RSS, the time to read + split + fit + encode
 * (preparing), to train (the epoch's steps), and to score (per-epoch validation and the final
 * metrics on every split).
 *
 * <pre>
 * java -cp "examples/programs/target/lib/*:examples/programs/target/classes" \
 *     dev.mtl4j.examples.bench.DataPathBenchmark [--rows 100000,300000,1000000] [--dir target/data-path]
 *     [--java-options "-Xmx4g -XX:+UseSerialGC"]
 * </pre>
 */
public final class DataPathBenchmark {
    private static final String RESULT = "RESULT ";

    private DataPathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(Path.of(args[1]));
            return;
        }
        List<Integer> sizes = List.of(100_000, 300_000, 1_000_000);
        Path dir = Path.of("target", "data-path");
        String javaOptions = "-Xmx4g -XX:+UseSerialGC";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> sizes = java.util.Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--java-options" -> javaOptions = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path examples = examples();
        Files.createDirectories(dir);
        MtlRuntime runtime = MtlRuntime.create();
        System.out.println("child JVM: " + javaOptions + ", OPENBLAS_CORETYPE="
                + java.util.Objects.requireNonNullElse(System.getenv("OPENBLAS_CORETYPE"), "(unset)"));
        List<String> lines = new ArrayList<>();
        lines.add("| rows | file MB | peak RSS MB | read + encode s | training s | scoring s | (read + encode + score) / training |");
        lines.add("|---:|---:|---:|---:|---:|---:|---:|");
        for (int rows : sizes) {
            Path csv = dir.resolve("income-" + rows + ".csv").toAbsolutePath();
            if (!Files.exists(csv)) {
                System.out.println("writing " + csv);
                IncomeRows.write(runtime.resolver(), examples.resolve("data/income_marketing.csv"), csv, rows, 11);
            }
            Path pipeline = dir.resolve("income-" + rows + ".yaml").toAbsolutePath();
            Files.writeString(pipeline, Files.readString(examples.resolve("pipelines/income.yaml"))
                    .replace("../data/income_marketing.csv", csv.toString()).replace("epochs: 30", "epochs: 1"));
            String[] result = runChild(javaOptions, pipeline).split(" ");
            double prepare = Double.parseDouble(result[1]);
            double training = Double.parseDouble(result[2]);
            double scoring = Double.parseDouble(result[3]);
            lines.add(String.format(Locale.ROOT, "| %,d | %.1f | %s | %.1f | %.1f | %.1f | %.2f |", rows,
                    Files.size(csv) / 1e6, result[0], prepare, training, scoring, (prepare + scoring) / training));
            System.out.println(lines.get(lines.size() - 1));
        }
        System.out.println();
        lines.forEach(System.out::println);
    }

    /** One size, in this JVM: prepare, train one epoch, measure every split, save nothing. */
    private static void child(Path pipeline) {
        MtlRuntime runtime = MtlRuntime.create();
        PipelineSpec spec = runtime.loadPipeline(pipeline);
        long start = System.nanoTime();
        PreparedPipeline prepared = runtime.prepare(spec, pipeline.getParent());
        long ready = System.nanoTime();
        double[] steps = {0};
        TrainingResult result = runtime.train(prepared, new TrainingListener() {
            @Override
            public void epochDone(EpochReport report) {
                steps[0] += report.seconds();
            }
        });
        long trained = System.nanoTime();
        double prepare = (ready - start) / 1e9;
        double scoring = (trained - ready) / 1e9 - steps[0];
        System.out.println("test metrics: " + result.metrics().get("test"));
        System.out.println(RESULT + peakRssMegabytes() + " " + prepare + " " + steps[0] + " " + scoring);
    }

    private static String runChild(String javaOptions, Path pipeline) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(javaOptions.trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DataPathBenchmark.class.getName(), "--child",
                pipeline.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith(RESULT)) {
                    result = line.substring(RESULT.length());
                } else {
                    System.out.println("  " + line);
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the run for " + pipeline + " failed (exit " + process.exitValue() + ")");
        }
        return result;
    }

    /** VmHWM of /proc/self/status: the most resident memory this process has had, in MB. */
    private static long peakRssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/status: " + e.getMessage(), e);
        }
        throw new IllegalStateException("no VmHWM in /proc/self/status");
    }

    private static Path examples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("examples/pipelines"))) {
                return dir.resolve("examples");
            }
        }
        throw new IllegalStateException("no examples/pipelines above " + Path.of("").toAbsolutePath());
    }
}
