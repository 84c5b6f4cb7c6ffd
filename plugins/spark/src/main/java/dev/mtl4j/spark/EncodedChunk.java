package dev.mtl4j.spark;

import dev.mtl4j.runtime.data.EncodedData;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One partition's rows encoded, as plain float arrays (row-major) that Spark can cache and ship:
 * features, and per task its labels and its label mask (null when no label of the task is missing
 * in these rows), as {@link EncodedData} holds them.
 */
final class EncodedChunk implements Serializable {
    private static final long serialVersionUID = 1L;

    final int rows;
    final int width;
    final float[] features;
    final int[] labelWidths;
    final float[][] labels;
    final int[] maskWidths;
    final float[][] masks;

    private EncodedChunk(int rows, int width, float[] features, int[] labelWidths, float[][] labels, int[] maskWidths,
                         float[][] masks) {
        this.rows = rows;
        this.width = width;
        this.features = features;
        this.labelWidths = labelWidths;
        this.labels = labels;
        this.maskWidths = maskWidths;
        this.masks = masks;
    }

    static EncodedChunk of(EncodedData data) {
        int tasks = data.labels().size();
        int[] labelWidths = new int[tasks];
        float[][] labels = new float[tasks][];
        int[] maskWidths = new int[tasks];
        float[][] masks = new float[tasks][];
        for (int t = 0; t < tasks; t++) {
            labelWidths[t] = (int) data.labels().get(t).size(1);
            labels[t] = floats(data.labels().get(t));
            INDArray mask = data.masks().get(t);
            maskWidths[t] = mask == null ? 0 : (int) mask.size(1);
            masks[t] = mask == null ? null : floats(mask);
        }
        return new EncodedChunk(data.size(), (int) data.features().size(1), floats(data.features()), labelWidths, labels,
                maskWidths, masks);
    }

    /** The rows back as network arrays. */
    EncodedData toData() {
        List<INDArray> labelArrays = new ArrayList<>();
        List<INDArray> maskArrays = new ArrayList<>();
        for (int t = 0; t < labels.length; t++) {
            labelArrays.add(matrix(labels[t], labelWidths[t]));
            maskArrays.add(masks[t] == null ? null : matrix(masks[t], maskWidths[t]));
        }
        return new EncodedData(matrix(features, width), labelArrays, maskArrays);
    }

    boolean anyMask() {
        for (float[] mask : masks) {
            if (mask != null) {
                return true;
            }
        }
        return false;
    }

    private INDArray matrix(float[] values, int columns) {
        return rows == 0 ? Nd4j.create(DataType.FLOAT, 0, columns) : Nd4j.create(values, new long[] {rows, columns}, 'c');
    }

    private static float[] floats(INDArray array) {
        return array.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
