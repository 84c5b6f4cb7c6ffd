package dev.mtl4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Task weightings inside a multi-task network the runtime compiles and trains. */
final class WeightingChecks {
    private static final List<String> TASKS = List.of("a", "b", "c");

    private WeightingChecks() {
    }

    /**
     * Three regression tasks trained with the method: every epoch reports the method's name, a finite
     * loss and a finite λ for every task, and the tasks' summed loss falls (the update the method
     * makes from their losses or gradients is a descent step).
     */
    static void tasksTrainUnderIt(Bench bench, String type, Map<String, Object> params, Path folder) {
        var pipeline = Mtl.pipeline("weighting-trains").data(Bench.numericRows(240, 17))
                .encoder(Bench.standIn(StandIns.ENCODER)).sharing(Bench.standIn(StandIns.SHARING));
        for (int t = 0; t < TASKS.size(); t++) {
            pipeline = pipeline.task(TASKS.get(t), Bench.standIn(StandIns.HEAD)).labels(StandInRows.NUMBERS.get(t));
        }
        PipelineSpec spec = pipeline.training(t -> t.epochs(6).batchSize(32).adam(1e-2).seed(17)
                .weighting(Bench.component(type, params))).build();

        TrainingResult result = bench.runtime().train(spec, folder, TrainingListener.SILENT);

        List<EpochReport> epochs = result.history().epochs();
        for (EpochReport epoch : epochs) {
            assertEquals(type, epoch.weighting(), "the epoch names the method that weighted it");
            for (String task : TASKS) {
                assertTrue(Double.isFinite(epoch.taskLosses().get(task)), type + ": task '" + task + "' has loss "
                        + epoch.taskLosses().get(task) + " in epoch " + epoch.epoch());
                assertTrue(Double.isFinite(epoch.weights().get(task)), type + ": task '" + task + "' has weight "
                        + epoch.weights().get(task) + " in epoch " + epoch.epoch());
            }
        }
        double first = summed(epochs.get(0));
        double last = summed(epochs.get(epochs.size() - 1));
        assertTrue(last < first, type + ": the tasks' summed training loss went from " + first + " to " + last);
    }

    private static double summed(EpochReport epoch) {
        return TASKS.stream().mapToDouble(task -> epoch.taskLosses().get(task)).sum();
    }
}
