package dev.mtl4j.runtime.eval;

import dev.mtl4j.runtime.data.EncodedData;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * At most {@code n} rows of some encoded rows, spread evenly over them (row {@code i·size/n}), so a
 * sample of stacked data sets holds rows of each: a fixed, cheap stand-in for a large split.
 */
public final class RowSample {
    private RowSample() {
    }

    /** The rows themselves when there are no more than {@code n}. */
    public static EncodedData spread(EncodedData data, int n) {
        int size = data.size();
        if (size <= n) {
            return data;
        }
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = (int) ((long) i * size / n);
        }
        List<INDArray> labels = new ArrayList<>();
        data.labels().forEach(l -> labels.add(l.getRows(rows)));
        List<INDArray> masks = new ArrayList<>();
        data.masks().forEach(m -> masks.add(m == null ? null : m.getRows(rows)));
        return new EncodedData(data.features().getRows(rows), labels, masks,
                data.featureMask() == null ? null : data.featureMask().getRows(rows));
    }
}
