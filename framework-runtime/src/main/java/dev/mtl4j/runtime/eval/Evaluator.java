package dev.mtl4j.runtime.eval;

import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.TargetKind;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.data.TargetEncoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Per-task metrics of a network on encoded rows; regression metrics in the targets' original units. */
public final class Evaluator {
    private Evaluator() {
    }

    /** Task name to metric name to value, in task order. */
    public static Map<String, Map<String, Double>> evaluate(ComputationGraph graph, EncodedData data,
                                                            List<TaskSpec> tasks, Preprocessor preprocessor) {
        INDArray[] outputs = Predictor.outputs(graph, data.features(), data.featureMask());
        Map<String, Map<String, Double>> result = new LinkedHashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            String task = tasks.get(t).name();
            TargetEncoder target = preprocessor.target(task);
            TargetKind kind = target.info().kind();
            INDArray predicted = outputs[t];
            INDArray labels = data.labels().get(t);
            if (kind == TargetKind.NUMERIC) {
                predicted = target.restore(predicted);
                labels = target.restore(labels);
            }
            INDArray mask = data.masks().get(t);
            result.put(task, Metrics.compute(kind, rows(predicted), rows(labels), mask == null ? null : rows(mask)));
        }
        return result;
    }

    static float[][] rows(INDArray array) {
        return array.castTo(DataType.FLOAT).toFloatMatrix();
    }
}
