package dev.mtl4j.runtime.transfer;

import dev.mtl4j.runtime.data.EncodedData;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The frozen encoder's output for every row, computed once, in place of the rows' features: with
 * the encoder frozen, every epoch then costs the heads alone.
 */
final class FrozenFeatures {
    private static final int BATCH = 4096;

    private FrozenFeatures() {
    }

    static EncodedData of(ComputationGraph graph, String vertex, EncodedData data) {
        if (data == null) {
            return null;
        }
        long rows = data.features().size(0);
        List<INDArray> parts = new ArrayList<>();
        for (long start = 0; start < rows; start += BATCH) {
            var range = NDArrayIndex.interval(start, Math.min(rows, start + BATCH));
            INDArray batch = data.features().get(range, NDArrayIndex.all());
            if (data.featureMask() != null) {
                // token sequences: the encoder's masked layers (pooling, last step) need the padding mask
                graph.setLayerMaskArrays(new INDArray[] {data.featureMask().get(range, NDArrayIndex.all())}, null);
            }
            parts.add(graph.feedForward(new INDArray[] {batch}, false, false).get(vertex).detach());
            graph.clearLayerMaskArrays();
        }
        INDArray features = parts.size() == 1 ? parts.get(0) : Nd4j.vstack(parts);
        return new EncodedData(features, data.labels(), data.masks());
    }
}
