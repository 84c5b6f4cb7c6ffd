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

    /**
     * The rows of several encodings, one after the other (every part encoded by one preprocessor,
     * each with a mask for every task); null for no parts.
     */
    public static EncodedData stack(List<EncodedData> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int tasks = parts.get(0).labels().size();
        java.util.List<INDArray> labels = new java.util.ArrayList<>();
        java.util.List<INDArray> masks = new java.util.ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            int task = t;
            labels.add(org.nd4j.linalg.factory.Nd4j.vstack(parts.stream().map(p -> p.labels().get(task)).toArray(INDArray[]::new)));
            masks.add(org.nd4j.linalg.factory.Nd4j.vstack(parts.stream().map(p -> p.masks().get(task)).toArray(INDArray[]::new)));
        }
        INDArray features = org.nd4j.linalg.factory.Nd4j.vstack(parts.stream().map(EncodedData::features).toArray(INDArray[]::new));
        // token sequences are padded to one length, so their masks stack like the features
        INDArray featureMask = parts.get(0).featureMask() == null ? null
                : org.nd4j.linalg.factory.Nd4j.vstack(parts.stream().map(EncodedData::featureMask).toArray(INDArray[]::new));
        return new EncodedData(features, labels, masks, featureMask);
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
