package dev.mtl4j.runtime.compare;

import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.TargetKind;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.TargetEncoder;
import dev.mtl4j.runtime.eval.Metrics;
import dev.mtl4j.runtime.eval.Predictor;
import dev.mtl4j.runtime.model.TrainedModel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One task's predictions and labels on the rows that have its label, as flat arrays (row-major):
 * what two models are compared on, row by row, and resampled for a bootstrap.
 *
 * @param kind the task's target kind
 * @param width values per row
 * @param predicted {@code rows × width} probabilities, or values in the target's units
 * @param labels {@code rows × width}, likewise
 * @param mask {@code rows × width}, 1 where the label is present (a multilabel row may lack some)
 */
public record TaskRows(TargetKind kind, int width, float[] predicted, float[] labels, float[] mask) {

    public int rows() {
        return width == 0 ? 0 : labels.length / width;
    }

    /** Every task's rows of a model on some encoded rows, in task order. */
    public static Map<String, TaskRows> of(TrainedModel model, EncodedData data) {
        INDArray[] outputs = Predictor.outputs(model.graph(), data.features(), data.featureMask());
        Map<String, TaskRows> result = new LinkedHashMap<>();
        for (int t = 0; t < model.spec().tasks().size(); t++) {
            TaskSpec task = model.spec().tasks().get(t);
            TargetEncoder target = model.preprocessor().target(task.name());
            INDArray predicted = outputs[t];
            INDArray labels = data.labels().get(t);
            if (target.info().kind() == TargetKind.NUMERIC) {
                predicted = target.restore(predicted);
                labels = target.restore(labels);
            }
            result.put(task.name(), labelled(target.info().kind(), target.width(), Predictor.values(predicted),
                    Predictor.values(labels), data.masks().get(t) == null ? null : Predictor.values(data.masks().get(t))));
        }
        return result;
    }

    /** Keeps the rows with at least one label; the mask becomes one value per cell. */
    private static TaskRows labelled(TargetKind kind, int width, float[] predicted, float[] labels, float[] mask) {
        int rows = labels.length / width;
        int maskWidth = mask == null ? 0 : mask.length / Math.max(rows, 1);
        int kept = 0;
        boolean[] keep = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width && !keep[r]; c++) {
                keep[r] = mask == null || mask[r * maskWidth + (maskWidth == 1 ? 0 : c)] > 0;
            }
            kept += keep[r] ? 1 : 0;
        }
        float[] p = new float[kept * width];
        float[] y = new float[kept * width];
        float[] m = new float[kept * width];
        int at = 0;
        for (int r = 0; r < rows; r++) {
            if (!keep[r]) {
                continue;
            }
            for (int c = 0; c < width; c++) {
                p[at * width + c] = predicted[r * width + c];
                y[at * width + c] = labels[r * width + c];
                m[at * width + c] = mask == null || mask[r * maskWidth + (maskWidth == 1 ? 0 : c)] > 0 ? 1 : 0;
            }
            at++;
        }
        return new TaskRows(kind, width, p, y, m);
    }

    /** The rows at these indexes (with repeats, for a bootstrap). */
    public TaskRows pick(int[] indexes) {
        float[] p = new float[indexes.length * width];
        float[] y = new float[indexes.length * width];
        float[] m = new float[indexes.length * width];
        for (int i = 0; i < indexes.length; i++) {
            System.arraycopy(predicted, indexes[i] * width, p, i * width, width);
            System.arraycopy(labels, indexes[i] * width, y, i * width, width);
            System.arraycopy(mask, indexes[i] * width, m, i * width, width);
        }
        return new TaskRows(kind, width, p, y, m);
    }

    /** The task's metrics on these rows (the same as after training: {@link Metrics}). */
    public Map<String, Double> metrics() {
        return Metrics.compute(kind, width, predicted, labels, mask, width);
    }

    /** Whether another model's rows are these rows: the same count and the same labels. */
    public boolean alignsWith(TaskRows other) {
        return width == other.width && java.util.Arrays.equals(labels, other.labels) && java.util.Arrays.equals(mask, other.mask);
    }
}
