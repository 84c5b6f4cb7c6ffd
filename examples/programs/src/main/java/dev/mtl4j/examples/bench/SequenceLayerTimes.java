package dev.mtl4j.examples.bench;

import dev.mtl4j.api.graph.Dl4jLayerWithOwnRunner;
import dev.mtl4j.api.graph.LayerWiring;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A text pipeline's sequence layer alone — the 1-D convolution of {@code body: cnn}, the LSTM of
 * {@code body: lstm} — DL4J's own running layer against the text plugin's ({@code TokenConvolution},
 * {@code TokenLstm}), on the pipeline's first training batch and the same parameters: CPU milliseconds
 * of the training thread for a forward pass and for a forward and backward pass, the two layers
 * alternating, medians; and the largest difference between their outputs and input errors.
 *
 * <p>Arguments: PIPELINE.yaml [repetitions=20]. Run with OMP_NUM_THREADS=1 for one thread.
 */
public final class SequenceLayerTimes {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private SequenceLayerTimes() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]).toAbsolutePath();
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        MtlRuntime runtime = MtlRuntime.create();
        PipelineSpec spec = runtime.loadPipeline(file);
        PreparedPipeline prepared = runtime.prepare(spec, file.getParent());
        ComputationGraph graph = prepared.network().graph();
        graph.initGradientsView();
        int batch = spec.training().batchSize();
        INDArray tokens = firstRows(prepared.train().features(), batch);
        INDArray mask = firstRows(prepared.train().featureMask(), batch);

        String name = sequenceLayer(graph);
        String reads = graph.getConfiguration().getVertexInputs().get(name).get(0);
        graph.setLayerMaskArrays(new INDArray[] {mask}, null);
        INDArray input = graph.feedForward(tokens, true).get(reads).dup();
        Layer ours = unwrapped(graph.getLayer(name));
        Layer dl4j = dl4jsOwn(ours);
        INDArray epsilon = Nd4j.rand(DataType.FLOAT, ours.activate(input, true, LayerWorkspaceMgr.noWorkspaces()).shape())
                .subi(0.5);
        // no error at padded steps, as the layers reading a sequence give none
        Broadcast.mul(epsilon, mask.castTo(DataType.FLOAT), epsilon, 0, 2);

        System.out.printf(Locale.ROOT, "%s: layer %s (%s), batch %d, input %s, %d repetitions after %d warm-up; %s%n",
                spec.name(), name, ours.conf().getLayer().getClass().getSimpleName(), batch, Arrays.toString(input.shape()), reps,
                reps / 4, System.getenv("OMP_NUM_THREADS") == null ? "OMP_NUM_THREADS unset" : "OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS"));
        double[][] times = new double[4][reps];
        INDArray[][] results = new INDArray[2][];
        for (int r = -reps / 4; r < reps; r++) {
            int at = Math.max(r, 0);
            times[0][at] = forward(dl4j, input, mask);
            times[1][at] = forward(ours, input, mask);
            double[] both = new double[2];
            results[0] = forwardAndBackward(dl4j, input, mask, epsilon, both, 0);
            results[1] = forwardAndBackward(ours, input, mask, epsilon, both, 1);
            times[2][at] = both[0];
            times[3][at] = both[1];
        }
        System.out.println("| CPU ms, median | DL4J's layer | mtl4j's layer | DL4J / mtl4j |");
        System.out.println("|---|---|---|---|");
        row("forward", median(times[0]), median(times[1]));
        row("forward + backward", median(times[2]), median(times[3]));
        System.out.printf(Locale.ROOT, "largest difference, DL4J's against mtl4j's: output %.2e, input error %.2e%n",
                difference(results[0][0], results[1][0]), difference(results[0][1], results[1][1]));
    }

    /** The vertex whose layer (unwrapped) is a DL4J layer run by mtl4j's own running layer. */
    private static String sequenceLayer(ComputationGraph graph) {
        for (Map.Entry<String, org.deeplearning4j.nn.conf.graph.GraphVertex> vertex : graph.getConfiguration().getVertices().entrySet()) {
            if (vertex.getValue() instanceof LayerVertex layer) {
                org.deeplearning4j.nn.conf.layers.Layer conf = layer.getLayerConf().getLayer();
                while (conf instanceof BaseWrapperLayer wrapper) {
                    conf = wrapper.getUnderlying();
                }
                if (conf instanceof Dl4jLayerWithOwnRunner) {
                    return vertex.getKey();
                }
            }
        }
        throw new IllegalArgumentException("the pipeline has no convolution or LSTM of the text plugin (body: cnn or lstm)");
    }

    private static Layer unwrapped(Layer layer) {
        Layer inner = layer;
        while (inner instanceof org.deeplearning4j.nn.layers.wrapper.BaseWrapperLayer wrapper) {
            inner = wrapper.getUnderlying();
        }
        return inner;
    }

    /** DL4J's own running layer for the same configuration, with a copy of the parameters. */
    private static Layer dl4jsOwn(Layer ours) {
        NeuralNetConfiguration conf = ours.conf();
        Layer own = conf.getLayer() instanceof org.deeplearning4j.nn.conf.layers.LSTM
                ? new org.deeplearning4j.nn.layers.recurrent.LSTM(conf, DataType.FLOAT)
                : new org.deeplearning4j.nn.layers.convolution.Convolution1DLayer(conf, DataType.FLOAT);
        LayerWiring.wire(own, conf, List.of(), 0, Nd4j.zeros(DataType.FLOAT, 1, ours.numParams()), false,
                conf.getLayer().initializer());
        own.setBackpropGradientsViewArray(Nd4j.zeros(DataType.FLOAT, 1, ours.numParams()));
        own.setParams(ours.params().dup());
        return own;
    }

    private static double forward(Layer layer, INDArray input, INDArray mask) {
        LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
        long start = CPU.getCurrentThreadCpuTime();
        layer.setInput(input, none);
        layer.setMaskArray(mask);
        layer.activate(true, none);
        return (CPU.getCurrentThreadCpuTime() - start) / 1e6;
    }

    /** Times a forward and backward pass into {@code times[at]}; returns the output and the input error. */
    private static INDArray[] forwardAndBackward(Layer layer, INDArray input, INDArray mask, INDArray epsilon, double[] times, int at) {
        LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
        long start = CPU.getCurrentThreadCpuTime();
        layer.setInput(input, none);
        layer.setMaskArray(mask);
        INDArray output = layer.activate(true, none);
        INDArray inputError = layer.backpropGradient(epsilon, none).getSecond();
        times[at] = (CPU.getCurrentThreadCpuTime() - start) / 1e6;
        return new INDArray[] {output, inputError};
    }

    private static INDArray firstRows(INDArray array, int rows) {
        return array.get(NDArrayIndex.interval(0, Math.min(rows, array.size(0))), NDArrayIndex.all()).dup();
    }

    private static void row(String what, double dl4j, double ours) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f× |%n", what, dl4j, ours, dl4j / ours);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double difference(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }
}
