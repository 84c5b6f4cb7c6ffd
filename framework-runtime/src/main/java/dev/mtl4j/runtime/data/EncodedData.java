package dev.mtl4j.runtime.data;

import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Network arrays for some rows: the features, and per task (in the pipeline's task order) its labels
 * and mask. A mask is null when none of the task's labels is missing in these rows; labels and masks
 * are empty lists for data encoded for prediction.
 *
 * @param features float32 {@code [rows, featureWidth]}
 * @param labels one array per task
 * @param masks one mask per task, or null entries
 * @param featureMask {@code [rows, featureWidth]}, 1 for a token and 0 for padding, when the features
 *     are token-id sequences; null otherwise
 */
public record EncodedData(INDArray features, List<INDArray> labels, List<INDArray> masks, INDArray featureMask) {

    public EncodedData {
        labels = List.copyOf(labels);
        masks = Collections.unmodifiableList(new java.util.ArrayList<>(masks));
    }

    /** Rows without a feature mask (every input but token sequences). */
    public EncodedData(INDArray features, List<INDArray> labels, List<INDArray> masks) {
        this(features, labels, masks, null);
    }

    /** The feature masks as DL4J takes them: null, or one per network input. */
    public INDArray[] featureMasks() {
        return featureMask == null ? null : new INDArray[] {featureMask};
    }

    /** The number of rows. */
    public int size() {
        return (int) features.size(0);
    }
}
