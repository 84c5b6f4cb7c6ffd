package dev.mtl4j.runtime.reference;

import dev.mtl4j.api.spi.TargetKind;
import dev.mtl4j.runtime.data.EncodedData;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One task's XGBoost model(s): one multi-class model for a classification task, one model per
 * output column for binary, multi-label and regression tasks, each on the training rows whose label
 * is present. Predictions come back in the network's output layout ({@code rows × width}:
 * probabilities, or standardised values), so the network's metric code measures them.
 */
final class XgboostTask {
    private XgboostTask() {
    }

    static Map<String, float[]> fitAndPredict(ReferenceModel model, TargetKind kind, int width, EncodedData train, int task,
                                              Map<String, EncodedData> splits, long seed) {
        try {
            Map<String, float[]> predictions = new LinkedHashMap<>();
            splits.forEach((name, rows) -> predictions.put(name, new float[rows.size() * width]));
            float[] features = ReferenceRuns.flat(train.features());
            int columns = (int) train.features().size(1);
            float[] labels = ReferenceRuns.flat(train.labels().get(task));
            INDArray maskArray = train.masks().get(task);
            float[] mask = maskArray == null ? null : ReferenceRuns.flat(maskArray);
            int maskWidth = maskArray == null ? 0 : (int) maskArray.size(1);
            if (kind == TargetKind.CATEGORICAL) {
                float[] classes = new float[train.size()];
                for (int r = 0; r < classes.length; r++) {
                    classes[r] = argmax(labels, r * width, width);
                }
                fit(model, "multi:softprob", width, features, columns, classes, rowsWith(mask, maskWidth, 0, train.size()),
                        splits, predictions, width, 0, seed);
            } else {
                String objective = kind == TargetKind.NUMERIC ? "reg:squarederror" : "binary:logistic";
                for (int column = 0; column < width; column++) {
                    float[] target = new float[train.size()];
                    for (int r = 0; r < target.length; r++) {
                        target[r] = labels[r * width + column];
                    }
                    fit(model, objective, 0, features, columns, target, rowsWith(mask, maskWidth, column, train.size()),
                            splits, predictions, width, column, seed);
                }
            }
            return predictions;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        }
    }

    private static void fit(ReferenceModel model, String objective, int classes, float[] features, int columns, float[] target,
                            int[] rows, Map<String, EncodedData> splits, Map<String, float[]> predictions, int width,
                            int column, long seed) throws XGBoostError {
        float[] x = new float[rows.length * columns];
        float[] y = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(features, rows[i] * columns, x, i * columns, columns);
            y[i] = target[rows[i]];
        }
        DMatrix matrix = new DMatrix(x, rows.length, columns, Float.NaN);
        Booster booster = null;
        try {
            matrix.setLabel(y);
            booster = XGBoost.train(matrix, model.parameters(objective, classes, rows.length, seed), model.rounds(), new HashMap<>(), null, null);
            for (Map.Entry<String, EncodedData> split : splits.entrySet()) {
                EncodedData rowsOf = split.getValue();
                DMatrix scored = new DMatrix(ReferenceRuns.flat(rowsOf.features()), rowsOf.size(), columns, Float.NaN);
                try {
                    float[][] predicted = booster.predict(scored);
                    float[] out = predictions.get(split.getKey());
                    for (int r = 0; r < predicted.length; r++) {
                        if (classes > 0) {
                            System.arraycopy(predicted[r], 0, out, r * width, width);
                        } else {
                            out[r * width + column] = predicted[r][0];
                        }
                    }
                } finally {
                    scored.dispose();
                }
            }
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            matrix.dispose();
        }
    }

    /** The rows whose label (of {@code column}, for a per-output mask) is present. */
    private static int[] rowsWith(float[] mask, int maskWidth, int column, int rows) {
        if (mask == null) {
            return java.util.stream.IntStream.range(0, rows).toArray();
        }
        int at = maskWidth == 1 ? 0 : column;
        return java.util.stream.IntStream.range(0, rows).filter(r -> mask[r * maskWidth + at] > 0).toArray();
    }

    private static int argmax(float[] values, int from, int length) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (values[from + i] > values[from + best]) {
                best = i;
            }
        }
        return best;
    }
}
