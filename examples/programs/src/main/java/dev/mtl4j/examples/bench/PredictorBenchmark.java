package dev.mtl4j.examples.bench;

import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.model.TrainedModel;
import dev.mtl4j.runtime.predict.Predictor;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The typed predictor's speed on the income model: single-record latency (p50, p90, p99 over
 * {@code --calls} calls after a warm-up, one thread), batch throughput (records/s for each batch
 * size), and single-record throughput with several threads sharing one predictor. Records are the
 * rows of the income data, as maps of the model's feature columns to cell texts.
 *
 * <pre>
 * OMP_NUM_THREADS=1 java -cp "examples/programs/target/lib/*:examples/programs/target/classes" \
 *     dev.mtl4j.examples.bench.PredictorBenchmark [--model runs/income/model.zip] [--calls 20000]
 *     [--batches 1,16,256,4096] [--threads 1,2,4] [--seconds 3]
 * </pre>
 * Without {@code --model} it trains {@code examples/pipelines/income.yaml} for 5 epochs first.
 */
public final class PredictorBenchmark {

    private PredictorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path modelFile = null;
        Path data = Path.of("examples/data/income_marketing.csv");
        int calls = 20_000;
        List<Integer> batches = List.of(1, 16, 256, 4096);
        List<Integer> threads = List.of(1, 2, 4);
        double seconds = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--model" -> modelFile = Path.of(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]);
                case "--calls" -> calls = Integer.parseInt(args[i + 1]);
                case "--batches" -> batches = Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
                case "--threads" -> threads = Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        MtlRuntime runtime = MtlRuntime.create();
        TrainedModel model = modelFile != null && Files.exists(modelFile) ? runtime.load(modelFile) : trainIncome(runtime);
        Predictor predictor = Predictor.of(model);
        List<Map<String, Object>> records = ExampleRecords.read(runtime, data, predictor.info().features());
        System.out.printf(Locale.ROOT, "model %s: %d features columns, %d tasks; %d records; %d processors%n",
                model.spec().name(), predictor.info().features().size(), predictor.tasks().size(), records.size(),
                Runtime.getRuntime().availableProcessors());

        latency(predictor, records, calls);
        throughput(predictor, records, batches, seconds);
        concurrent(predictor, records, threads, seconds);
    }

    private static TrainedModel trainIncome(MtlRuntime runtime) {
        Path pipeline = Path.of("examples/pipelines/income.yaml");
        var spec = runtime.loadPipeline(pipeline);
        var training = spec.training();
        var shorter = new dev.mtl4j.api.spec.TrainingSpec(5, training.batchSize(), training.optimizer(), training.seed(),
                training.shuffle(), null, training.sampler(), training.init());
        spec = new dev.mtl4j.api.spec.PipelineSpec(spec.name(), spec.data(), spec.encoder(), spec.sharing(), spec.tasks(), shorter);
        return runtime.train(spec, pipeline.getParent(), TrainingListener.SILENT).model();
    }

    private static void latency(Predictor predictor, List<Map<String, Object>> records, int calls) {
        for (int i = 0; i < Math.min(calls, 2000); i++) {
            predictor.predict(records.get(i % records.size()));
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            predictor.predict(records.get(i % records.size()));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.println();
        System.out.println("| single record, 1 thread | p50 ms | p90 ms | p99 ms | mean ms | calls/s |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| %d calls | %.3f | %.3f | %.3f | %.3f | %.0f |%n", calls,
                ExampleRecords.millis(nanos, 0.5), ExampleRecords.millis(nanos, 0.9), ExampleRecords.millis(nanos, 0.99),
                mean, 1000 / mean);
    }

    private static void throughput(Predictor predictor, List<Map<String, Object>> records, List<Integer> batches,
                                   double seconds) {
        System.out.println();
        System.out.println("| batch size, 1 thread | records/s | ms per batch | × single-record rate |");
        System.out.println("|---:|---:|---:|---:|");
        double single = 0;
        for (int size : batches) {
            List<Map<String, Object>> batch = records.subList(0, Math.min(size, records.size()));
            predictor.predict(batch);
            long start = System.nanoTime();
            long done = 0;
            int calls = 0;
            while (System.nanoTime() - start < seconds * 1e9) {
                predictor.predict(batch);
                done += batch.size();
                calls++;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double rate = done / elapsed;
            single = single == 0 ? rate : single;
            System.out.printf(Locale.ROOT, "| %d | %.0f | %.3f | %.1f |%n", batch.size(), rate, elapsed * 1000 / calls,
                    rate / single);
        }
    }

    private static void concurrent(Predictor predictor, List<Map<String, Object>> records, List<Integer> threadCounts,
                                   double seconds) throws Exception {
        System.out.println();
        System.out.println("| threads, single records | calls/s | × 1 thread |");
        System.out.println("|---:|---:|---:|");
        double one = 0;
        for (int count : threadCounts) {
            ExecutorService pool = Executors.newFixedThreadPool(count);
            AtomicInteger next = new AtomicInteger();
            long end = System.nanoTime() + (long) (seconds * 1e9);
            long start = System.nanoTime();
            List<Future<Integer>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < count; t++) {
                workers.add(pool.submit(() -> {
                    int n = 0;
                    while (System.nanoTime() < end) {
                        predictor.predict(records.get(next.getAndIncrement() % records.size()));
                        n++;
                    }
                    return n;
                }));
            }
            long done = 0;
            for (Future<Integer> worker : workers) {
                done += worker.get();
            }
            pool.shutdown();
            double rate = done / ((System.nanoTime() - start) / 1e9);
            one = one == 0 ? rate : one;
            System.out.printf(Locale.ROOT, "| %d | %.0f | %.2f |%n", count, rate, rate / one);
        }
    }
}
