package dev.mtl4j.runtime.eval;

import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.Preprocessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;

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
}
