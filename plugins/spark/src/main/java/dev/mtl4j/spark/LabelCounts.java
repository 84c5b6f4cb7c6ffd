package dev.mtl4j.spark;

import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TargetKind;
import dev.mtl4j.runtime.data.TargetEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A label encoding fitted on the table of a label column's distinct values counts each class once;
 * the training rows' class counts (which heads weigh rare classes by) are the values' cell counts
 * Spark gathered, summed per class as the fitted encoding maps each value — so the counts equal a
 * single-machine fit's.
 */
final class LabelCounts {
    private LabelCounts() {
    }

    /**
     * @param distinct the table the encoder was fitted on (row r holds each column's r-th distinct value)
     * @param cellCounts per label column of the task, each value's number of training cells
     */
    static TargetEncoder weighted(TargetEncoder fitted, RawTable distinct, List<Map<String, Long>> cellCounts) {
        int[] rows = java.util.stream.IntStream.range(0, distinct.size()).toArray();
        INDArray labels = fitted.encode(distinct, rows).labels();
        List<String> columns = fitted.info().labelColumns();
        boolean multilabel = fitted.kind() == TargetKind.MULTILABEL;
        long[] perSlot = new long[multilabel ? columns.size() : fitted.info().classes().size()];
        long[] labelled = new long[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            int index = distinct.columnIndex(columns.get(c));
            for (int r : rows) {
                String value = distinct.cell(r, index);
                if (value == null) {
                    continue;
                }
                long count = cellCounts.get(c).get(value);
                labelled[c] += count;
                if (multilabel) {
                    perSlot[c] += labels.getDouble(r, c) > 0.5 ? count : 0;
                } else if (fitted.kind() == TargetKind.BINARY) {
                    perSlot[labels.getDouble(r, 0) > 0.5 ? 1 : 0] += count;
                } else if (fitted.kind() == TargetKind.ORDINAL) {
                    perSlot[labels.getRow(r).sumNumber().intValue()] += count; // the rank: thresholds below it
                } else {
                    perSlot[(int) labels.getRow(r).argMax().getInt(0)] += count;
                }
            }
        }
        Map<String, Object> state = new LinkedHashMap<>(fitted.toState());
        state.put("counts", wholeNumbers(perSlot));
        state.put("labelled", wholeNumbers(labelled));
        return TargetEncoder.fromState(state);
    }

    /** Counts as the runtime saves them: an int where it fits, so a state compares equal to one saved there. */
    static List<Object> wholeNumbers(long[] counts) {
        List<Object> values = new ArrayList<>(counts.length);
        for (long count : counts) {
            values.add(count <= Integer.MAX_VALUE ? (Object) (int) count : (Object) count);
        }
        return values;
    }

    static List<Object> wholeNumbers(List<Long> counts) {
        return wholeNumbers(counts.stream().mapToLong(Long::longValue).toArray());
    }
}
