package dev.mtl4j.examples.robust;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.train.StepResult;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How close each example pipeline's training comes to the divergence rule's bound: for every task,
 * the start (the median of its loss over its first 20 batches), the largest batch loss of the whole
 * run, and that loss as a fraction of the bound {@code 10000 × max(start, 1)} (the rule fires at 1).
 * Trains every pipeline of {@code examples/pipelines} that is not a transfer (or those named), with
 * its own settings. Run from the repository root:
 * {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.robust.DivergenceMargins [pipeline ...]}.
 */
public final class DivergenceMargins {
    private static final int START_BATCHES = 20;
    private static final double FACTOR = 1e4;

    private DivergenceMargins() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("examples/pipelines").toAbsolutePath();
        List<String> names = new ArrayList<>(Arrays.asList(args));
        if (names.isEmpty()) {
            try (Stream<Path> files = Files.list(dir)) {
                // digits-residual needs the custom plugin's jar, which this class path does not have
                files.map(f -> f.getFileName().toString())
                        .filter(f -> f.endsWith(".yaml") && !f.contains("transfer") && !f.contains("residual"))
                        .map(f -> f.substring(0, f.length() - 5)).sorted().forEach(names::add);
            }
        }
        MtlRuntime runtime = MtlRuntime.create();
        System.out.println("| pipeline | task | start | largest batch loss | largest / bound |");
        System.out.println("|---|---|---|---|---|");
        for (String name : names) {
            PipelineSpec spec = runtime.loadPipeline(dir.resolve(name + ".yaml"));
            List<String> tasks = spec.tasks().stream().map(t -> t.name()).toList();
            List<List<Double>> losses = new ArrayList<>();
            tasks.forEach(t -> losses.add(new ArrayList<>()));
            runtime.train(spec, dir, new TrainingListener() {
                @Override
                public void stepDone(int epoch, int batch, StepResult step) {
                    for (int i = 0; i < tasks.size(); i++) {
                        if (step.present()[i]) {
                            losses.get(i).add(step.taskLosses()[i]);
                        }
                    }
                }
            });
            for (int i = 0; i < tasks.size(); i++) {
                List<Double> task = losses.get(i);
                double start = median(task.subList(0, Math.min(START_BATCHES, task.size())));
                double largest = task.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
                System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.1e |%n", name, tasks.get(i), start, largest,
                        largest / (FACTOR * Math.max(start, 1)));
            }
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
