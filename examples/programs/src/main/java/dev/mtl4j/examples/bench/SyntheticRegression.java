package dev.mtl4j.examples.bench;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.PipelineBuilder;
import dev.mtl4j.api.spec.PipelineSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The benchmark's data: x ~ N(0, I) in 64 dimensions and three 4-output regression targets
 * y_k = tanh(W_k x) + noise, written as a CSV (x0..x63, a0..a3, b0..b3, c0..c3).
 */
final class SyntheticRegression {
    static final int INPUTS = 64;
    static final int OUTPUTS = 4;
    static final String[] TASKS = {"a", "b", "c"};
    /** λ of the three tasks, as in the article. */
    static final double[] WEIGHTS = {0.5, 0.3, 0.2};

    private SyntheticRegression() {
    }

    /** The article's model over this data in mtl4j's DSL: 64 → hidden → hidden shared, three 4-output MSE heads. */
    static PipelineSpec spec(Path csv, int epochs, int batch, int hidden) {
        PipelineBuilder builder = Mtl.pipeline("bench")
                .data(Data.csv(csv.toString()).numeric("x*").split(0, 1))
                .encoder(Encoders.mlp().hidden(hidden, hidden).activation("relu"));
        for (int t = 0; t < TASKS.length; t++) {
            String task = TASKS[t];
            builder = builder.task(task, Heads.regression(OUTPUTS)).weight(WEIGHTS[t])
                    .labels(task + "0", task + "1", task + "2", task + "3");
        }
        return builder.training(t -> t.epochs(epochs).batchSize(batch).adam(1e-3).seed(42)).build();
    }

    static void write(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        double[][][] weights = new double[TASKS.length][OUTPUTS][INPUTS];
        for (double[][] task : weights) {
            for (double[] row : task) {
                for (int i = 0; i < INPUTS; i++) {
                    row[i] = random.nextGaussian() / Math.sqrt(INPUTS);
                }
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            StringBuilder header = new StringBuilder();
            for (int i = 0; i < INPUTS; i++) {
                header.append("x").append(i).append(',');
            }
            for (String task : TASKS) {
                for (int o = 0; o < OUTPUTS; o++) {
                    header.append(task).append(o).append(',');
                }
            }
            out.write(header.substring(0, header.length() - 1));
            out.newLine();
            double[] x = new double[INPUTS];
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                for (int i = 0; i < INPUTS; i++) {
                    x[i] = random.nextGaussian();
                    line.append((float) x[i]).append(',');
                }
                for (double[][] task : weights) {
                    for (double[] w : task) {
                        double dot = 0;
                        for (int i = 0; i < INPUTS; i++) {
                            dot += w[i] * x[i];
                        }
                        line.append((float) (Math.tanh(dot) + 0.1 * random.nextGaussian())).append(',');
                    }
                }
                out.append(line, 0, line.length() - 1);
                out.newLine();
            }
        }
    }
}
