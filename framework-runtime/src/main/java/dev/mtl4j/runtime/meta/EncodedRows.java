package dev.mtl4j.runtime.meta;

import dev.mtl4j.runtime.data.EncodedData;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Picking rows out of encoded data, and handing them to DL4J as one batch. */
final class EncodedRows {
    private EncodedRows() {
    }

    /** The given rows, in that order. */
    static EncodedData subset(EncodedData data, int[] rows) {
        List<INDArray> labels = new ArrayList<>();
        List<INDArray> masks = new ArrayList<>();
        for (int t = 0; t < data.labels().size(); t++) {
            labels.add(Nd4j.pullRows(data.labels().get(t), 1, rows));
            masks.add(data.masks().get(t) == null ? null : Nd4j.pullRows(data.masks().get(t), 1, rows));
        }
        INDArray featureMask = data.featureMask() == null ? null : Nd4j.pullRows(data.featureMask(), 1, rows);
        return new EncodedData(Nd4j.pullRows(data.features(), 1, rows), labels, masks, featureMask);
    }

    /** The rows of several parts one after the other; a task's mask is null only when no part has one. */
    static EncodedData stack(List<EncodedData> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        List<INDArray> labels = new ArrayList<>();
        List<INDArray> masks = new ArrayList<>();
        for (int t = 0; t < parts.get(0).labels().size(); t++) {
            int task = t;
            labels.add(Nd4j.vstack(parts.stream().map(p -> p.labels().get(task)).toArray(INDArray[]::new)));
            boolean masked = parts.stream().anyMatch(p -> p.masks().get(task) != null);
            masks.add(!masked ? null : Nd4j.vstack(parts.stream().map(p -> p.masks().get(task) != null ? p.masks().get(task)
                    : Nd4j.ones(p.labels().get(task).dataType(), p.size(), 1)).toArray(INDArray[]::new)));
        }
        INDArray featureMask = parts.get(0).featureMask() == null ? null
                : Nd4j.vstack(parts.stream().map(EncodedData::featureMask).toArray(INDArray[]::new));
        return new EncodedData(Nd4j.vstack(parts.stream().map(EncodedData::features).toArray(INDArray[]::new)), labels, masks,
                featureMask);
    }

    /** All the rows as one batch: features, every task's labels, and the label masks when a label is missing. */
    static MultiDataSet batch(EncodedData data) {
        boolean masked = data.masks().stream().anyMatch(m -> m != null);
        return new MultiDataSet(new INDArray[] {data.features()}, data.labels().toArray(INDArray[]::new),
                data.featureMasks(), masked ? data.masks().toArray(INDArray[]::new) : null);
    }
}
