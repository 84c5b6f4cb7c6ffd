package dev.mtl4j.spark;

import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.RawTableBuilder;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.FeatureEncoder;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.data.Splitter;
import dev.mtl4j.runtime.data.TargetEncoder;
import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes rows where they are: a partition's rows become a {@link RawTable} (each row keeps its line
 * in the file, so a bad cell is named as on one machine), encoded by the fitted preprocessor, which
 * travels to the executors as its saved state (plain maps and lists).
 */
final class PartitionTable implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String origin;
    private final List<String> header;
    private final List<Map<?, ?>> features;
    private final List<Map<?, ?>> targets;

    @SuppressWarnings("unchecked")
    PartitionTable(String origin, List<String> header, Preprocessor preprocessor) {
        this.origin = origin;
        this.header = List.copyOf(header);
        Map<String, Object> state = preprocessor.toState();
        this.features = List.copyOf((List<Map<?, ?>>) state.get("features"));
        this.targets = List.copyOf((List<Map<?, ?>>) state.get("targets"));
    }

    /** The preprocessor, rebuilt from its state (on an executor). */
    Preprocessor preprocessor() {
        Map<String, TargetEncoder> byTask = new LinkedHashMap<>();
        for (Map<?, ?> target : targets) {
            TargetEncoder encoder = TargetEncoder.fromState(target);
            byTask.put(encoder.task(), encoder);
        }
        return Preprocessor.of(FeatureEncoder.fromState(features), byTask);
    }

    RawTable table(Iterator<IndexedCells> rows) {
        RawTableBuilder table = RawTable.builder(origin, header);
        while (rows.hasNext()) {
            IndexedCells row = rows.next();
            table.addRow((int) Math.min(Integer.MAX_VALUE, row.index() + 2), row.cells());
        }
        return table.build();
    }

    /** Every row of the partition encoded: features, labels, masks. */
    EncodedChunk encode(Iterator<IndexedCells> rows) {
        RawTable table = table(rows);
        EncodedData data = preprocessor().encode(table, Splitter.all(table));
        return EncodedChunk.of(data);
    }
}
