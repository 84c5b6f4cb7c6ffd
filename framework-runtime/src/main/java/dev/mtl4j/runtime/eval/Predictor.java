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
        // Masks left by an earlier fit or score would be applied to these rows; predictions need none.
        graph.clearLayerMaskArrays();
        long rows = features.size(0);
        if (rows <= BATCH) {
            return detach(graph.output(false, features));
        }
        int outputCount = graph.getConfiguration().getNetworkOutputs().size();
        List<List<INDArray>> parts = new ArrayList<>();
        for (int i = 0; i < outputCount; i++) {
            parts.add(new ArrayList<>());
        }
        for (long start = 0; start < rows; start += BATCH) {
            INDArray batch = features.get(NDArrayIndex.interval(start, Math.min(rows, start + BATCH)), NDArrayIndex.all());
            INDArray[] out = graph.output(false, batch);
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

    private static INDArray[] detach(INDArray[] arrays) {
        INDArray[] copies = new INDArray[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            copies[i] = arrays[i].detach();
        }
        return copies;
    }
}
