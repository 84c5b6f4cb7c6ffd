package dev.mtl4j.runtime.eval;

import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.Preprocessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Every task's metrics on every split there is: split to task to metric to value. */
public final class SplitMetrics {
    private SplitMetrics() {
    }

    /**
     * @param validation validation rows, or null
     * @param test test rows, or null
     */
    public static Map<String, Map<String, Map<String, Double>>> measure(ComputationGraph graph, List<TaskSpec> tasks,
                                                                        Preprocessor preprocessor, EncodedData train,
                                                                        EncodedData validation, EncodedData test) {
        Map<String, Map<String, Map<String, Double>>> metrics = new LinkedHashMap<>();
        metrics.put("train", Evaluator.evaluate(graph, train, tasks, preprocessor));
        if (validation != null) {
            metrics.put("validation", Evaluator.evaluate(graph, validation, tasks, preprocessor));
        }
        if (test != null) {
            metrics.put("test", Evaluator.evaluate(graph, test, tasks, preprocessor));
        }
        return metrics;
    }

    /**
     * The metrics less the tasks that have no rows in a split (a task whose own file has no
     * validation rows, say), instead of metrics over nothing. A split's rows of a task are those its
     * label mask keeps.
     */
    public static Map<String, Map<String, Map<String, Double>>> withoutEmptySplits(
            Map<String, Map<String, Map<String, Double>>> metrics, List<TaskSpec> tasks, EncodedData train,
            EncodedData validation, EncodedData test) {
        Map<String, EncodedData> bySplit = new LinkedHashMap<>();
        bySplit.put("train", train);
        bySplit.put("validation", validation);
        bySplit.put("test", test);
        Map<String, Map<String, Map<String, Double>>> kept = new LinkedHashMap<>();
        metrics.forEach((split, byTask) -> {
            EncodedData data = bySplit.get(split);
            Map<String, Map<String, Double>> tasksKept = new LinkedHashMap<>();
            for (int t = 0; t < tasks.size(); t++) {
                String task = tasks.get(t).name();
                if (byTask.containsKey(task) && (data == null || hasRows(data.masks().get(t)))) {
                    tasksKept.put(task, byTask.get(task));
                }
            }
            kept.put(split, tasksKept);
        });
        return kept;
    }

    private static boolean hasRows(INDArray mask) {
        return mask == null || mask.sumNumber().doubleValue() > 0;
    }
}
