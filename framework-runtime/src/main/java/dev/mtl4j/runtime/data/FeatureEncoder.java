package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.FeatureType;
import dev.mtl4j.api.spec.UnseenCategory;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TextEncoder;
import dev.mtl4j.api.spi.TextProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns feature columns into one float matrix, each column encoded by its declared type and fitted
 * on the training rows only. Columns are found by name in every table it encodes, so a prediction
 * file may order its columns differently. Text columns, when there are any, come first: the text
 * encoder's featurisation of each row's joined text, then the other columns.
 */
public final class FeatureEncoder {
    private final TextBlock text;
    private final List<ColumnCodec> codecs;
    private final int[] offsets;
    private final int width;
    private volatile TextProgress progress = TextProgress.NONE;
    /** The columns of the table encoded last, so that its row subsets (splits, batches) are copies. */
    private volatile Prepared prepared;

    private record Prepared(java.lang.ref.WeakReference<RawTable> table, float[] text, PreparedColumn[] columns) {
    }

    private FeatureEncoder(TextBlock text, List<ColumnCodec> codecs) {
        this.text = text;
        this.codecs = List.copyOf(codecs);
        this.offsets = new int[codecs.size()];
        int at = text == null ? 0 : text.width();
        for (int i = 0; i < codecs.size(); i++) {
            offsets[i] = at;
            at += codecs.get(i).width();
        }
        this.width = at;
    }

    /** Fits every column's encoding on {@code trainRows} of {@code table}. */
    public static FeatureEncoder fit(RawTable table, List<FeatureColumn> columns, int[] trainRows,
                                     UnseenCategory unseen) {
        return fit(table, columns, trainRows, unseen, null, TextProgress.NONE);
    }

    /**
     * Fits every column's encoding on {@code trainRows}; text columns are featurised by
     * {@code textEncoder}, which must be given when there are any.
     *
     * @throws MtlException CONFIG_INVALID when text columns and the encoder do not go together
     */
    public static FeatureEncoder fit(RawTable table, List<FeatureColumn> columns, int[] trainRows,
                                     UnseenCategory unseen, TextEncoder textEncoder, TextProgress progress) {
        List<ColumnCodec> codecs = new ArrayList<>();
        List<String> textColumns = new ArrayList<>();
        for (FeatureColumn feature : columns) {
            int index = table.columnIndex(feature.column());
            if (index < 0) {
                throw missingColumn(table, feature.column());
            }
            if (feature.spec().type() == FeatureType.TEXT) {
                textColumns.add(feature.column());
                continue;
            }
            codecs.add(switch (feature.spec().type()) {
                case NUMERIC -> NumericCodec.fit(table, index, trainRows);
                case CATEGORICAL -> CategoricalCodec.fit(table, index, trainRows, unseen == UnseenCategory.OTHER);
                case ORDINAL -> OrdinalCodec.fit(table, index, trainRows, feature.spec().levels());
                case TEXT -> throw new IllegalStateException("text columns are handled above");
            });
        }
        requireTextEncoderFits(textColumns, textEncoder);
        TextBlock text = null;
        if (!textColumns.isEmpty()) {
            text = TextBlock.fit(table, textColumns, trainRows, textEncoder, progress);
            if (text.sequence() && !codecs.isEmpty()) {
                throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("data.features", "the encoder reads token"
                        + " sequences, which take the text columns alone; " + codecs.get(0).column() + " is not text"
                        + " (drop it, or use a vector text encoder such as bag-of-words or minilm)"));
            }
        }
        FeatureEncoder encoder = new FeatureEncoder(text, codecs);
        encoder.progress = progress;
        return encoder;
    }

    /**
     * Text columns and a text encoder go together: text needs an encoder that reads it, and a text
     * encoder needs text. {@code textColumns} are the declared or resolved text feature names.
     *
     * @throws MtlException CONFIG_INVALID when they do not
     */
    public static void requireTextEncoderFits(List<String> textColumns, TextEncoder textEncoder) {
        if (!textColumns.isEmpty() && textEncoder == null) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("data.features", textColumns + " are text,"
                    + " and the encoder does not read text; use a text encoder (bag-of-words, minilm, embedding)"));
        }
        if (textColumns.isEmpty() && textEncoder != null) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("encoder", "a text encoder needs text"
                    + " columns; declare one in data.features (e.g. review: text)"));
        }
    }

    /** Where text featurisation of later tables (embedding new texts) reports its progress. */
    public void reportTo(TextProgress progress) {
        this.progress = progress == null ? TextProgress.NONE : progress;
    }

    /** Whether the input is a token-id sequence that needs a feature mask (padding is 0). */
    public boolean sequence() {
        return text != null && text.sequence();
    }

    /** The fitted text featurisation, or null when the model reads no text. */
    public dev.mtl4j.api.spi.FittedText text() {
        return text == null ? null : text.fitted();
    }

    /** The number of network inputs. */
    public int width() {
        return width;
    }

    /** The feature columns, in input order. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(text == null ? List.of() : text.columns());
        codecs.forEach(c -> columns.add(c.column()));
        return columns;
    }

    /** One name per input ({@code AGE}, {@code SEX=F}, {@code SEX=<other>}), in input order. */
    public List<String> inputNames() {
        List<String> names = new ArrayList<>(width);
        if (text != null) {
            String joined = String.join("+", text.columns());
            for (int i = 0; i < text.width(); i++) {
                names.add(joined + "#" + i);
            }
        }
        codecs.forEach(c -> names.addAll(c.inputNames()));
        return names;
    }

    /** The encoded rows as a float32 matrix {@code [rows.length, width()]}. */
    public INDArray encode(RawTable table, int[] rows) {
        float[] data = encodeToArray(table, rows);
        if (rows.length == 0) {
            return Nd4j.create(DataType.FLOAT, 0, width);
        }
        return Nd4j.create(data, new long[] {rows.length, width}, 'c');
    }

    /** The encoded rows, row-major, {@code rows.length * width()} values. */
    public float[] encodeToArray(RawTable table, int[] rows) {
        Prepared ready = prepare(table);
        PreparedColumn[] columns = ready.columns();
        float[] data = new float[rows.length * width];
        int textWidth = text == null ? 0 : text.width();
        for (int r = 0; r < rows.length; r++) {
            int row = rows[r];
            int base = r * width;
            if (textWidth > 0) {
                System.arraycopy(ready.text(), row * textWidth, data, base, textWidth);
            }
            for (int i = 0; i < columns.length; i++) {
                columns[i].write(row, data, base + offsets[i]);
            }
        }
        return data;
    }

    private Prepared prepare(RawTable table) {
        Prepared last = prepared;
        if (last != null && last.table().get() == table) {
            return last;
        }
        PreparedColumn[] columns = new PreparedColumn[codecs.size()];
        for (int i = 0; i < columns.length; i++) {
            int index = table.columnIndex(codecs.get(i).column());
            if (index < 0) {
                throw missingColumn(table, codecs.get(i).column());
            }
            columns[i] = codecs.get(i).prepare(table, index);
        }
        float[] textValues = text == null ? null : text.prepare(table, progress);
        Prepared ready = new Prepared(new java.lang.ref.WeakReference<>(table), textValues, columns);
        prepared = ready;
        return ready;
    }

    private static MtlException missingColumn(RawTable table, String column) {
        return new MtlException(ErrorCategory.DATA_INVALID, table.origin() + ": no column '" + column
                + "', which the model reads as a feature (columns: " + ColumnNames.list(table.columns()) + ")"
                + ColumnNames.didYouMean(column, table.columns()));
    }

    /** One map per column, in input order. */
    public List<Map<String, Object>> toState() {
        List<Map<String, Object>> state = new ArrayList<>();
        if (text != null) {
            state.add(text.toState());
        }
        codecs.forEach(c -> state.add(c.toState()));
        return state;
    }

    public static FeatureEncoder fromState(List<Map<?, ?>> state) {
        return fromState(state, null);
    }

    /** Restores an encoder; {@code textEncoder} restores the text featurisation, when the state has one. */
    public static FeatureEncoder fromState(List<Map<?, ?>> state, TextEncoder textEncoder) {
        TextBlock text = null;
        List<ColumnCodec> codecs = new ArrayList<>();
        for (Map<?, ?> entry : state) {
            if ("text".equals(entry.get("type"))) {
                text = TextBlock.fromState(entry, textEncoder);
            } else {
                codecs.add(ColumnCodec.fromState(entry));
            }
        }
        return new FeatureEncoder(text, codecs);
    }
}
