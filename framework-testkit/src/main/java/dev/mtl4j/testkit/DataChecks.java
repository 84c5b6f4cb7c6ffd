package dev.mtl4j.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TableSource;
import dev.mtl4j.api.spi.TaskSampler;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.plugin.Family;
import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;

/** Data sets read a well-formed table; samplers deal an epoch the trainer can run. */
final class DataChecks {
    private static final int[] ROWS = {100, 30, 7};

    private DataChecks() {
    }

    static void datasetReads(Bench bench, String type, Map<String, Object> params, Path folder) {
        TableSource source = bench.runtime().resolver().dataset(Bench.spec(type, params), "data.source", new DataContext(folder));

        RawTable table = source.read();

        assertTrue(table.size() > 0, type + ": read no rows with " + params);
        assertEquals(table.columns().size(), new HashSet<>(table.columns()).size(), type + ": column names repeat");
        for (int row = 0; row < table.size(); row++) {
            assertEquals(table.columns().size(), table.row(row).length, type + ": row " + row + " has another width");
        }
        source.files().forEach(file -> assertTrue(Files.exists(folder.resolve(file)), type + ": lists a file that does not exist: " + file));
    }

    static void samplerDeals(Bench bench, String type, Map<String, Object> params, Path folder) {
        TaskSampler sampler = bench.runtime().resolver().create(Family.SAMPLER, Bench.spec(type, params), "training.sampler");

        int[] order = sampler.epoch(ROWS, 16, new Random(17));

        assertTrue(order.length > 0, type + ": an empty epoch");
        for (int set : order) {
            assertTrue(set >= 0 && set < ROWS.length, type + ": data set " + set + " does not exist");
        }
        assertArrayEquals(order, sampler.epoch(ROWS, 16, new Random(17)), type + ": one seed, two orders");

        PipelineSpec spec = Mtl.pipeline("sampler-trains").data(dev.mtl4j.api.dsl.Data.features()
                        .numeric(StandInRows.FEATURES.toArray(String[]::new)))
                .encoder(Bench.standIn(StandIns.ENCODER)).sharing(Bench.standIn(StandIns.SHARING))
                .task("big", Bench.standIn(StandIns.HEAD)).labels("value").ownData(Bench.rows(150, 19).split(0.2, 19))
                .task("small", Bench.standIn(StandIns.HEAD)).labels("value").ownData(Bench.rows(40, 23).split(0.2, 23))
                .training(t -> t.epochs(2).batchSize(16).seed(19).sampler(Bench.component(type, params)))
                .build();
        TrainingResult result = bench.runtime().train(spec, folder, TrainingListener.SILENT);
        EpochReport last = result.history().epochs().get(result.history().epochs().size() - 1);
        assertTrue(Double.isFinite(last.taskLosses().get("big")) && Double.isFinite(last.taskLosses().get("small")),
                type + ": a task got no batch in an epoch: " + last.taskLosses());
    }
}
