package dev.mtl4j.runtime.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import dev.mtl4j.runtime.memory.NativeMemoryGuard;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Runs a network over rows in passes of {@link #rowsPerPass} rows, so that no forward pass is larger
 * than one pass, whatever the number of rows.
 */
public final class Predictor {
    /** Rows per forward pass when scoring rows of flat features. */
    public static final int BATCH = 4096;
    /**
     * Sequence positions per forward pass when scoring sequences: a sequence network's activations
     * grow with rows × positions (a transformer's attention with rows × positions²), so 4,096 rows of
     * 64 word pieces in one pass took gigabytes.
     */
    static final int SEQUENCE_POSITIONS = 4096;
    /** The fewest rows of sequences per pass, so that long sequences still score in useful batches. */
    static final int MIN_SEQUENCE_ROWS = 16;

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
        int pass = rowsPerPass(features, featureMask);
        NativeMemoryGuard memory = NativeMemoryGuard.start();
        for (long start = 0; start < rows; start += pass) {
            INDArray[] out = batch(graph, features, featureMask, start, Math.min(rows, start + pass));
            for (int i = 0; i < outputCount; i++) {
                parts.get(i).add(out[i].detach());
            }
            memory.check();
        }
        INDArray[] result = new INDArray[outputCount];
        for (int i = 0; i < outputCount; i++) {
            result[i] = parts.get(i).size() == 1 ? parts.get(i).get(0) : Nd4j.vstack(parts.get(i));
        }
        return result;
    }

    /**
     * How many rows one forward pass scores: {@link #BATCH} of flat features; of sequences (a token
     * mask, or features {@code [rows, channels, positions]}) as many as make
     * {@link #SEQUENCE_POSITIONS} positions, and at least {@link #MIN_SEQUENCE_ROWS}.
     */
    public static int rowsPerPass(INDArray features, INDArray featureMask) {
        long positions = featureMask != null ? featureMask.size(1) : features.rank() == 3 ? features.size(2) : 1;
        return positions <= 1 ? BATCH : (int) Math.max(MIN_SEQUENCE_ROWS, Math.min(BATCH, SEQUENCE_POSITIONS / positions));
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
