package dev.mtl4j.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.spi.TargetKind;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Metrics summed batch by batch equal the metrics of all rows at once, to the last bit. */
final class TaskScoreTest {

    @Test
    void batchesGiveTheSameMetricsAsOnePass() {
        Random random = new Random(5);
        int rows = 1000;
        for (TargetKind kind : TargetKind.values()) {
            int outputs = kind == TargetKind.BINARY ? 1 : 3;
            float[] predicted = new float[rows * outputs];
            float[] labels = new float[rows * outputs];
            float[] mask = new float[rows];
            for (int r = 0; r < rows; r++) {
                int label = random.nextInt(outputs);
                for (int c = 0; c < outputs; c++) {
                    predicted[r * outputs + c] = kind == TargetKind.NUMERIC ? (float) random.nextGaussian() * 3 : random.nextFloat();
                    labels[r * outputs + c] = kind == TargetKind.NUMERIC ? (float) random.nextGaussian() * 2 + 1
                            : kind == TargetKind.CATEGORICAL ? (c == label ? 1 : 0) : random.nextInt(2);
                }
                mask[r] = random.nextInt(10) == 0 ? 0 : 1;
            }
            double[] means = kind == TargetKind.NUMERIC ? means(labels, mask, outputs) : null;
            TaskScore whole = new TaskScore(kind, outputs, means);
            whole.add(predicted, labels, mask, rows);
            TaskScore batched = new TaskScore(kind, outputs, means);
            for (int start = 0; start < rows; start += 333) {
                int end = Math.min(rows, start + 333);
                batched.add(Arrays.copyOfRange(predicted, start * outputs, end * outputs),
                        Arrays.copyOfRange(labels, start * outputs, end * outputs), Arrays.copyOfRange(mask, start, end),
                        end - start);
            }
            Map<String, Double> expected = whole.result();
            assertThat(batched.result()).as(kind.name()).isEqualTo(expected);
            assertThat(expected.keySet()).containsExactlyElementsOf(Metrics.names(kind));
            assertThat(expected.values()).allMatch(Double::isFinite);
        }
    }

    private static double[] means(float[] labels, float[] mask, int outputs) {
        LabelMean mean = new LabelMean(outputs);
        mean.add(labels, mask, mask.length);
        return mean.means();
    }
}
