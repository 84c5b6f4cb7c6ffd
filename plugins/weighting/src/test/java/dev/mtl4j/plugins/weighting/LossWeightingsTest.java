package dev.mtl4j.plugins.weighting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.api.spi.LossWeighting;
import dev.mtl4j.api.spi.TaskWeighting;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The loss weightings' own arithmetic, and every method's state surviving a save and a restore. */
final class LossWeightingsTest {

    private static BatchLosses batch(double... losses) {
        boolean[] present = new boolean[losses.length];
        java.util.Arrays.fill(present, true);
        return new BatchLosses(losses, present);
    }

    @Test
    void dwaWeighsByTheRatioOfTheLastTwoEpochLosses() {
        DwaWeighting dwa = new DwaWeighting(new DwaConfig(2.0));
        dwa.start(GradientAggregatorsTest.context(2));
        dwa.epochDone(1, new double[] {1.0, 1.0});
        assertThat(dwa.weights(null)).containsExactly(1.0, 1.0);
        dwa.epochDone(2, new double[] {0.5, 1.0});
        double[] lambda = dwa.weights(null);
        // K·softmax(w/T) with w = (0.5, 1.0), T = 2
        double e1 = Math.exp(0.25);
        double e2 = Math.exp(0.5);
        assertThat(lambda[0]).isCloseTo(2 * e1 / (e1 + e2), within(1e-12));
        assertThat(lambda[1]).isCloseTo(2 * e2 / (e1 + e2), within(1e-12));
    }

    @Test
    void uncertaintyConvergesToTheLossAsVariance() {
        UncertaintyWeighting uncertainty = new UncertaintyWeighting(new UncertaintyConfig(0.05, 0.0));
        uncertainty.start(GradientAggregatorsTest.context(2));
        for (int step = 0; step < 3000; step++) {
            uncertainty.stepDone(batch(0.25, 4.0), null);
        }
        // the minimum of L/(2σ²) + log σ is at σ² = L
        assertThat(uncertainty.sigma()[0]).isCloseTo(0.5, within(0.01));
        assertThat(uncertainty.sigma()[1]).isCloseTo(2.0, within(0.04));
        assertThat(uncertainty.weights(null)[0]).isCloseTo(1 / (2 * 0.25), within(0.1));
    }

    @Test
    void famoWeighsEachLossByItsInverseAndShiftsWeightToTheSlowerTask() {
        FamoWeighting famo = new FamoWeighting(new FamoConfig(0.025, 0.0));
        famo.start(GradientAggregatorsTest.context(2));
        double[] first = famo.weights(batch(2.0, 0.5));
        // z = (½, ½): λ_i = z_i / (c L_i) with c = Σ z_j / L_j
        double c = 0.5 / 2.0 + 0.5 / 0.5;
        assertThat(first[0]).isCloseTo(0.5 / (c * 2.0), within(1e-6));
        // task 0's log loss falls fast, task 1's not at all: the logits move weight to task 1
        double loss = 2.0;
        double[] lambda = first;
        for (int step = 0; step < 200; step++) {
            loss *= 0.97;
            lambda = famo.weights(batch(loss, 0.5));
        }
        double z0 = lambda[0] * loss;
        double z1 = lambda[1] * 0.5;
        assertThat(z1).isGreaterThan(z0);
    }

    @Test
    void gradnormMovesWeightToTheTaskWithTheSmallerGradient() {
        GradNormWeighting gradnorm = new GradNormWeighting(new GradNormConfig(0.0, 0.002, GradientSite.REPRESENTATION));
        gradnorm.start(GradientAggregatorsTest.context(2));
        for (int step = 0; step < 2000; step++) {
            gradnorm.stepDone(batch(1.0, 1.0), new double[] {1.0, 100.0});
        }
        double[] w = gradnorm.weights(null);
        assertThat(w[0] + w[1]).isCloseTo(2.0, within(1e-9));
        // α = 0: equal gradient norms w_i·n_i
        assertThat(w[0] * 1.0 / (w[1] * 100.0)).isCloseTo(1.0, within(0.15));
    }

    @Test
    void everyStatefulMethodRestoresWhatItSaved() {
        List<Supplier<TaskWeighting>> methods = List.of(
                () -> new UncertaintyWeighting(new UncertaintyConfig(null, 0.0)),
                () -> new DwaWeighting(new DwaConfig(2.0)),
                RlwWeighting::new,
                () -> new FamoWeighting(new FamoConfig(0.025, 0.01)),
                () -> new GradNormWeighting(new GradNormConfig(1.5, null, GradientSite.REPRESENTATION)),
                () -> new PcGradWeighting(new GradientsConfig(GradientSite.PARAMETERS)),
                () -> new NashMtlWeighting(new GradientsConfig(GradientSite.PARAMETERS)));
        double[][] gram = GradientAggregatorsTest.gram(new double[][] {{1, 0, 0.2}, {-0.6, 1, 0}, {0.1, -0.8, 0.7}});
        for (Supplier<TaskWeighting> make : methods) {
            TaskWeighting trained = make.get();
            trained.start(GradientAggregatorsTest.context(3));
            for (int step = 0; step < 5; step++) {
                advance(trained, gram, step);
            }
            Map<String, Object> state = trained.state();
            assertThat(state).as(trained.getClass().getSimpleName()).isNotEmpty();
            TaskWeighting restored = make.get();
            restored.start(GradientAggregatorsTest.context(3));
            restored.restore(state);
            assertThat(next(restored, gram)).as(trained.getClass().getSimpleName()).containsExactly(next(trained, gram));
        }
    }

    private static void advance(TaskWeighting method, double[][] gram, int step) {
        BatchLosses losses = batch(1.0 / (step + 1), 2.0 / (step + 2), 0.5);
        if (method instanceof LossWeighting loss) {
            loss.weights(losses);
            loss.stepDone(losses, new double[] {1, 2, 3});
            loss.epochDone(step + 1, losses.losses());
        } else {
            ((dev.mtl4j.api.spi.GradientWeighting) method).combine(gram, losses);
        }
    }

    private static double[] next(TaskWeighting method, double[][] gram) {
        BatchLosses losses = batch(0.3, 0.4, 0.5);
        return method instanceof LossWeighting loss ? loss.weights(losses)
                : ((dev.mtl4j.api.spi.GradientWeighting) method).combine(gram, losses);
    }
}
