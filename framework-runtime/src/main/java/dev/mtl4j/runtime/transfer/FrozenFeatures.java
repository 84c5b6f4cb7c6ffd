package dev.mtl4j.runtime.transfer;

import dev.mtl4j.runtime.data.EncodedData;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The frozen encoder's output for every row, computed once, in place of the rows' features: with
 * the encoder frozen, every epoch then costs the heads alone. The encoder runs a chunk of rows at a
 * time, each chunk's output copied into one array of all rows: memory is that array plus one
 * chunk's activations, whatever the number of rows.
 */
final class FrozenFeatures {
    static final int CHUNK = 4096;

    private FrozenFeatures() {
    }

    static EncodedData of(ComputationGraph graph, String vertex, EncodedData data) {
        return of(graph, vertex, data, CHUNK);
    }

    static EncodedData of(ComputationGraph graph, String vertex, EncodedData data, int chunk) {
        if (data == null) {
            return null;
        }
        long rows = data.features().size(0);
        INDArray features = null;
        for (long start = 0; start < rows; start += chunk) {
            INDArrayIndex range = NDArrayIndex.interval(start, Math.min(rows, start + chunk));
            INDArray batch = data.features().get(range, NDArrayIndex.all());
            if (data.featureMask() != null) {
                // token sequences: the encoder's masked layers (pooling, last step) need the padding mask
                graph.setLayerMaskArrays(new INDArray[] {data.featureMask().get(range, NDArrayIndex.all())}, null);
            }
            INDArray output = graph.feedForward(new INDArray[] {batch}, false, false).get(vertex);
            graph.clearLayerMaskArrays();
            if (features == null) {
                features = Nd4j.create(output.dataType(), rows, output.size(1));
            }
            features.get(range, NDArrayIndex.all()).assign(output);
        }
        return new EncodedData(features, data.labels(), data.masks());
    }
}
