package dev.mtl4j.runtime.predict;

import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.runtime.data.TargetEncoder;
import dev.mtl4j.runtime.eval.OrdinalRanks;
import dev.mtl4j.runtime.eval.Predictor;
import dev.mtl4j.runtime.model.TrainedModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The network's outputs as typed predictions, by the same rules as {@code mtl predict}: the class
 * with the highest probability, a binary class above 0.5, a label above 0.5, a value restored to
 * the target's units.
 */
final class Outputs {
    private final List<String> tasks = new ArrayList<>();
    private final List<TargetEncoder> targets = new ArrayList<>();

    Outputs(TrainedModel model) {
        for (TaskSpec task : model.spec().tasks()) {
            tasks.add(task.name());
            targets.add(model.preprocessor().target(task.name()));
        }
    }

    List<Prediction> read(INDArray[] outputs, int rows) {
        List<float[]> values = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            TargetEncoder target = targets.get(t);
            INDArray output = target.info().kind() == dev.mtl4j.api.spi.TargetKind.NUMERIC ? target.restore(outputs[t]) : outputs[t];
            values.add(Predictor.values(output));
            widths.add((int) output.size(1));
        }
        List<Prediction> predictions = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            Map<String, TaskPrediction> byTask = new LinkedHashMap<>();
            for (int t = 0; t < tasks.size(); t++) {
                int width = widths.get(t);
                float[] row = new float[width];
                System.arraycopy(values.get(t), r * width, row, 0, width);
                byTask.put(tasks.get(t), prediction(targets.get(t), row));
            }
            predictions.add(new Prediction(byTask));
        }
        return predictions;
    }

    private static TaskPrediction prediction(TargetEncoder target, float[] output) {
        return switch (target.info().kind()) {
            case CATEGORICAL -> {
                Map<String, Double> probabilities = new LinkedHashMap<>();
                int best = 0;
                for (int i = 0; i < output.length; i++) {
                    probabilities.put(target.className(i), decimal(output[i]));
                    best = output[i] > output[best] ? i : best;
                }
                yield new ClassPrediction(target.className(best), decimal(output[best]), probabilities);
            }
            case ORDINAL -> {
                double[] classes = OrdinalRanks.probabilities(output, 0, output.length);
                Map<String, Double> probabilities = new LinkedHashMap<>();
                for (int i = 0; i < classes.length; i++) {
                    probabilities.put(target.className(i), decimal((float) classes[i]));
                }
                int rank = OrdinalRanks.rank(output, 0, output.length);
                yield new ClassPrediction(target.className(rank), decimal((float) classes[rank]), probabilities);
            }
            case BINARY -> {
                boolean positive = output[0] > target.threshold();
                Map<String, Double> probabilities = new LinkedHashMap<>();
                probabilities.put(target.className(0), decimal(1 - output[0]));
                probabilities.put(target.className(1), decimal(output[0]));
                yield new ClassPrediction(target.className(positive ? 1 : 0), decimal(positive ? output[0] : 1 - output[0]),
                        probabilities);
            }
            case MULTILABEL -> {
                Map<String, Boolean> labels = new LinkedHashMap<>();
                Map<String, Double> probabilities = new LinkedHashMap<>();
                for (int i = 0; i < output.length; i++) {
                    labels.put(target.className(i), output[i] > 0.5f);
                    probabilities.put(target.className(i), decimal(output[i]));
                }
                yield new LabelsPrediction(labels, probabilities);
            }
            case NUMERIC -> {
                Map<String, Double> values = new LinkedHashMap<>();
                for (int i = 0; i < output.length; i++) {
                    values.put(target.className(i), decimal(output[i]));
                }
                yield new ValuesPrediction(values);
            }
        };
    }

    /**
     * A float output as the double its shortest decimal text reads (0.7 rather than 0.699999988...): the
     * value {@code mtl predict} writes, and what JSON shows.
     */
    private static double decimal(float value) {
        return Double.parseDouble(Float.toString(value));
    }
}
