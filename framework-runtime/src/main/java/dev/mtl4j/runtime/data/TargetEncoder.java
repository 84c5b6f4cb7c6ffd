package dev.mtl4j.runtime.data;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Location;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.RawColumn;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.api.spi.TargetKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns one task's label columns into label and mask arrays, by target kind, fitted on the training
 * rows. CATEGORICAL: one-hot over the training classes (numeric order when every class is a number).
 * BINARY: one 0/1 column
 * from 0/1, true/false, yes/no or any two values (the head's positive value, else the second in
 * order, is 1). MULTILABEL: one 0/1 column per label column. NUMERIC: standardised per column.
 * ORDINAL: K-1 cumulative 0/1 columns, column k is 1 when the class's rank is above k (classes in the
 * head's order, else numeric order).
 * A missing label masks the example (per element for MULTILABEL); the mask is null when no label
 * is missing. The training rows' class counts are kept for heads that weigh their loss by them.
 */
public final class TargetEncoder {
    /** The decision threshold of a binary task unless its head asks for another. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private final String task;
    private final TargetKind kind;
    private final List<String> columns;
    private final List<String> classes;
    private final boolean spelled;
    private final double[] means;
    private final double[] stds;
    private final List<Long> counts;
    private final List<Long> labelled;
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final double threshold;
    private final String thresholdChoice;

    /** Labels and mask of some rows; {@code mask} is null when no label is missing. */
    public record Labels(INDArray labels, INDArray mask) {
    }

    private TargetEncoder(String task, TargetKind kind, List<String> columns, List<String> classes, boolean spelled,
                          double[] means, double[] stds, List<Long> counts, List<Long> labelled) {
        this(task, kind, columns, classes, spelled, means, stds, counts, labelled, DEFAULT_THRESHOLD, null);
    }

    private TargetEncoder(String task, TargetKind kind, List<String> columns, List<String> classes, boolean spelled,
                          double[] means, double[] stds, List<Long> counts, List<Long> labelled, double threshold,
                          String thresholdChoice) {
        this.threshold = threshold;
        this.thresholdChoice = thresholdChoice;
        this.task = task;
        this.kind = kind;
        this.columns = List.copyOf(columns);
        this.classes = List.copyOf(classes);
        this.spelled = spelled;
        this.means = means;
        this.stds = stds;
        this.counts = List.copyOf(counts);
        this.labelled = List.copyOf(labelled);
        for (int i = 0; i < this.classes.size(); i++) {
            classIndex.put(this.classes.get(i), i);
        }
    }

    /** Fits with the kind's defaults (natural class order, default positive value). */
    public static TargetEncoder fit(TaskSpec task, TargetKind kind, RawTable table, int[] trainRows) {
        return fit(task, TargetRequest.of(kind), table, trainRows);
    }

    public static TargetEncoder fit(TaskSpec task, TargetRequest request, RawTable table, int[] trainRows) {
        TargetKind kind = request.kind();
        List<String> columns = task.labels();
        if (classified(kind) && columns.size() != 1) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("tasks." + task.name() + ".labels", "a "
                    + kind.name().toLowerCase(Locale.ROOT) + " head reads one label column, but labels lists "
                    + columns.size() + ": " + columns));
        }
        int[] indexes = indexes(task.name(), columns, table);
        TargetEncoder fitted = switch (kind) {
            case CATEGORICAL -> new TargetEncoder(task.name(), kind, columns,
                    Numbers.naturalOrder(distinct(task.name(), table, indexes[0], trainRows)), false, null, null,
                    List.of(), List.of());
            case BINARY -> fitBinary(task.name(), request.positive(), table, indexes[0], trainRows);
            case MULTILABEL -> {
                for (int index : indexes) {
                    distinct(task.name(), table, index, trainRows); // a label never given cannot be learned
                }
                yield new TargetEncoder(task.name(), kind, columns, List.of(), true, null, null, List.of(), List.of());
            }
            case NUMERIC -> fitNumeric(task.name(), columns, table, indexes, trainRows);
            case ORDINAL -> new TargetEncoder(task.name(), kind, columns, LabelClasses.ordered(task.name(), request.order(),
                    distinct(task.name(), table, indexes[0], trainRows), table, indexes[0]), false, null, null, List.of(), List.of());
        };
        fitted = kind == TargetKind.NUMERIC ? fitted : fitted.counted(table, indexes, trainRows);
        return kind == TargetKind.BINARY ? fitted.withThreshold(request.threshold(), request.thresholdChoice()) : fitted;
    }

    /** BINARY: this encoder deciding at {@code threshold}, chosen by {@code choice} ({@code f1}) or given (null). */
    public TargetEncoder withThreshold(double threshold, String choice) {
        return new TargetEncoder(task, kind, columns, classes, spelled, means, stds, counts, labelled, threshold, choice);
    }

    /**
     * The probability of the positive value above which it is predicted: a binary task's (0.5 unless
     * its head asked for another or it was chosen on validation rows); 0.5 for every other kind.
     */
    public double threshold() {
        return threshold;
    }

    /** BINARY: the validation metric that chooses the threshold after training ({@code f1}), or null. */
    public String thresholdChoice() {
        return thresholdChoice;
    }

    private static boolean classified(TargetKind kind) {
        return kind == TargetKind.CATEGORICAL || kind == TargetKind.BINARY || kind == TargetKind.ORDINAL;
    }

    private static TargetEncoder fitBinary(String task, String positive, RawTable table, int index, int[] rows) {
        List<String> values = Numbers.naturalOrder(distinct(task, table, index, rows));
        List<String> column = List.of(table.columns().get(index));
        if (positive != null) {
            return new TargetEncoder(task, TargetKind.BINARY, column, LabelClasses.positiveLast(task, positive, values, table,
                    index), false, null, null, List.of(), List.of());
        }
        if (values.stream().allMatch(v -> truth(v) != null)) {
            String negative = values.stream().filter(v -> !truth(v)).findFirst().orElse("0");
            String yes = values.stream().filter(TargetEncoder::truth).findFirst().orElse("1");
            return new TargetEncoder(task, TargetKind.BINARY, column, List.of(negative, yes), true, null, null, List.of(),
                    List.of());
        }
        if (values.size() != 2) {
            throw LabelClasses.tooMany(task, values, table, index);
        }
        return new TargetEncoder(task, TargetKind.BINARY, column, values, false, null, null, List.of(), List.of());
    }

    /** This encoder with the training rows' counts: per class, or positives per label column (MULTILABEL). */
    private TargetEncoder counted(RawTable table, int[] indexes, int[] rows) {
        List<Long> perSlot = new ArrayList<>();
        List<Long> present = new ArrayList<>();
        for (int index : indexes) {
            RawColumn column = table.column(index);
            int[] slots = slotsByCode(column);
            List<Long> counted = LabelClasses.counts(column, slots, rows, kind == TargetKind.MULTILABEL ? 2 : classes.size());
            if (kind == TargetKind.MULTILABEL) {
                perSlot.add(counted.get(1));
                present.add(counted.get(0) + counted.get(1));
            } else {
                perSlot.addAll(counted);
                present.add(counted.stream().mapToLong(Long::longValue).sum());
            }
        }
        return new TargetEncoder(task, kind, columns, classes, spelled, means, stds, perSlot, present, threshold, thresholdChoice);
    }

    private static TargetEncoder fitNumeric(String task, List<String> columns, RawTable table, int[] indexes,
                                            int[] rows) {
        double[] means = new double[columns.size()];
        double[] stds = new double[columns.size()];
        List<Long> present = new ArrayList<>();
        for (int c = 0; c < indexes.length; c++) {
            Moments.Result moments = NumericCodec.moments(List.of(new Rows(table, rows)), columns.get(c));
            if (moments.count() == 0) {
                throw noValues(task, table, indexes[c]);
            }
            means[c] = moments.mean();
            stds[c] = moments.std();
            present.add(moments.count());
        }
        return new TargetEncoder(task, TargetKind.NUMERIC, columns, List.of(), false, means, stds, List.of(), present);
    }

    private static Set<String> distinct(String task, RawTable table, int index, int[] rows) {
        Set<String> values = CategoricalCodec.distinct(table, index, rows);
        if (values.isEmpty()) {
            throw noValues(task, table, index);
        }
        return values;
    }

    /** A label column empty in every training row: the task would learn nothing and measure NaN. */
    private static MtlException noValues(String task, RawTable table, int index) {
        return new MtlException(ErrorCategory.DATA_INVALID, Problem.at(Location.file(table.origin()), "column '"
                + table.columns().get(index) + "' (task '" + task + "') has no values in the training rows"));
    }

    private static int[] indexes(String task, List<String> columns, RawTable table) {
        int[] indexes = new int[columns.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = table.columnIndex(columns.get(i));
            if (indexes[i] < 0) {
                throw new MtlException(ErrorCategory.DATA_INVALID,
                        FeatureResolver.missingLabel(task, columns.get(i), table));
            }
        }
        return indexes;
    }

    /** true for 1/true/yes, false for 0/false/no (any case), else null. */
    private static Boolean truth(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes" -> Boolean.TRUE;
            case "0", "false", "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    public String task() {
        return task;
    }

    public TargetKind kind() {
        return kind;
    }

    /**
     * What a head needs to know: kind, label columns, the classes in output order (CATEGORICAL;
     * BINARY: negative, positive) and the training rows' counts.
     */
    public TargetInfo info() {
        return new TargetInfo(task, kind, columns, classified(kind) ? classes : List.of(), counts, labelled);
    }

    /** The width of the label array. */
    public int width() {
        return info().naturalOutputs();
    }

    /**
     * The name of class {@code index}: the class for CATEGORICAL and ORDINAL (rank {@code index}), the negative
     * (0) or positive (1) value for BINARY, the label column for MULTILABEL and NUMERIC.
     */
    public String className(int index) {
        return classified(kind) ? classes.get(index) : columns.get(index);
    }

    public Labels encode(RawTable table, int[] rows) {
        int[] indexes = indexes(task, columns, table);
        int width = width();
        int maskWidth = kind == TargetKind.MULTILABEL ? width : 1;
        float[] labels = new float[rows.length * width];
        float[] mask = new float[rows.length * maskWidth];
        java.util.Arrays.fill(mask, 1f);
        boolean anyMissing = false;
        RawColumn[] cells = new RawColumn[indexes.length];
        int[][] slots = new int[indexes.length][];
        double[][] numbers = new double[indexes.length][];
        for (int c = 0; c < indexes.length; c++) {
            cells[c] = table.column(indexes[c]);
            if (kind == TargetKind.NUMERIC) {
                numbers[c] = CodeValues.numbers(cells[c]);
            } else {
                slots[c] = slotsByCode(cells[c]);
            }
        }
        for (int r = 0; r < rows.length; r++) {
            int at = r * width;
            for (int c = 0; c < indexes.length; c++) {
                int code = cells[c].code(rows[r]);
                if (code == RawColumn.MISSING) {
                    anyMissing = true;
                    mask[r * maskWidth + (maskWidth == 1 ? 0 : c)] = 0f;
                    continue;
                }
                if (kind == TargetKind.NUMERIC) {
                    double value = numbers[c][code];
                    if (Double.isNaN(value)) {
                        throw NumericCodec.notANumber(cells[c].value(code), table, rows[r], indexes[c]);
                    }
                    labels[at + c] = (float) ((value - means[c]) / stds[c]);
                    continue;
                }
                int slot = slots[c][code];
                if (slot == CodeValues.UNKNOWN) {
                    throw unknown(cells[c].value(code), table, rows[r], indexes[c]);
                }
                if (kind == TargetKind.ORDINAL) {
                    java.util.Arrays.fill(labels, at, at + slot, 1f); // rank > k for every threshold k below the rank
                    continue;
                }
                labels[at + (kind == TargetKind.CATEGORICAL ? slot : kind == TargetKind.MULTILABEL ? c : 0)] =
                        kind == TargetKind.CATEGORICAL ? 1f : slot;
            }
        }
        if (kind == TargetKind.NUMERIC && anyMissing) {
            for (int r = 0; r < rows.length; r++) {
                if (mask[r] == 0f) {
                    java.util.Arrays.fill(labels, r * width, (r + 1) * width, 0f);
                }
            }
        }
        return new Labels(matrix(labels, rows.length, width), anyMissing ? matrix(mask, rows.length, maskWidth) : null);
    }

    /**
     * Per code of a label column: the class's output (CATEGORICAL), or 0/1 (BINARY, MULTILABEL), or
     * {@link CodeValues#UNKNOWN} for a value this task cannot read.
     */
    private int[] slotsByCode(RawColumn column) {
        if (kind == TargetKind.CATEGORICAL || kind == TargetKind.ORDINAL || !spelled) {
            return CodeValues.slots(column, classIndex);
        }
        int[] slots = new int[column.codeCount()];
        for (int code = 0; code < slots.length; code++) {
            Boolean value = truth(column.value(code));
            slots[code] = value == null ? CodeValues.UNKNOWN : value ? 1 : 0;
        }
        return slots;
    }

    private MtlException unknown(String cell, RawTable table, int row, int index) {
        String message;
        if (kind == TargetKind.CATEGORICAL || kind == TargetKind.ORDINAL) {
            message = "class '" + cell + "' of task '" + task + "' was not in the training rows (classes: "
                    + LabelClasses.shown(classes) + ")";
        } else if (spelled) {
            message = "task '" + task + "' expects 0/1, true/false or yes/no, found '" + cell + "'";
        } else {
            message = "task '" + task + "' expects '" + classes.get(0) + "' or '" + classes.get(1) + "', found '" + cell + "'";
        }
        return new MtlException(ErrorCategory.DATA_INVALID, Problem.at(table.locate(row, index), message));
    }

    /** NUMERIC: standardised values {@code [n, columns]} back in the label columns' units (float64). */
    public INDArray restore(INDArray standardised) {
        if (kind != TargetKind.NUMERIC) {
            throw new IllegalStateException("task '" + task + "' is " + kind + "; only numeric targets are restored");
        }
        INDArray values = standardised.castTo(DataType.DOUBLE).dup();
        values.muliRowVector(Nd4j.createFromArray(stds.clone()));
        values.addiRowVector(Nd4j.createFromArray(means.clone()));
        return values;
    }

    /**
     * NUMERIC: standardised values (row-major, one per label column) back in the label columns' units,
     * rounded to float32 as {@link #restore(INDArray)} then a cast to float would round them.
     */
    public float[] restore(float[] standardised) {
        if (kind != TargetKind.NUMERIC) {
            throw new IllegalStateException("task '" + task + "' is " + kind + "; only numeric targets are restored");
        }
        float[] values = new float[standardised.length];
        int width = stds.length;
        for (int i = 0; i < values.length; i++) {
            int c = i % width;
            values[i] = (float) (standardised[i] * stds[c] + means[c]);
        }
        return values;
    }

    private static INDArray matrix(float[] data, int rows, int width) {
        return rows == 0 ? Nd4j.create(DataType.FLOAT, 0, width) : Nd4j.create(data, new long[] {rows, width}, 'c');
    }

    public Map<String, Object> toState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("task", task);
        state.put("kind", kind.name());
        state.put("columns", new ArrayList<>(columns));
        if (classified(kind)) {
            state.put("classes", new ArrayList<>(classes));
        }
        if (kind == TargetKind.BINARY) {
            state.put("spelled", spelled);
        }
        if (kind == TargetKind.NUMERIC) {
            state.put("means", State.boxed(means));
            state.put("stds", State.boxed(stds));
        }
        if (kind == TargetKind.BINARY && (threshold != DEFAULT_THRESHOLD || thresholdChoice != null)) {
            // absent in models with the default threshold, which load as before
            state.put("threshold", threshold);
            if (thresholdChoice != null) {
                state.put("thresholdChoice", thresholdChoice);
            }
        }
        if (!labelled.isEmpty()) {
            state.put("counts", State.wholeNumbers(counts));
            state.put("labelled", State.wholeNumbers(labelled));
        }
        return state;
    }

    public static TargetEncoder fromState(Map<?, ?> state) {
        String kindName = State.string(state, "kind");
        TargetKind kind;
        try {
            kind = TargetKind.valueOf(kindName);
        } catch (IllegalArgumentException e) {
            throw State.invalid("kind", "one of CATEGORICAL, BINARY, MULTILABEL, NUMERIC, ORDINAL", kindName);
        }
        boolean numeric = kind == TargetKind.NUMERIC;
        // models saved before the counts were kept have none: unknown, not zero
        boolean counted = state.containsKey("labelled");
        TargetEncoder read = new TargetEncoder(State.string(state, "task"), kind, State.strings(state, "columns"),
                classified(kind) ? State.strings(state, "classes") : List.of(),
                kind == TargetKind.BINARY ? State.flag(state, "spelled") : kind == TargetKind.MULTILABEL,
                numeric ? State.numbers(state, "means") : null, numeric ? State.numbers(state, "stds") : null,
                counted ? State.counts(state, "counts") : List.of(), counted ? State.counts(state, "labelled") : List.of());
        if (!state.containsKey("threshold")) {
            return read;
        }
        double threshold = State.number(state, "threshold");
        if (!(threshold >= 0 && threshold <= 1)) {
            throw State.invalid("threshold", "a probability in [0, 1]", threshold);
        }
        return read.withThreshold(threshold, state.containsKey("thresholdChoice") ? State.string(state, "thresholdChoice") : null);
    }
}
