package dev.mtl4j.plugins.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/** A loss's analytic gradient against central finite differences of its score, entry by entry. */
final class LossGradientCheck {
    private static final double EPS = 1e-6;

    private LossGradientCheck() {}

    static void assertMatchesFiniteDifferences(ILossFunction loss, INDArray labels, INDArray z, IActivation activation,
                                               INDArray mask, double tolerance, String description) {
        INDArray analytic = loss.computeGradient(labels, z, activation, mask);
        for (int r = 0; r < z.rows(); r++) {
            for (int c = 0; c < z.columns(); c++) {
                INDArray up = z.dup();
                up.putScalar(r, c, z.getDouble(r, c) + EPS);
                INDArray down = z.dup();
                down.putScalar(r, c, z.getDouble(r, c) - EPS);
                double numeric = (loss.computeScore(labels, up, activation, mask, false)
                        - loss.computeScore(labels, down, activation, mask, false)) / (2 * EPS);
                assertThat(analytic.getDouble(r, c)).as("%s, [%d,%d]", description, r, c).isCloseTo(numeric, within(tolerance));
            }
        }
    }
}
