package dev.mtl4j.examples.bench;

import java.util.Arrays;
import java.util.Locale;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.profiler.OpProfiler;

/**
 * Where a DL4J training step of the article's model goes: the time of one
 * {@code ComputationGraph.fit(MultiDataSet)} (workspaces on and off), of forward + backward alone
 * ({@code computeGradientAndScore}), of the Adam update on a parameter-sized vector, of the 13
 * matrix products a step needs on preallocated arrays ({@code Nd4j.gemm}), of {@code score()}, of
 * building a MultiDataSet from row views, and the number of native ops per step (ND4J's op
 * profiler). Medians of per-call times over the steps.
 *
 * <p>Arguments: [hidden=256] [batch=256] [steps=300] [--threads-call setting] (see {@link ThreadSettings}).
 */
public final class StepBreakdown {
    private StepBreakdown() {
    }

    public static void main(String[] args) {
        int hidden = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        String threads = args.length > 4 && args[3].equals("--threads-call") ? args[4] : "none";
        ThreadSettings.apply(threads);
        System.out.printf(Locale.ROOT, "hidden %d, batch %d, %d steps; --threads-call %s; %s%n", hidden, batch, steps, threads,
                ThreadSettings.describe());
        int in = SyntheticRegression.INPUTS;
        int out = SyntheticRegression.OUTPUTS;
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.randn(DataType.FLOAT, 4 * batch, in);
        INDArray[] y = new INDArray[3];
        for (int t = 0; t < 3; t++) {
            y[t] = Nd4j.randn(DataType.FLOAT, 4 * batch, out);
        }
        INDArrayIndex rows = NDArrayIndex.interval(batch, 2 * batch);
        MultiDataSet mds = new MultiDataSet(new INDArray[] {x.get(rows, NDArrayIndex.all())},
                Arrays.stream(y).map(a -> a.get(rows, NDArrayIndex.all())).toArray(INDArray[]::new));

        ComputationGraph ws = HandWrittenDl4j.network(42, hidden, WorkspaceMode.ENABLED);
        ComputationGraph noWs = HandWrittenDl4j.network(42, hidden, WorkspaceMode.NONE);
        long params = ws.numParams();
        double fit = median(steps, () -> ws.fit(mds));
        double fitNoWs = median(steps, () -> noWs.fit(mds));
        double score = median(steps, ws::score);
        double scoreForward = median(steps, () -> ws.score(mds));
        double gradient = median(steps, () -> {
            ws.setInputs(mds.getFeatures());
            ws.setLabels(mds.getLabels());
            ws.computeGradientAndScore();
        });
        ws.clearLayerMaskArrays();

        AdamUpdater adam = new AdamUpdater(new Adam(1e-3));
        INDArray state = Nd4j.zeros(DataType.FLOAT, 1, 2 * params);
        adam.setStateViewArray(state, new long[] {1, params}, 'c', true);
        INDArray grad = Nd4j.rand(DataType.FLOAT, 1, params);
        int[] iteration = {0};
        double adamStep = median(steps, () -> adam.applyUpdater(grad, iteration[0]++, 0));

        double slicing = median(steps, () -> {
            INDArrayIndex r = NDArrayIndex.interval(2 * batch, 3 * batch);
            INDArray[] labels = new INDArray[3];
            for (int t = 0; t < 3; t++) {
                labels[t] = y[t].get(r, NDArrayIndex.all());
            }
            new MultiDataSet(new INDArray[] {x.get(r, NDArrayIndex.all())}, labels);
        });

        // The 13 products of a step: forward 64→h, h→h, 3 × h→4; backward the weight gradients
        // (5) and the input gradients (h→h, 3 heads, and the first layer's, which DL4J computes).
        long b = batch;
        long h = hidden;
        long[][] shapes = {
            {b, in, h}, {b, h, h}, {b, h, out}, {b, h, out}, {b, h, out},           // forward: [m,k]·[k,n]
            {in, b, h}, {h, b, h}, {h, b, out}, {h, b, out}, {h, b, out},           // weight gradients: xᵀ·δ
            {b, h, in}, {b, h, h}, {b, out, h}, {b, out, h}, {b, out, h}};          // input gradients: δ·Wᵀ
        INDArray[][] operands = new INDArray[shapes.length][];
        double flops = 0;
        for (int i = 0; i < shapes.length; i++) {
            long[] s = shapes[i];
            operands[i] = new INDArray[] {Nd4j.rand(DataType.FLOAT, s[0], s[1]), Nd4j.rand(DataType.FLOAT, s[1], s[2]),
                Nd4j.zeros(DataType.FLOAT, s[0], s[2])};
            flops += 2.0 * s[0] * s[1] * s[2];
        }
        double gemm = median(steps, () -> {
            for (INDArray[] o : operands) {
                Nd4j.gemm(o[0], o[1], o[2], false, false, 1.0, 0.0);
            }
        });

        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
        OpProfiler.getInstance().reset();
        int profiled = 20;
        for (int i = 0; i < profiled; i++) {
            ws.fit(mds);
        }
        long ops = OpProfiler.getInstance().getInvocationsCount();
        String opCounts = OpProfiler.getInstance().getOpCounter().asString();
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);

        System.out.printf(Locale.ROOT, "parameters %d, samples/s at the fit median: %.0f%n", params, batch / (fit / 1e3));
        System.out.println("| per step | ms | share of fit |");
        System.out.println("|---|---|---|");
        row("fit(MultiDataSet), workspaces ENABLED", fit, fit);
        row("fit(MultiDataSet), workspaces NONE", fitNoWs, fit);
        row("forward + backward (computeGradientAndScore)", gradient, fit);
        row("Adam update of " + params + " parameters (AdamUpdater)", adamStep, fit);
        row("fit − forward/backward (update, bookkeeping)", fit - gradient, fit);
        row(String.format(Locale.ROOT, "15 matrix products on preallocated arrays (%.1f MFLOP)", flops / 1e6), gemm, fit);
        row("score() after fit (cached)", score, fit);
        row("score(MultiDataSet) (a forward pass)", scoreForward, fit);
        row("MultiDataSet from 4 row views", slicing, fit);
        System.out.printf(Locale.ROOT, "GEMM throughput %.1f GFLOP/s; native ops per fit step: %.1f (profiled %d steps)%n",
                flops / (gemm / 1e3) / 1e9, (double) ops / profiled, profiled);
        System.out.println("ops by name over the profiled steps:");
        System.out.println(opCounts);
    }

    private static void row(String what, double ms, double fit) {
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.0f %% |%n", what, ms, 100 * ms / fit);
    }

    /** Median milliseconds per call, after a warm-up of a fifth of the calls. */
    private static double median(int calls, Runnable call) {
        for (int i = 0; i < Math.max(10, calls / 5); i++) {
            call.run();
        }
        double[] ms = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[calls / 2];
    }
}
