package dev.mtl4j.runtime.eval;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Runs a network over many rows in batches, so memory stays bounded, and returns each output whole. */
public final class Predictor {
    private static final int BATCH = 4096;

    private Predictor() {
    }

    /** One array per network output, rows in input order. */
    public static INDArray[] outputs(ComputationGraph graph, INDArray features) {
        return outputs(graph, features, null);
    }

    /** As {@link #outputs(ComputationGraph, INDArray)}, with the token mask of sequence inputs (or null). */
    public static INDArray[] outputs(ComputationGraph graph, INDArray features, INDArray featureMask) {
        // Masks left by an earlier fit or score would be applied to these rows; predictions need none.
        graph.clearLayerMaskArrays();
        long rows = features.size(0);
        if (rows <= BATCH) {
            return detach(run(graph, features, featureMask));
        }
        int outputCount = graph.getConfiguration().getNetworkOutputs().size();
        List<List<INDArray>> parts = new ArrayList<>();
        for (int i = 0; i < outputCount; i++) {
            parts.add(new ArrayList<>());
        }
        for (long start = 0; start < rows; start += BATCH) {
            var range = NDArrayIndex.interval(start, Math.min(rows, start + BATCH));
            INDArray[] out = run(graph, features.get(range, NDArrayIndex.all()),
                    featureMask == null ? null : featureMask.get(range, NDArrayIndex.all()));
            for (int i = 0; i < outputCount; i++) {
                parts.get(i).add(out[i].detach());
            }
        }
        INDArray[] result = new INDArray[outputCount];
        for (int i = 0; i < outputCount; i++) {
            result[i] = Nd4j.vstack(parts.get(i));
        }
        return result;
    }

    private static INDArray[] run(ComputationGraph graph, INDArray features, INDArray featureMask) {
        if (featureMask == null) {
            return graph.output(false, features);
        }
        INDArray[] out = graph.output(false, new INDArray[] {features}, new INDArray[] {featureMask});
        graph.clearLayerMaskArrays();
        return out;
    }

    private static INDArray[] detach(INDArray[] arrays) {
        INDArray[] copies = new INDArray[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            copies[i] = arrays[i].detach();
        }
        return copies;
    }
}
