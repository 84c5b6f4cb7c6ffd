package dev.mtl4j.runtime.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Runs a network over rows in batches of {@link #BATCH}, so that no forward pass is larger than one
 * batch, whatever the number of rows.
 */
public final class Predictor {
    /** Rows per forward pass when scoring. */
    public static final int BATCH = 4096;

    private Predictor() {
    }

    /** One array per network output, rows in input order. */
    public static INDArray[] outputs(ComputationGraph graph, INDArray features) {
        return outputs(graph, features, null);
    }

    /**
     * As {@link #outputs(ComputationGraph, INDArray)}, with the token mask of sequence inputs (or null).
     * The outputs are whole arrays ({@code rows × outputs}); callers that only reduce them (metrics,
     * gate weights) use {@link #batch} instead.
     */
    public static INDArray[] outputs(ComputationGraph graph, INDArray features, INDArray featureMask) {
        long rows = features.size(0);
        int outputCount = graph.getConfiguration().getNetworkOutputs().size();
        List<List<INDArray>> parts = new ArrayList<>();
        for (int i = 0; i < outputCount; i++) {
            parts.add(new ArrayList<>());
        }
        for (long start = 0; start < rows; start += BATCH) {
            INDArray[] out = batch(graph, features, featureMask, start, Math.min(rows, start + BATCH));
            for (int i = 0; i < outputCount; i++) {
                parts.get(i).add(out[i].detach());
            }
        }
        INDArray[] result = new INDArray[outputCount];
        for (int i = 0; i < outputCount; i++) {
            result[i] = parts.get(i).size() == 1 ? parts.get(i).get(0) : Nd4j.vstack(parts.get(i));
        }
        return result;
    }

    /** The network's outputs for rows {@code [start, end)} (every row when that is all of them). */
    public static INDArray[] batch(ComputationGraph graph, INDArray features, INDArray featureMask, long start, long end) {
        return batch(graph, features, featureMask, start, end, null);
    }

    /**
     * As {@link #batch(ComputationGraph, INDArray, INDArray, long, long)}, the outputs made in
     * {@code workspace} (open; null for ordinary arrays).
     */
    static INDArray[] batch(ComputationGraph graph, INDArray features, INDArray featureMask, long start, long end,
                            MemoryWorkspace workspace) {
        // Masks left by an earlier fit or score would be applied to these rows; predictions need none.
        graph.clearLayerMaskArrays();
        INDArray[] masks = featureMask == null ? null : new INDArray[] {rows(featureMask, start, end)};
        INDArray[] out = graph.output(false, new INDArray[] {rows(features, start, end)}, masks, null, workspace);
        graph.clearLayerMaskArrays();
        return out;
    }

    /** Rows {@code [start, end)} of a matrix (the matrix itself when that is all of it). */
    public static INDArray rows(INDArray array, long start, long end) {
        return start == 0 && end == array.size(0) ? array : array.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
    }

    /** The values of an array as float32, row-major: one flat array, no object per row. */
    public static float[] values(INDArray array) {
        INDArray plain = array.castTo(DataType.FLOAT);
        if (plain.isView() || plain.ordering() != 'c') {
            plain = plain.dup('c');
        }
        float[] values = plain.data().asFloat();
        return values.length == plain.length() ? values : Arrays.copyOf(values, (int) plain.length());
    }
}
