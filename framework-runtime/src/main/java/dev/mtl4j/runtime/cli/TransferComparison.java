package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.compare.PairedComparison;
import dev.mtl4j.runtime.compare.TaskComparison;
import dev.mtl4j.runtime.compare.TaskRows;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.transfer.TransferResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transfer against from scratch over one or more seeds, every metric of every new task, on the test
 * rows (else the validation rows), by {@link PairedComparison}'s noise-aware rule.
 *
 * @param split the rows compared on
 * @param seeds the seeds
 * @param tasks per task its comparison and verdict; null when the split has neither test nor validation rows
 */
record TransferComparison(String split, List<Long> seeds, List<TaskComparison> tasks) {

    static TransferComparison of(List<TransferResult> results, List<Long> seeds) {
        TransferResult first = results.get(0);
        String split = first.test() != null ? "test" : first.validation() != null ? "validation" : null;
        if (split == null) {
            return new TransferComparison(null, seeds, null);
        }
        Map<String, List<TaskRows>> transferred = new LinkedHashMap<>();
        Map<String, List<TaskRows>> scratch = new LinkedHashMap<>();
        for (TransferResult result : results) {
            EncodedData rows = split.equals("test") ? result.test() : result.validation();
            TaskRows.of(result.transferred().model(), rows).forEach((task, r) -> transferred.computeIfAbsent(task, t -> new ArrayList<>()).add(r));
            TaskRows.of(result.baseline().model(), rows).forEach((task, r) -> scratch.computeIfAbsent(task, t -> new ArrayList<>()).add(r));
        }
        return new TransferComparison(split, seeds, PairedComparison.compare(transferred, scratch, seeds.get(0)));
    }
}
