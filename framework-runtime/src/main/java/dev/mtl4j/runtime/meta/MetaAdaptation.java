package dev.mtl4j.runtime.meta;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spi.MetaSettings;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.eval.Evaluator;
import dev.mtl4j.runtime.model.Provenance;
import dev.mtl4j.runtime.model.TrainedModel;
import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.TrainingHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A transfer by a meta-learning strategy: the start (a meta-learned model, or any other) adapted to
 * a new task by the inner loop — {@code innerSteps} plain gradient-descent steps at {@code innerLr} on
 * all of the task's training rows (its k labels) at once. Its test rows are measured after each step
 * count of {@code evaluateAfter} (splits {@code test@N}); the model kept is the one after
 * {@code innerSteps} steps, measured on every split as usual.
 */
public final class MetaAdaptation {
    private MetaAdaptation() {
    }

    /**
     * @param network the start, in the transfer's network (changed: it ends adapted)
     * @param train the new task's training rows: the support rows the inner loop steps on
     * @param validation validation rows, or null: measured after each step count when there are no test rows
     * @param test test rows, or null: measured after each step count
     */
    public static TrainingResult adapt(PipelineSpec spec, ComputationGraph network, MetaSettings settings,
                                       Preprocessor preprocessor, EncodedData train, EncodedData validation, EncodedData test,
                                       Provenance provenance) {
        InnerLoop inner = new InnerLoop(network.getConfiguration(), settings.innerLearningRate());
        inner.reset(network.params());
        EncodedData heldOut = test != null ? test : validation;
        String split = test != null ? "test" : "validation";
        Map<String, Map<String, Map<String, Double>>> metrics = new LinkedHashMap<>();
        List<EpochReport> reports = new ArrayList<>();
        TreeSet<Integer> counts = new TreeSet<>(settings.evaluateAfter());
        counts.add(settings.innerSteps());
        INDArray kept = null;
        int done = 0;
        for (int count : counts) {
            long started = System.nanoTime();
            inner.steps(EncodedRows.batch(train), count - done);
            done = count;
            if (count == settings.innerSteps()) {
                kept = inner.graph().params().dup();
            }
            if (heldOut != null && settings.evaluateAfter().contains(count)) {
                Map<String, Map<String, Double>> measured = Evaluator.evaluate(inner.graph(), heldOut, spec.tasks(), preprocessor);
                metrics.put(MetaResult.split(split, count), measured);
                reports.add(new EpochReport(count, inner.loss(train), inner.loss(heldOut), measured,
                        (System.nanoTime() - started) / 1e9, Map.of(), Map.of()));
            }
        }
        network.params().assign(kept);
        metrics.put("train", Evaluator.evaluate(network, train, spec.tasks(), preprocessor));
        if (validation != null) {
            metrics.put("validation", Evaluator.evaluate(network, validation, spec.tasks(), preprocessor));
        }
        if (test != null) {
            metrics.put("test", Evaluator.evaluate(network, test, spec.tasks(), preprocessor));
        }
        return new TrainingResult(new TrainedModel(spec, network, preprocessor, provenance),
                new TrainingHistory(reports, reports.size(), false), metrics);
    }
}
