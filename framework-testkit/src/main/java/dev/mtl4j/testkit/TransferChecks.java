package dev.mtl4j.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TransferPipelineSpec;
import dev.mtl4j.api.spi.TransferStrategy;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.plugin.Family;
import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A transfer strategy carries a trained model over to a new task (the generated {@code other} column)
 * that then learns. A domain-adaptation strategy gets unlabelled rows of a target domain (another draw
 * of the generated rows); a meta-learning strategy adapts by its inner loop, whose loss on the new
 * task's rows falls from its first reported step count to its last.
 */
final class TransferChecks {

    private TransferChecks() {
    }

    static void newTaskLearns(Bench bench, String type, Map<String, Object> params, Path folder) {
        PipelineSpec source = Mtl.pipeline("source").data(Bench.numericRows(200, 29))
                .encoder(Bench.standIn(StandIns.ENCODER).param("width", 16)).sharing(Bench.standIn(StandIns.SHARING))
                .task("value", Bench.standIn(StandIns.HEAD))
                .training(t -> t.epochs(4).batchSize(32).adam(1e-2).seed(29))
                .build();
        Path model = folder.resolve("source.zip");
        bench.runtime().save(bench.runtime().train(source, folder, TrainingListener.SILENT).model(), model);

        TransferStrategy strategy = bench.runtime().resolver().create(Family.TRANSFER, Bench.spec(type, params),
                "transfer.strategy");
        Data rows = Bench.rows(120, 31).split(0.2, 31);
        TransferPipelineSpec transfer = Mtl.transfer("transfer", model.toString())
                .strategy(Bench.component(type, params))
                .data(strategy.domainAlignment() == null ? rows : rows.target(Bench.rows(120, 37).split(0.5, 37)))
                .task("other", Bench.standIn(StandIns.HEAD))
                .training(t -> t.epochs(6).batchSize(16).adam(1e-2).seed(31))
                .build();
        TrainingResult result = bench.runtime().transfer(transfer, folder, TrainingListener.SILENT, false).transferred();

        List<EpochReport> epochs = result.history().epochs();
        double first = strategy.metaLearner() == null ? epochs.get(0).taskLosses().get("other") : epochs.get(0).trainLoss();
        EpochReport lastEpoch = epochs.get(epochs.size() - 1);
        double last = strategy.metaLearner() == null ? lastEpoch.taskLosses().get("other") : lastEpoch.trainLoss();
        assertTrue(Double.isFinite(last) && last < first, type + ": the new task's loss went from " + first + " to " + last);
        assertTrue(Double.isFinite(result.metric("test", "other", "mse")), type + ": no test metric for the new task");
    }
}
