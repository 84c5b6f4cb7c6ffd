package dev.mtl4j.runtime;

import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.TargetKind;
import dev.mtl4j.runtime.data.TargetEncoder;
import dev.mtl4j.runtime.model.TrainedModel;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model's predictions as a table: one row per input row; per task the predicted class and its
 * probability (classification, binary), one 0/1 column per label (multilabel), or the value in the
 * target's units (regression).
 *
 * @param columns the header
 * @param rows the cells
 */
public record Predictions(List<String> columns, List<List<String>> rows) {

    static Predictions of(TrainedModel model, INDArray[] outputs) {
        List<String> columns = new ArrayList<>();
        List<float[][]> values = new ArrayList<>();
        List<TaskSpec> tasks = model.spec().tasks();
        for (int t = 0; t < tasks.size(); t++) {
            TargetEncoder target = model.preprocessor().target(tasks.get(t).name());
            INDArray output = target.info().kind() == TargetKind.NUMERIC ? target.restore(outputs[t]) : outputs[t];
            values.add(output.castTo(DataType.FLOAT).toFloatMatrix());
            columns.addAll(header(tasks.get(t), target));
        }
        int rowCount = outputs.length == 0 ? 0 : (int) outputs[0].size(0);
        List<List<String>> rows = new ArrayList<>(rowCount);
        for (int r = 0; r < rowCount; r++) {
            List<String> row = new ArrayList<>();
            for (int t = 0; t < tasks.size(); t++) {
                row.addAll(cells(model.preprocessor().target(tasks.get(t).name()), values.get(t)[r]));
            }
            rows.add(row);
        }
        return new Predictions(columns, rows);
    }

    private static List<String> header(TaskSpec task, TargetEncoder target) {
        return switch (target.info().kind()) {
            case CATEGORICAL, BINARY -> List.of(task.name(), task.name() + ".probability");
            case MULTILABEL, NUMERIC -> task.labels();
        };
    }

    private static List<String> cells(TargetEncoder target, float[] output) {
        switch (target.info().kind()) {
            case CATEGORICAL: {
                int best = 0;
                for (int i = 1; i < output.length; i++) {
                    best = output[i] > output[best] ? i : best;
                }
                return List.of(target.className(best), Float.toString(output[best]));
            }
            case BINARY: {
                boolean positive = output[0] > 0.5f;
                return List.of(target.className(positive ? 1 : 0), Float.toString(positive ? output[0] : 1 - output[0]));
            }
            case MULTILABEL: {
                List<String> cells = new ArrayList<>();
                for (float p : output) {
                    cells.add(p > 0.5f ? "1" : "0");
                }
                return cells;
            }
            default: {
                List<String> cells = new ArrayList<>();
                for (float v : output) {
                    cells.add(Float.toString(v));
                }
                return cells;
            }
        }
    }

    /** Writes the table as CSV (RFC 4180 quoting). */
    public void writeCsv(Writer out) throws IOException {
        writeRow(out, columns);
        for (List<String> row : rows) {
            writeRow(out, row);
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
}
