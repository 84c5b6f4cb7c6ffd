package dev.mtl4j.runtime.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/** Which tasks a batch holds labels of. */
final class TaskMasks {
    private TaskMasks() {
    }

    /** Whether the batch holds a label of each output: it has no mask for it, or a mask that is not all zeros. */
    static boolean[] present(MultiDataSet batch) {
        boolean[] present = new boolean[batch.numLabelsArrays()];
        INDArray[] masks = batch.getLabelsMaskArrays();
        for (int i = 0; i < present.length; i++) {
            present[i] = masks == null || masks[i] == null || masks[i].sumNumber().doubleValue() > 0;
        }
        return present;
    }
}
