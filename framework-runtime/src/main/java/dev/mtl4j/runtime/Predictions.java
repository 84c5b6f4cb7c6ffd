package dev.mtl4j.runtime;

import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.TargetKind;
import dev.mtl4j.runtime.data.TargetEncoder;
import dev.mtl4j.runtime.eval.OrdinalRanks;
import dev.mtl4j.runtime.eval.Predictor;
import dev.mtl4j.runtime.model.TrainedModel;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model's predictions as a table: one row per input row; per task the predicted class and its
 * probability (classification, binary), one 0/1 column per label (multilabel), or the value in the
 * target's units (regression). The outputs are kept as one float array per task; a row's cells are
 * made when it is read or written.
 */
public final class Predictions {
    private final List<String> columns;
    private final List<TaskOutputs> tasks;
    private final int size;

    /** One task's outputs, row-major, and how they read: its kind, class names and (binary) decision threshold. */
    private record TaskOutputs(TargetKind kind, List<String> names, int width, float[] values, double threshold) {
        @Override
        public boolean equals(Object other) {
            return other instanceof TaskOutputs that && kind == that.kind && names.equals(that.names)
                    && width == that.width && Arrays.equals(values, that.values) && threshold == that.threshold;
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, names, width, Arrays.hashCode(values), threshold);
        }
    }

    private Predictions(List<String> columns, List<TaskOutputs> tasks, int size) {
        this.columns = List.copyOf(columns);
        this.tasks = List.copyOf(tasks);
        this.size = size;
    }

    /** The predictions from the network's outputs, one array per task in the pipeline's order. */
    static Predictions of(TrainedModel model, INDArray[] outputs) {
        List<String> columns = new ArrayList<>();
        List<TaskOutputs> tasks = new ArrayList<>();
        List<TaskSpec> specs = model.spec().tasks();
        for (int t = 0; t < specs.size(); t++) {
            TargetEncoder target = model.preprocessor().target(specs.get(t).name());
            TargetKind kind = target.info().kind();
            float[] values = Predictor.values(outputs[t]);
            values = kind == TargetKind.NUMERIC ? target.restore(values) : values;
            List<String> names = switch (kind) {
                case CATEGORICAL -> IntStream.range(0, target.width()).mapToObj(target::className).toList();
                case ORDINAL -> target.info().classes();
                case BINARY -> List.of(target.className(0), target.className(1));
                case MULTILABEL, NUMERIC -> List.of();
            };
            tasks.add(new TaskOutputs(kind, names, (int) outputs[t].size(1), values, target.threshold()));
            columns.addAll(switch (kind) {
                case CATEGORICAL, BINARY, ORDINAL -> List.of(specs.get(t).name(), specs.get(t).name() + ".probability");
                case MULTILABEL, NUMERIC -> specs.get(t).labels();
            });
        }
        int size = outputs.length == 0 ? 0 : (int) outputs[0].size(0);
        return new Predictions(columns, tasks, size);
    }

    /** The header. */
    public List<String> columns() {
        return columns;
    }

    /** The number of rows. */
    public int size() {
        return size;
    }

    /** The cells of row {@code row}. */
    public List<String> row(int row) {
        List<String> cells = new ArrayList<>(columns.size());
        for (TaskOutputs task : tasks) {
            cells(task, row, cells);
        }
        return cells;
    }

    private static void cells(TaskOutputs task, int row, List<String> cells) {
        int at = row * task.width();
        float[] v = task.values();
        switch (task.kind()) {
            case CATEGORICAL -> {
                int best = 0;
                for (int i = 1; i < task.width(); i++) {
                    best = v[at + i] > v[at + best] ? i : best;
                }
                cells.add(task.names().get(best));
                cells.add(Float.toString(v[at + best]));
            }
            case ORDINAL -> {
                // the rank CORAL predicts (thresholds passed), with that class's probability
                int rank = OrdinalRanks.rank(v, at, task.width());
                cells.add(task.names().get(rank));
                cells.add(Float.toString((float) OrdinalRanks.probabilities(v, at, task.width())[rank]));
            }
            case BINARY -> {
                boolean positive = v[at] > task.threshold();
                cells.add(task.names().get(positive ? 1 : 0));
                cells.add(Float.toString(positive ? v[at] : 1 - v[at]));
            }
            case MULTILABEL -> {
                for (int i = 0; i < task.width(); i++) {
                    cells.add(v[at + i] > 0.5f ? "1" : "0");
                }
            }
            case NUMERIC -> {
                for (int i = 0; i < task.width(); i++) {
                    cells.add(Float.toString(v[at + i]));
                }
            }
        }
    }

    /** Writes the table as CSV (RFC 4180 quoting), row by row. */
    public void writeCsv(Writer out) throws IOException {
        writeRow(out, columns);
        for (int r = 0; r < size; r++) {
            writeRow(out, row(r));
        }
        out.flush();
    }

    private static void writeRow(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
                out.write('"' + cell.replace("\"", "\"\"") + '"');
            } else {
                out.write(cell);
            }
        }
        out.write('\n');
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Predictions that && size == that.size && columns.equals(that.columns)
                && tasks.equals(that.tasks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, tasks, size);
    }

    @Override
    public String toString() {
        return "Predictions[" + size + " rows, columns " + columns + "]";
    }
}
