package dev.mtl4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spi.TextEncoder;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.plugin.Family;
import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Encoders and sharing strategies inside a network the runtime compiles and trains. */
final class NetworkChecks {
    private static final List<String> TASKS = List.of("a", "b", "c");

    private NetworkChecks() {
    }

    /** The encoder builds a network whose loss falls over a few epochs (on text when it reads text). */
    static void encoderLearns(Bench bench, String type, Map<String, Object> params, Path folder) {
        boolean text = bench.runtime().resolver().create(Family.ENCODER, Bench.spec(type, params), "encoder")
                instanceof TextEncoder;
        Data data = text ? Bench.rows(200, 11).text(StandInRows.TEXT).split(0.2, 11) : Bench.numericRows(200, 11);
        PipelineSpec spec = Mtl.pipeline("encoder-learns").data(data)
                .encoder(Bench.component(type, params)).sharing(Bench.standIn(StandIns.SHARING))
                .task("value", Bench.standIn(StandIns.HEAD))
                .training(t -> t.epochs(8).batchSize(32).adam(1e-2).seed(11))
                .build();

        TrainingResult result = bench.runtime().train(spec, folder, TrainingListener.SILENT);

        List<EpochReport> epochs = result.history().epochs();
        double first = epochs.get(0).taskLosses().get("value");
        double last = epochs.get(epochs.size() - 1).taskLosses().get("value");
        assertTrue(Double.isFinite(last) && last < first, type + ": the training loss went from " + first + " to " + last);
    }

    /**
     * Every task gets an attachment, an output, and an output that depends on the input (what a
     * task's head reads is computed from the features), and every task's loss is finite after training.
     */
    static void everyTaskAttached(Bench bench, String type, Map<String, Object> params, Path folder) {
        var pipeline = Mtl.pipeline("sharing-attaches").data(Bench.numericRows(160, 13))
                .encoder(Bench.standIn(StandIns.ENCODER)).sharing(Bench.component(type, params));
        for (int t = 0; t < TASKS.size(); t++) {
            pipeline = pipeline.task(TASKS.get(t), Bench.standIn(StandIns.HEAD)).labels(StandInRows.NUMBERS.get(t));
        }
        PipelineSpec spec = pipeline.training(t -> t.epochs(2).batchSize(32).seed(13)).build();
        PreparedPipeline prepared = bench.runtime().prepare(spec, folder);

        assertEquals(TASKS.size(), prepared.network().outputs().size(), type + ": one output per task");
        INDArray features = prepared.train().features();
        INDArray[] before = prepared.network().graph().output(features);
        INDArray[] shifted = prepared.network().graph().output(features.add(1.0));
        for (int t = 0; t < TASKS.size(); t++) {
            assertTrue(before[t].sub(shifted[t]).amaxNumber().doubleValue() > 1e-6,
                    type + ": task '" + TASKS.get(t) + "' reads nothing computed from the input");
        }
        TrainingResult result = bench.runtime().train(prepared, TrainingListener.SILENT);
        EpochReport last = result.history().epochs().get(result.history().epochs().size() - 1);
        for (String task : TASKS) {
            assertTrue(Double.isFinite(last.taskLosses().get(task)), type + ": task '" + task + "' has no finite loss");
        }
    }
}
