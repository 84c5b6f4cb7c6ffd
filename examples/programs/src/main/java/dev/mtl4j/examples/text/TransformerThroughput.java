package dev.mtl4j.examples.text;

import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Tokens per second of the {@code transformer} encoder's network (all-MiniLM-L6-v2, 6 layers, batch
 * of full-length sequences of random word pieces): inference forward, and forward + backward
 * (DL4J's computeGradientAndScore, no optimizer step) with every layer fine-tuned and with LoRA on
 * every layer. Each figure is the median of the timed passes, after one warm-up pass. Arguments: batch [32],
 * length [128], repetitions [5], networks [full:6,lora:6,full:2] (tuning:tuned layers), clock [wall]
 * ({@code cpu}: tokens per CPU-second of the main thread, for a shared machine; with OMP_NUM_THREADS=1
 * every operation runs on that thread). Run from the repository root:
 * {@code java -cp ... dev.mtl4j.examples.text.TransformerThroughput 32 128 5 full:6,lora:6 cpu}.
 * Its PyTorch twin is examples/benchmarks/pytorch_minilm.py (docs/speed-vs-pytorch.md).
 */
public final class TransformerThroughput {
    private TransformerThroughput() {
    }

    public static void main(String[] args) throws IOException {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int length = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String[]> networks = Arrays.stream((args.length > 3 ? args[3] : "full:6,lora:6,full:2").split(","))
                .map(n -> n.trim().split(":")).toList();
        boolean cpuClock = args.length > 4 && args[4].equals("cpu");
        Path folder = Files.createTempDirectory("mtl4j-throughput");
        Path csv = folder.resolve("texts.csv");
        StringBuilder rows = new StringBuilder("text,label\n");
        for (int i = 0; i < 40; i++) {
            rows.append("a text to build the network from ").append(i).append(',').append(i % 2).append('\n');
        }
        Files.writeString(csv, rows, StandardCharsets.UTF_8);
        MtlRuntime runtime = MtlRuntime.create();
        SplittableRandom random = new SplittableRandom(7);
        INDArray ids = Nd4j.zeros(DataType.FLOAT, batch, length);
        for (int i = 0; i < batch; i++) {
            ids.putScalar(i, 0, 101);
            for (int t = 1; t < length - 1; t++) {
                ids.putScalar(i, t, 1000 + random.nextInt(29000));
            }
            ids.putScalar(i, length - 1, 102);
        }
        INDArray mask = Nd4j.ones(DataType.FLOAT, batch, length);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, batch, 1);
        System.out.printf("batch %d, length %d, median of %d passes after a warm-up, %s clock, threads OMP_NUM_THREADS=%s"
                + " mtl4j.threads=%s%n", batch, length, repetitions, cpuClock ? "CPU" : "wall", System.getenv("OMP_NUM_THREADS"),
                System.getProperty("mtl4j.threads"));
        String unit = cpuClock ? "tokens per CPU-second" : "tokens/s";
        System.out.println("| network | forward " + unit + " | forward+backward " + unit + " |");
        System.out.println("|---|---|---|");
        for (String[] tuning : networks) {
            PipelineSpec spec = Mtl.pipeline("throughput").data(Data.csv(csv.toString()).text("text").split(0.2, 7))
                    .encoder(Component.of("transformer").param("tuning", tuning[0])
                            .param("tunedLayers", Integer.parseInt(tuning[1]))
                            .param("maxLength", length).param("cacheMegabytes", 0))
                    .task("label", Heads.binary()).training(t -> t.epochs(1).batchSize(batch).seed(7)).build();
            PreparedPipeline prepared = runtime.prepare(spec, folder);
            ComputationGraph graph = prepared.network().graph();
            double tokens = (double) batch * length;
            double forward = tokens / medianSeconds(repetitions, cpuClock,
                    () -> graph.output(false, new INDArray[] {ids}, new INDArray[] {mask}));
            graph.setInputs(ids);
            graph.setLabels(labels);
            graph.setLayerMaskArrays(new INDArray[] {mask}, null);
            double both = tokens / medianSeconds(repetitions, cpuClock, graph::computeGradientAndScore);
            System.out.printf("| %s, top %s layers tuned | %.0f | %.0f |%n", tuning[0], tuning[1], forward, both);
        }
    }

    /** The median seconds (wall, or the thread's CPU) of {@code repetitions} timed passes, after one untimed warm-up. */
    private static double medianSeconds(int repetitions, boolean cpuClock, Runnable pass) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        LongSupplier clock = cpuClock ? threads::getCurrentThreadCpuTime : System::nanoTime;
        pass.run();
        double[] seconds = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            long start = clock.getAsLong();
            pass.run();
            seconds[r] = (clock.getAsLong() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return repetitions % 2 == 1 ? seconds[repetitions / 2] : (seconds[repetitions / 2 - 1] + seconds[repetitions / 2]) / 2;
    }
}
