package dev.mtl4j.examples.bench;

import dev.mtl4j.runtime.BlasKernel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenBLAS kernel mtl4j names against the one OpenBLAS picks by itself, in one run: fresh JVMs
 * alternate (the kernel is fixed when OpenBLAS loads), each timing mtl4j's training of the article's
 * model with {@link SpeedBenchmark} ({@code --only mtl4j --no-torch}); one with the system property
 * {@code mtl4j.blas.kernel=none}, one with the default choice. OPENBLAS_CORETYPE is removed from the
 * children's environment; OPENBLAS_VERBOSE=2 makes OpenBLAS print the kernel it runs.
 *
 * <p>Run from the repository root: {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.bench.BlasKernelBenchmark [rounds=3] [SpeedBenchmark options, default --hidden 256 --batch 256
 * --rows 16384 --epochs 2 --reps 3]}
 */
public final class BlasKernelBenchmark {
    private static final Pattern RATE = Pattern.compile("^\\| mtl4j \\| ([\\d,]+) \\|$", Pattern.MULTILINE);
    private static final Pattern CORE = Pattern.compile("^Core: (\\S+)", Pattern.MULTILINE);

    private BlasKernelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> shape = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("--hidden", "256", "--batch", "256", "--rows", "16384", "--epochs", "2", "--reps", "3");
        List<Double> own = new ArrayList<>();
        List<Double> chosen = new ArrayList<>();
        String ownCore = "?";
        String chosenCore = "?";
        for (int round = 0; round < rounds; round++) {
            for (boolean named : round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                String output = child(named ? "auto" : "none", shape);
                double rate = rate(output);
                String core = core(output);
                (named ? chosen : own).add(rate);
                if (named) {
                    chosenCore = core;
                } else {
                    ownCore = core;
                }
                System.out.printf(Locale.ROOT, "round %d  %-28s kernel %-12s %,10.0f samples/s%n", round + 1,
                        named ? "named by mtl4j" : "OpenBLAS's own (" + BlasKernel.PROPERTY + "=none)", core, rate);
            }
        }
        double a = median(own);
        double b = median(chosen);
        System.out.printf(Locale.ROOT, "median: OpenBLAS's own %s %,.0f, named %s %,.0f samples/s -> %.2fx%n",
                ownCore, a, chosenCore, b, b / a);
    }

    private static String child(String kernel, List<String> shape) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + BlasKernel.PROPERTY + "=" + kernel, "-cp", System.getProperty("java.class.path"),
                SpeedBenchmark.class.getName(), "--only", "mtl4j", "--no-torch"));
        command.addAll(shape);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("OPENBLAS_CORETYPE");
        builder.environment().put("OPENBLAS_VERBOSE", "2");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("SpeedBenchmark failed:\n" + output);
        }
        return output;
    }

    private static double rate(String output) {
        Matcher m = RATE.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no mtl4j median in SpeedBenchmark's output:\n" + output);
        }
        return Double.parseDouble(m.group(1).replace(",", ""));
    }

    private static String core(String output) {
        Matcher m = CORE.matcher(output);
        return m.find() ? m.group(1) : "?";
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
