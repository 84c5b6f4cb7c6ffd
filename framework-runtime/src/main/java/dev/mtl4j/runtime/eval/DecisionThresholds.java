package dev.mtl4j.runtime.eval;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.data.TargetEncoder;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A binary task's decision threshold chosen on the validation rows after training ({@code
 * chooseThreshold: f1}): the probability cut with the best F1 of the positive value there. With a
 * weighted loss or a rare positive class the best cut is rarely 0.5; the validation rows choose it
 * so that the test rows still measure it honestly. The chosen threshold goes into the model's target
 * encoding, which metrics and predictions read.
 */
public final class DecisionThresholds {
    private DecisionThresholds() {
    }

    /** Before training: a task that chooses its threshold needs labelled validation rows. */
    public static void requireValidationRows(Preprocessor preprocessor, List<TaskSpec> tasks, EncodedData validation) {
        for (int t = 0; t < tasks.size(); t++) {
            String task = tasks.get(t).name();
            if (preprocessor.target(task).thresholdChoice() != null && (validation == null || labelled(validation, t) == 0)) {
                throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("tasks." + task + ".head.chooseThreshold",
                        "needs validation rows with the task's label to choose the threshold on: set data.split.validation"
                                + " (e.g. 0.1)"));
            }
        }
    }

    /** After training: the preprocessor with each asking task's threshold chosen on {@code validation}. */
    public static Preprocessor chosen(ComputationGraph graph, List<TaskSpec> tasks, Preprocessor preprocessor,
                                      EncodedData validation) {
        Preprocessor result = preprocessor;
        for (int t = 0; t < tasks.size(); t++) {
            String task = tasks.get(t).name();
            TargetEncoder target = preprocessor.target(task);
            if (target.thresholdChoice() == null) {
                continue;
            }
            List<Float> scores = new ArrayList<>();
            List<Boolean> positive = new ArrayList<>();
            int pass = Predictor.rowsPerPass(validation.features(), validation.featureMask());
            for (int start = 0; start < validation.size(); start += pass) {
                int end = Math.min(validation.size(), start + pass);
                float[] p = Predictor.values(Predictor.batch(graph, validation.features(), validation.featureMask(), start, end)[t]);
                float[] y = Predictor.values(Predictor.rows(validation.labels().get(t), start, end));
                INDArray mask = validation.masks().get(t);
                float[] m = mask == null ? null : Predictor.values(Predictor.rows(mask, start, end));
                for (int r = 0; r < p.length; r++) {
                    if (m == null || m[r] > 0) {
                        scores.add(p[r]);
                        positive.add(y[r] > 0.5f);
                    }
                }
            }
            result = result.withTarget(task, target.withThreshold(bestF1(scores, positive), target.thresholdChoice()));
        }
        return result;
    }

    /**
     * The threshold with the best F1 of the positive class when {@code score > threshold} predicts
     * positive: every cut between two neighbouring distinct scores is tried (the midpoint is
     * returned), the highest of equally good ones kept; 0.5 when there is no positive row.
     */
    static double bestF1(List<Float> scores, List<Boolean> positive) {
        long positives = positive.stream().filter(b -> b).count();
        if (positives == 0) {
            return TargetEncoder.DEFAULT_THRESHOLD;
        }
        Integer[] order = new Integer[scores.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(scores.get(b), scores.get(a)));
        long truePositives = 0;
        long predicted = 0;
        double best = -1;
        double threshold = TargetEncoder.DEFAULT_THRESHOLD;
        for (int i = 0; i < order.length; i++) {
            predicted++;
            truePositives += positive.get(order[i]) ? 1 : 0;
            float score = scores.get(order[i]);
            float below = i + 1 < order.length ? scores.get(order[i + 1]) : 0f;
            if (i + 1 < order.length && below == score) {
                continue; // a cut only between distinct scores
            }
            double f1 = 2.0 * truePositives / (predicted + positives);
            if (f1 > best) {
                best = f1;
                threshold = ((double) score + below) / 2;
            }
        }
        return threshold;
    }

    private static long labelled(EncodedData data, int task) {
        INDArray mask = data.masks().get(task);
        return mask == null ? data.size() : (long) mask.sumNumber().doubleValue();
    }
}
