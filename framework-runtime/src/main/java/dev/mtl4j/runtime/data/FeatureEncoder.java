package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.Location;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.FeatureOptions;
import dev.mtl4j.api.spec.FeatureType;
import dev.mtl4j.api.spec.UnseenCategory;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TextEncoder;
import dev.mtl4j.api.spi.TextProgress;
import dev.mtl4j.runtime.embed.ColumnEmbedding;
import dev.mtl4j.runtime.memory.MemoryLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns feature columns into one float matrix, each column encoded by its declared type and fitted
 * on the training rows only. Columns are found by name in every table it encodes, so a prediction
 * file may order its columns differently. Text columns, when there are any, come first: the text
 * encoder's featurisation of each row's joined text, then the other columns.
 */
public final class FeatureEncoder {
    /** Values encoded on the heap at a time before they are copied into the matrix (1 MB). */
    private static final int CHUNK_VALUES = 1 << 18;

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
        return fit(List.of(new Rows(table, trainRows)), columns, unseen, textEncoder, progress);
    }

    /**
     * Fits every column's encoding on the rows of several chunks together (the training rows of
     * several data sets): standardisation from their merged moments, categories from the union of
     * their values, text featurisation from all their texts. Every chunk must have every column.
     */
    public static FeatureEncoder fit(List<Rows> chunks, List<FeatureColumn> columns, UnseenCategory unseen,
                                     TextEncoder textEncoder, TextProgress progress) {
        List<ColumnCodec> codecs = new ArrayList<>();
        List<String> textColumns = new ArrayList<>();
        for (FeatureColumn feature : columns) {
            for (Rows chunk : chunks) {
                if (chunk.table().columnIndex(feature.column()) < 0) {
                    throw missingColumn(chunk.table(), feature.column());
                }
            }
            String column = feature.column();
            switch (feature.spec().type()) {
                case TEXT -> textColumns.add(column);
                case NUMERIC -> codecs.add(EmbeddedNumber.of(NumericCodec.fit(chunks, column, feature.spec().options().transform()),
                        feature.spec().options()));
                case CATEGORICAL -> codecs.add(categorical(chunks, column, feature.spec().options(), unseen));
                case ORDINAL -> codecs.add(EmbeddedNumber.of(OrdinalCodec.fit(chunks, column, feature.spec().levels()),
                        feature.spec().options()));
            }
        }
        requireTextEncoderFits(textColumns, textEncoder);
        TextBlock text = null;
        if (!textColumns.isEmpty()) {
            text = TextBlock.fit(chunks, textColumns, textEncoder, progress);
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

    /** One-hot, or a learned embedding's row when the training rows hold more values than the feature's {@code embedAbove}. */
    private static ColumnCodec categorical(List<Rows> chunks, String column, FeatureOptions options, UnseenCategory unseen) {
        CategoricalCodec oneHot = CategoricalCodec.fit(chunks, column, unseen == UnseenCategory.OTHER);
        if (options.embedAbove() != null && oneHot.values().size() > options.embedAbove()) {
            return new CategoryIndexCodec(column, oneHot.values(), options.embeddingSize());
        }
        return oneHot;
    }

    /**
     * How each input is embedded before the encoder, in input order, or empty when none is (the
     * network then reads the inputs as they are, as before embeddings existed).
     */
    public java.util.Optional<List<ColumnEmbedding>> embeddings() {
        List<ColumnEmbedding> columns = new ArrayList<>();
        for (int i = 0; i < (text == null ? 0 : text.width()); i++) {
            columns.add(ColumnEmbedding.PASS);
        }
        for (ColumnCodec codec : codecs) {
            columns.add(codec.embedding());
            for (int i = 1; i < codec.width(); i++) {
                columns.add(ColumnEmbedding.PASS);
            }
        }
        return columns.stream().allMatch(c -> c.kind() == ColumnEmbedding.Kind.PASS) ? java.util.Optional.empty()
                : java.util.Optional.of(columns);
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

    /** The numeric columns with an input marking missing cells (some training cells were missing). */
    public List<String> missingIndicators() {
        return codecs.stream().filter(c -> (c instanceof EmbeddedNumber embedded ? embedded.number() : c) instanceof NumericCodec numeric
                        && numeric.indicator())
                .map(ColumnCodec::column).toList();
    }

    /** One name per input ({@code AGE}, {@code AGE=missing}, {@code SEX=F}, {@code SEX=<other>}), in input order. */
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

    /**
     * The encoded rows as a float32 matrix {@code [rows.length, width()]}, written into the array a
     * chunk of rows at a time: no second copy of the matrix is made on the Java heap.
     *
     * @throws MtlException RESOURCE_EXHAUSTED when the matrix would not fit the memory ND4J may use
     */
    public INDArray encode(RawTable table, int[] rows) {
        if (rows.length == 0) {
            return Nd4j.create(DataType.FLOAT, 0, width);
        }
        Prepared ready = prepare(table);
        requireRoom(table, rows.length);
        INDArray out = Nd4j.create(DataType.FLOAT, rows.length, width);
        FloatPointer target = new FloatPointer(out.data().addressPointer());
        int chunk = Math.max(1, CHUNK_VALUES / Math.max(1, width));
        float[] buffer = new float[Math.min(chunk, rows.length) * width];
        for (int start = 0; start < rows.length; start += chunk) {
            int end = Math.min(rows.length, start + chunk);
            java.util.Arrays.fill(buffer, 0f);
            write(ready, rows, start, end, buffer);
            target.position((long) start * width).put(buffer, 0, (end - start) * width);
        }
        return out;
    }

    /** The encoded rows, row-major, {@code rows.length * width()} values (for small row sets). */
    public float[] encodeToArray(RawTable table, int[] rows) {
        float[] data = new float[rows.length * width];
        write(prepare(table), rows, 0, rows.length, data);
        return data;
    }

    /** Writes rows {@code rows[start, end)} into {@code out}, which is zeroed, from its start. */
    private void write(Prepared ready, int[] rows, int start, int end, float[] out) {
        PreparedColumn[] columns = ready.columns();
        int textWidth = text == null ? 0 : text.width();
        for (int r = start; r < end; r++) {
            int row = rows[r];
            int base = (r - start) * width;
            if (textWidth > 0) {
                System.arraycopy(ready.text(), row * textWidth, out, base, textWidth);
            }
            for (int i = 0; i < columns.length; i++) {
                columns[i].write(row, out, base + offsets[i]);
            }
        }
    }

    private void requireRoom(RawTable table, int rows) {
        long needed = 4L * rows * width;
        MemoryLimits limits = MemoryLimits.current();
        long left = limits.offHeapBytes() - Pointer.totalBytes();
        if (needed > left) {
            throw new MtlException(ErrorCategory.RESOURCE_EXHAUSTED, Problem.at(Location.file(table.origin()), rows
                    + " rows of " + width + " inputs need " + MemoryLimits.readable(needed) + " as one float array, and "
                    + MemoryLimits.readable(Math.max(0, left)) + " are left of the " + MemoryLimits.readable(limits.offHeapBytes())
                    + " this process may use for arrays; use fewer rows or give it more memory (MTL_JAVA_OPTS=-Xmx8g for ./mtl)"));
        }
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
