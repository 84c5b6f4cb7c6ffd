package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.UnseenCategory;
import dev.mtl4j.api.spi.RawTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns feature columns into one float matrix, each column encoded by its declared type and fitted
 * on the training rows only. Columns are found by name in every table it encodes, so a prediction
 * file may order its columns differently.
 */
public final class FeatureEncoder {
    private final List<ColumnCodec> codecs;
    private final int[] offsets;
    private final int width;
    /** The columns of the table encoded last, so that its row subsets (splits, batches) are copies. */
    private volatile Prepared prepared;

    private record Prepared(java.lang.ref.WeakReference<RawTable> table, PreparedColumn[] columns) {
    }

    private FeatureEncoder(List<ColumnCodec> codecs) {
        this.codecs = List.copyOf(codecs);
        this.offsets = new int[codecs.size()];
        int at = 0;
        for (int i = 0; i < codecs.size(); i++) {
            offsets[i] = at;
            at += codecs.get(i).width();
        }
        this.width = at;
    }

    /** Fits every column's encoding on {@code trainRows} of {@code table}. */
    public static FeatureEncoder fit(RawTable table, List<FeatureColumn> columns, int[] trainRows,
                                     UnseenCategory unseen) {
        List<ColumnCodec> codecs = new ArrayList<>();
        for (FeatureColumn feature : columns) {
            int index = table.columnIndex(feature.column());
            if (index < 0) {
                throw missingColumn(table, feature.column());
            }
            codecs.add(switch (feature.spec().type()) {
                case NUMERIC -> NumericCodec.fit(table, index, trainRows);
                case CATEGORICAL -> CategoricalCodec.fit(table, index, trainRows, unseen == UnseenCategory.OTHER);
                case ORDINAL -> OrdinalCodec.fit(table, index, trainRows, feature.spec().levels());
            });
        }
        return new FeatureEncoder(codecs);
    }

    /** The number of network inputs. */
    public int width() {
        return width;
    }

    /** The feature columns, in input order. */
    public List<String> columns() {
        return codecs.stream().map(ColumnCodec::column).toList();
    }

    /** One name per input ({@code AGE}, {@code SEX=F}, {@code SEX=<other>}), in input order. */
    public List<String> inputNames() {
        List<String> names = new ArrayList<>(width);
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
        PreparedColumn[] columns = prepare(table);
        float[] data = new float[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            int row = rows[r];
            int base = r * width;
            for (int i = 0; i < columns.length; i++) {
                columns[i].write(row, data, base + offsets[i]);
            }
        }
        return data;
    }

    private PreparedColumn[] prepare(RawTable table) {
        Prepared last = prepared;
        if (last != null && last.table().get() == table) {
            return last.columns();
        }
        PreparedColumn[] columns = new PreparedColumn[codecs.size()];
        for (int i = 0; i < columns.length; i++) {
            int index = table.columnIndex(codecs.get(i).column());
            if (index < 0) {
                throw missingColumn(table, codecs.get(i).column());
            }
            columns[i] = codecs.get(i).prepare(table, index);
        }
        prepared = new Prepared(new java.lang.ref.WeakReference<>(table), columns);
        return columns;
    }

    private static MtlException missingColumn(RawTable table, String column) {
        return new MtlException(ErrorCategory.DATA_INVALID, table.origin() + ": no column '" + column
                + "', which the model reads as a feature (columns: " + ColumnNames.list(table.columns()) + ")"
                + ColumnNames.didYouMean(column, table.columns()));
    }

    /** One map per column, in input order. */
    public List<Map<String, Object>> toState() {
        return codecs.stream().map(ColumnCodec::toState).toList();
    }

    public static FeatureEncoder fromState(List<Map<?, ?>> state) {
        return new FeatureEncoder(state.stream().map(ColumnCodec::fromState).toList());
    }
}
