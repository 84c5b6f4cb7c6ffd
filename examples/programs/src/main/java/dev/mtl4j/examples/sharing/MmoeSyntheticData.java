package dev.mtl4j.examples.sharing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The synthetic data of the MMoE paper (Ma et al. 2018, section 3.2): two regression tasks whose
 * correlation is set by {@code p}. Two orthogonal unit vectors u1, u2 in R^d (random, Gram-Schmidt);
 * w1 = c·u1, w2 = c·(p·u1 + √(1−p²)·u2); x ~ N(0, I);
 * y_k = w_kᵀx + Σ_{i=1..m} sin(α_i·w_kᵀx + β_i) + ε_k with α_i, β_i chosen by {@link Sines} (the paper
 * leaves them open) and shared by both tasks, and ε_k ~ N(0, 0.01) (0.01 a variance: standard
 * deviation 0.1). The linear parts
 * w1ᵀx and w2ᵀx are standard normal with correlation exactly p; the sines make the tasks
 * non-linear, so the labels' correlation is close to, not equal to, p.
 *
 * <p>Everything — u1, u2, α, β, then the rows — comes from one {@link Random} seeded with
 * {@code seed}, so one seed gives one file, byte for byte.
 */
public final class MmoeSyntheticData {
    /** The paper's input dimension d. */
    public static final int DIMENSION = 100;
    /** The paper's number of sine terms m. */
    public static final int SINES = 10;
    /** Variance of the noise ε. */
    static final double VARIANCE = 0.01;
    /** α_i, β_i ~ N(0, 0.01): nearly linear sines, the reading the first runs used. */
    public static final Sines NEARLY_LINEAR = new Sines.Normal(0.1);

    private final double p;
    private final double[] u1;
    private final double[] u2;
    private final double[] w1;
    private final double[] w2;
    private final double[] alpha;
    private final double[] beta;
    private final Random random;

    /** The paper's setting: d = 100, c = 1, m = 10, with nearly linear sines. */
    public MmoeSyntheticData(double p, long seed) {
        this(p, NEARLY_LINEAR, seed);
    }

    /** The paper's setting: d = 100, c = 1, m = 10, with the sines shaped by {@code shape}. */
    public MmoeSyntheticData(double p, Sines shape, long seed) {
        this(p, DIMENSION, 1.0, SINES, shape, seed);
    }

    public MmoeSyntheticData(double p, int dimension, double scale, int sines, Sines shape, long seed) {
        if (p < -1 || p > 1) {
            throw new IllegalArgumentException("the correlation p must lie in [-1, 1], got " + p);
        }
        if (dimension < 2) {
            throw new IllegalArgumentException("two orthogonal vectors need a dimension of at least 2, got " + dimension);
        }
        this.p = p;
        this.random = new Random(seed);
        this.u1 = unit(gaussian(dimension, 1.0));
        this.u2 = unit(orthogonalPart(gaussian(dimension, 1.0), u1));
        double q = Math.sqrt(1 - p * p);
        this.w1 = new double[dimension];
        this.w2 = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            w1[j] = scale * u1[j];
            w2[j] = scale * (p * u1[j] + q * u2[j]);
        }
        double[][] alphaBeta = shape.alphaBeta(sines, random);
        this.alpha = alphaBeta[0];
        this.beta = alphaBeta[1];
    }

    public double p() {
        return p;
    }

    public double[] u1() {
        return u1.clone();
    }

    public double[] u2() {
        return u2.clone();
    }

    public double[] w1() {
        return w1.clone();
    }

    public double[] w2() {
        return w2.clone();
    }

    /** One row: the features x, then y1 and y2. Rows continue the generator's random stream. */
    public double[] nextRow() {
        int d = w1.length;
        double[] row = new double[d + 2];
        for (int j = 0; j < d; j++) {
            row[j] = random.nextGaussian();
        }
        double noise = Math.sqrt(VARIANCE);
        row[d] = label(w1, row) + noise * random.nextGaussian();
        row[d + 1] = label(w2, row) + noise * random.nextGaussian();
        return row;
    }

    /** w ᵀx over the first {@code w.length} entries of {@code row}. */
    static double dot(double[] w, double[] row) {
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            sum += w[j] * row[j];
        }
        return sum;
    }

    /**
     * Writes {@code trainRows + testRows} rows as CSV with the header {@code x0..x(d−1), y1, y2,
     * split}; the split column says {@code train} for the first {@code trainRows} rows and
     * {@code test} for the rest, so a pipeline reads it with {@code split: { column: split }}.
     */
    public void write(Path file, int trainRows, int testRows) {
        int d = w1.length;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < d; j++) {
                line.append('x').append(j).append(',');
            }
            out.write(line.append("y1,y2,split\n").toString());
            for (int r = 0; r < trainRows + testRows; r++) {
                line.setLength(0);
                for (double v : nextRow()) {
                    // float precision is plenty for N(0, 1) features and keeps the file half the size
                    line.append((float) v).append(',');
                }
                out.write(line.append(r < trainRows ? "train" : "test").append('\n').toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private double label(double[] w, double[] row) {
        double linear = dot(w, row);
        double y = linear;
        for (int i = 0; i < alpha.length; i++) {
            y += Math.sin(alpha[i] * linear + beta[i]);
        }
        return y;
    }

    private double[] gaussian(int n, double sd) {
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = sd * random.nextGaussian();
        }
        return v;
    }

    /** Gram-Schmidt: {@code v} minus its projection on the unit vector {@code u}. */
    private static double[] orthogonalPart(double[] v, double[] u) {
        double along = dot(u, v);
        double[] out = v.clone();
        for (int j = 0; j < v.length; j++) {
            out[j] -= along * u[j];
        }
        return out;
    }

    private static double[] unit(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        double[] out = v.clone();
        for (int j = 0; j < v.length; j++) {
            out[j] /= norm;
        }
        return out;
    }
}
