package dev.mtl4j.runtime.eval;

import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.BatchWorkspace;
import dev.mtl4j.api.spi.TargetKind;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.data.TargetEncoder;
import dev.mtl4j.runtime.memory.NativeMemoryGuard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * Per-task metrics and the joint loss of a network on encoded rows, in passes of
 * {@link Predictor#rowsPerPass} rows: memory holds one pass's outputs, never a split's. Regression
 * metrics are in the targets' original units.
 */
public final class Evaluator {
    /** The scoring loops' batch workspace (see {@link BatchWorkspace}). */
    private static final String SCORING = "MTL4J_SCORING";
    private Evaluator() {
    }

    /** Task name to metric name to value, in task order. */
    public static Map<String, Map<String, Double>> evaluate(ComputationGraph graph, EncodedData data,
                                                            List<TaskSpec> tasks, Preprocessor preprocessor) {
        int rows = data.size();
        TaskScore[] scores = new TaskScore[tasks.size()];
        TargetEncoder[] targets = new TargetEncoder[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            targets[t] = preprocessor.target(tasks.get(t).name());
            TargetKind kind = targets[t].info().kind();
            double[] means = kind == TargetKind.NUMERIC ? labelMeans(data, t, targets[t]) : null;
            scores[t] = new TaskScore(kind, targets[t].width(), means, targets[t].threshold());
        }
        int pass = Predictor.rowsPerPass(data.features(), data.featureMask());
        NativeMemoryGuard memory = NativeMemoryGuard.start();
        for (int start = 0; start < rows; start += pass) {
            int end = Math.min(rows, start + pass);
            memory.check();
            try (MemoryWorkspace workspace = BatchWorkspace.open(SCORING)) {
                INDArray[] outputs = Predictor.batch(graph, data.features(), data.featureMask(), start, end, workspace);
                for (int t = 0; t < tasks.size(); t++) {
                    float[] predicted = Predictor.values(outputs[t]);
                    float[] labels = labels(data, t, start, end);
                    if (targets[t].info().kind() == TargetKind.NUMERIC) {
                        predicted = targets[t].restore(predicted);
                        labels = targets[t].restore(labels);
                    }
                    scores[t].add(predicted, labels, mask(data, t, start, end), end - start);
                }
            }
        }
        Map<String, Map<String, Double>> result = new LinkedHashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            result.put(tasks.get(t).name(), scores[t].result());
        }
        return result;
    }

    /** The most rows {@link #details} reads (spread over the split): DL4J's evaluators cost 0.02–0.2 ms a row. */
    public static final int DETAIL_ROWS = 20_000;

    /**
     * Task name to what a report shows of it on these rows (at most {@link #DETAIL_ROWS} of them,
     * spread evenly): confusion matrix and per-class precision and recall, the ROC curve of a binary
     * task, at most {@code pairs} sampled (true, predicted) rows of a regression task.
     */
    public static Map<String, TaskDetails> details(ComputationGraph graph, EncodedData data, List<TaskSpec> tasks,
                                                   Preprocessor preprocessor, int pairs) {
        EncodedData rows = RowSample.spread(data, DETAIL_ROWS);
        TaskDetailsEvaluation[] evaluations = new TaskDetailsEvaluation[tasks.size()];
        TargetEncoder[] targets = new TargetEncoder[tasks.size()];
        for (int t = 0; t < tasks.size(); t++) {
            targets[t] = preprocessor.target(tasks.get(t).name());
            evaluations[t] = new TaskDetailsEvaluation(targets[t].info().kind(), targets[t].width(),
                    new PairSample(targets[t].width(), rows.size(), pairs), targets[t].threshold());
        }
        int pass = Predictor.rowsPerPass(rows.features(), rows.featureMask());
        NativeMemoryGuard memory = NativeMemoryGuard.start();
        for (int start = 0; start < rows.size(); start += pass) {
            int end = Math.min(rows.size(), start + pass);
            memory.check();
            INDArray[] outputs = Predictor.batch(graph, rows.features(), rows.featureMask(), start, end);
            for (int t = 0; t < tasks.size(); t++) {
                INDArray predicted = outputs[t];
                INDArray labels = Predictor.rows(rows.labels().get(t), start, end);
                if (targets[t].info().kind() == TargetKind.NUMERIC) {
                    predicted = targets[t].restore(predicted);
                    labels = targets[t].restore(labels);
                }
                INDArray mask = rows.masks().get(t);
                evaluations[t].add(predicted, labels, mask == null ? null : Predictor.rows(mask, start, end));
            }
        }
        Map<String, TaskDetails> result = new LinkedHashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            TargetEncoder target = targets[t];
            List<String> names = new java.util.ArrayList<>();
            // the classes' names: a binary task's two values, an ordinal task's K classes (it has K-1 outputs)
            int outputs = target.info().kind() == TargetKind.BINARY ? 2
                    : target.info().kind() == TargetKind.ORDINAL ? target.width() + 1 : target.width();
            for (int i = 0; i < outputs; i++) {
                names.add(target.className(i));
            }
            result.put(tasks.get(t).name(), evaluations[t].details(names));
        }
        return result;
    }

    /**
     * The joint loss {@code Σ λ_i L_i + regularization} over every row, with the tasks' own weights (the
     * static λ; 1 under another weighting method), so that epochs compare with one another. Each
     * task's loss is DL4J's score of its output (the loss summed over the rows, divided by the rows),
     * computed batch by batch and weighted by the batch's rows.
     */
    public static double loss(ComputationGraph graph, EncodedData data, List<TaskSpec> tasks) {
        return losses(graph, data, tasks).joint();
    }

    /**
     * The joint loss as {@link #loss}, and each task's own, unweighted loss over the rows that have its
     * label (rows of other tasks' data sets, whose labels are masked, do not dilute it).
     *
     * @param joint {@code Σ λ_i L_i + regularization}
     * @param tasks task name to its own loss; NaN for a task no row has a label of
     */
    public record Losses(double joint, Map<String, Double> tasks) {
    }

    /** See {@link Losses}. */
    public static Losses losses(ComputationGraph graph, EncodedData data, List<TaskSpec> tasks) {
        int rows = data.size();
        double regularization = graph.calcRegularizationScore(true);
        double joint = regularization;
        double[] sums = new double[tasks.size()];
        double[] labelled = new double[tasks.size()];
        int pass = Predictor.rowsPerPass(data.features(), data.featureMask());
        NativeMemoryGuard memory = NativeMemoryGuard.start();
        for (int from = 0; from < rows; from += pass) {
            int start = from;
            int end = Math.min(rows, start + pass);
            memory.check();
            INDArray[] labels = data.labels().stream().map(l -> Predictor.rows(l, start, end)).toArray(INDArray[]::new);
            INDArray[] masks = data.masks().stream().anyMatch(m -> m != null)
                    ? data.masks().stream().map(m -> m == null ? null : Predictor.rows(m, start, end)).toArray(INDArray[]::new)
                    : null;
            INDArray[] featureMasks = data.featureMask() == null ? null
                    : new INDArray[] {Predictor.rows(data.featureMask(), start, end)};
            graph.score(new MultiDataSet(new INDArray[] {Predictor.rows(data.features(), start, end)}, labels,
                    featureMasks, masks), false);
            double share = rows <= pass ? 1 : (end - start) / (double) rows;
            for (int i = 0; i < tasks.size(); i++) {
                // each output layer keeps its own score; DL4J adds the regularization term to the first one's
                double score = graph.getOutputLayer(i).score() - (i == 0 ? regularization : 0);
                joint += share == 1 ? tasks.get(i).weight() * score : tasks.get(i).weight() * score * share;
                // the score divides by every row of the batch; the task's own loss is over its labelled rows
                sums[i] += score * (end - start);
                labelled[i] += masks == null || masks[i] == null ? end - start : labelledRows(masks[i]);
            }
            // score() leaves the label masks set on the graph; a later output() of another size would apply them.
            graph.clearLayerMaskArrays();
        }
        Map<String, Double> perTask = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            perTask.put(tasks.get(i).name(), labelled[i] == 0 ? Double.NaN : sums[i] / labelled[i]);
        }
        return new Losses(joint, perTask);
    }

    /** Rows with at least one label present. */
    private static double labelledRows(INDArray mask) {
        return mask.size(1) == 1 ? mask.sumNumber().doubleValue()
                : mask.max(1).gt(0).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).sumNumber().doubleValue();
    }

    private static double[] labelMeans(EncodedData data, int task, TargetEncoder target) {
        LabelMean mean = new LabelMean(target.width());
        int rows = data.size();
        for (int start = 0; start < rows; start += Predictor.BATCH) {
            int end = Math.min(rows, start + Predictor.BATCH);
            try (MemoryWorkspace workspace = BatchWorkspace.open(SCORING)) {
                mean.add(target.restore(labels(data, task, start, end)), mask(data, task, start, end), end - start);
            }
        }
        return mean.means();
    }

    private static float[] labels(EncodedData data, int task, int start, int end) {
        return Predictor.values(Predictor.rows(data.labels().get(task), start, end));
    }

    private static float[] mask(EncodedData data, int task, int start, int end) {
        INDArray mask = data.masks().get(task);
        return mask == null ? null : Predictor.values(Predictor.rows(mask, start, end));
    }
}
