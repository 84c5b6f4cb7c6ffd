package dev.mtl4j.runtime.eval;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every {@code stride}-th row's (true, predicted) values of a regression task, per output column,
 * for a predicted-vs-true plot of bounded size.
 */
final class PairSample {
    private final int stride;
    private final List<List<double[]>> columns = new ArrayList<>();
    private long seen;

    /** @param rows the rows that will be added, so at most about {@code limit} are kept */
    PairSample(int outputs, long rows, int limit) {
        this.stride = (int) Math.max(1, (rows + limit - 1) / limit);
        for (int c = 0; c < outputs; c++) {
            columns.add(new ArrayList<>());
        }
    }

    void add(INDArray actual, INDArray predicted, INDArray mask) {
        int rows = (int) actual.size(0);
        int width = columns.size();
        double[] y = flat(actual);
        double[] p = flat(predicted);
        double[] m = mask == null ? null : flat(mask);
        for (int r = 0; r < rows; r++, seen++) {
            if (seen % stride != 0) {
                continue;
            }
            for (int c = 0; c < width; c++) {
                if (m == null || m[r * width + c] > 0) {
                    columns.get(c).add(new double[] {y[r * width + c], p[r * width + c]});
                }
            }
        }
    }

    /** The values of a 2-d array, row by row, without an ND4J object per row. */
    private static double[] flat(INDArray array) {
        return array.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('c').data().asDouble();
    }

    List<TaskDetails.Pairs> pairs(List<String> names) {
        List<TaskDetails.Pairs> pairs = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            List<double[]> kept = columns.get(c);
            pairs.add(new TaskDetails.Pairs(names.get(c), kept.stream().mapToDouble(v -> v[0]).toArray(),
                    kept.stream().mapToDouble(v -> v[1]).toArray()));
        }
        return pairs;
    }
}
