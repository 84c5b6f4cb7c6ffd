package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Location;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spi.FittedText;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TextEncoder;
import dev.mtl4j.api.spi.TextForm;
import dev.mtl4j.api.spi.TextProgress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text columns of the input: each row's text cells joined in column order with a line break,
 * handed to the encoder's fitted featurisation. The runtime never tokenises; it only joins and copies.
 */
final class TextBlock {
    static final String SEPARATOR = "\n";

    private final List<String> columns;
    private final FittedText fitted;

    private TextBlock(List<String> columns, FittedText fitted) {
        this.columns = List.copyOf(columns);
        this.fitted = fitted;
    }

    /** Fits the encoder's featurisation on the joined texts of each chunk's rows, chunk after chunk. */
    static TextBlock fit(List<Rows> chunks, List<String> columns, TextEncoder encoder, TextProgress progress) {
        List<String> texts = new ArrayList<>();
        for (Rows chunk : chunks) {
            int[] indexes = indexes(chunk.table(), columns);
            for (int row : chunk.rows()) {
                texts.add(join(chunk.table(), row, indexes));
            }
        }
        try {
            return new TextBlock(columns, encoder.fit(texts, progress));
        } catch (IllegalArgumentException e) {
            String origins = String.join(", ", chunks.stream().map(c -> c.table().origin()).distinct().toList());
            throw new MtlException(ErrorCategory.DATA_INVALID, Problem.at(Location.file(origins), "text columns " + columns
                    + ": " + e.getMessage()), e);
        }
    }

    List<String> columns() {
        return columns;
    }

    FittedText fitted() {
        return fitted;
    }

    int width() {
        return fitted.width();
    }

    boolean sequence() {
        return fitted.form() == TextForm.SEQUENCE;
    }

    /** Every row of the table featurised, row-major, {@code table.size() * width()} values. */
    float[] prepare(RawTable table, TextProgress progress) {
        int[] indexes = indexes(table, columns);
        List<String> texts = new ArrayList<>(table.size());
        for (int row = 0; row < table.size(); row++) {
            texts.add(join(table, row, indexes));
        }
        float[] values = new float[table.size() * width()];
        fitted.transform(texts, values, progress);
        return values;
    }

    Map<String, Object> toState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("type", "text");
        state.put("columns", new ArrayList<>(columns));
        state.put("featurizer", new LinkedHashMap<>(fitted.state()));
        return state;
    }

    static TextBlock fromState(Map<?, ?> state, TextEncoder encoder) {
        List<String> columns = State.strings(state, "columns");
        if (encoder == null) {
            throw new MtlException(ErrorCategory.MODEL_INVALID, "preprocessing state: the model reads text columns "
                    + columns + ", but its encoder is not a text encoder");
        }
        Object featurizer = state.get("featurizer");
        if (!(featurizer instanceof Map<?, ?> map)) {
            throw State.invalid("featurizer", "a map", featurizer);
        }
        Map<String, Object> plain = new LinkedHashMap<>();
        map.forEach((k, v) -> plain.put(String.valueOf(k), v));
        try {
            return new TextBlock(columns, encoder.restore(plain));
        } catch (IllegalArgumentException e) {
            throw new MtlException(ErrorCategory.MODEL_INVALID, "preprocessing state: the text featurisation cannot be restored: "
                    + e.getMessage(), e);
        }
    }

    private static int[] indexes(RawTable table, List<String> columns) {
        int[] indexes = new int[columns.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = table.columnIndex(columns.get(i));
            if (indexes[i] < 0) {
                throw new MtlException(ErrorCategory.DATA_INVALID, table.origin() + ": no column '" + columns.get(i)
                        + "', which the model reads as text (columns: " + ColumnNames.list(table.columns()) + ")"
                        + ColumnNames.didYouMean(columns.get(i), table.columns()));
            }
        }
        return indexes;
    }

    private static String join(RawTable table, int row, int[] indexes) {
        if (indexes.length == 1) {
            String cell = table.cell(row, indexes[0]);
            return cell == null ? "" : cell;
        }
        StringBuilder text = new StringBuilder();
        for (int index : indexes) {
            String cell = table.cell(row, index);
            if (cell != null) {
                if (text.length() > 0) {
                    text.append(SEPARATOR);
                }
                text.append(cell);
            }
        }
        return text.toString();
    }
}
