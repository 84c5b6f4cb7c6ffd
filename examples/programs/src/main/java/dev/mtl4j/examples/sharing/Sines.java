package dev.mtl4j.examples.sharing;

import java.util.Locale;
import java.util.Random;

/**
 * How the MMoE paper's sine terms sin(α_i·wᵀx + β_i) are shaped. The paper calls α_i, β_i "given
 * parameters" and does not print them, so the experiment offers two readings:
 * <ul>
 *   <li>{@code normal:SD}: α_i, β_i ~ N(0, SD²), drawn once per data set. With SD = 0.1 the sines
 *   are nearly linear in wᵀx and the tasks nearly linear; with SD = 1 they bend.</li>
 *   <li>{@code ramp}: α_i = i, β_i = (i−1)², fixed — the choice of the generator Google Research
 *   published for the same procedure; strongly non-linear (frequencies up to m).</li>
 * </ul>
 */
public sealed interface Sines permits Sines.Normal, Sines.Ramp {
    /** The m multipliers α and m offsets β; a random choice draws from {@code random}. */
    double[][] alphaBeta(int m, Random random);

    /** Reads {@code normal:SD} or {@code ramp}. */
    static Sines parse(String text) {
        if (text.equals("ramp")) {
            return new Ramp();
        }
        if (text.startsWith("normal:")) {
            try {
                return new Normal(Double.parseDouble(text.substring("normal:".length())));
            } catch (NumberFormatException e) {
                // fall through to the error naming both forms
            }
        }
        throw new IllegalArgumentException("--sines must be normal:SD (e.g. normal:0.1) or ramp, got '" + text + "'");
    }

    /** α_i, β_i ~ N(0, sd²). */
    record Normal(double sd) implements Sines {
        public Normal {
            if (!(sd >= 0) || Double.isInfinite(sd)) {
                throw new IllegalArgumentException("the sines' standard deviation must be finite and >= 0, got " + sd);
            }
        }

        @Override
        public double[][] alphaBeta(int m, Random random) {
            double[] alpha = new double[m];
            double[] beta = new double[m];
            for (int i = 0; i < m; i++) {
                alpha[i] = sd * random.nextGaussian();
            }
            for (int i = 0; i < m; i++) {
                beta[i] = sd * random.nextGaussian();
            }
            return new double[][] {alpha, beta};
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "normal:%s", sd);
        }
    }

    /** α_i = i, β_i = (i−1)² for i = 1..m. */
    record Ramp() implements Sines {
        @Override
        public double[][] alphaBeta(int m, Random random) {
            double[] alpha = new double[m];
            double[] beta = new double[m];
            for (int i = 0; i < m; i++) {
                alpha[i] = i + 1;
                beta[i] = (double) i * i;
            }
            return new double[][] {alpha, beta};
        }

        @Override
        public String toString() {
            return "ramp";
        }
    }
}
