package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import java.nio.file.Path;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The soft-sharing penalty: its gradient is the derivative of its value, and it is part of the loss. */
final class ParameterTiesTest {
    private static final double COEFFICIENT = 0.3;

    @Test
    void penaltyGradientEqualsFiniteDifferences() {
        ComputationGraph graph = threeTowers();
        ParameterTies ties = ParameterTies.of(graph);
        // Towers start from different random weights, so the penalty is far from zero.
        assertThat(ties.penalty(graph)).isGreaterThan(1.0);
        graph.getFlattenedGradients().assign(0);

        double value = ties.applyTo(graph, 1.0);

        assertThat(value).isCloseTo(ties.penalty(graph), within(1e-6 * value));
        for (String tower : new String[] {"digit", "parity", "ink"}) {
            Layer layer = graph.getLayer("shared/tower_" + tower + "/dense_0");
            INDArray params = layer.params();
            INDArray gradient = layer.getGradientsViewArray();
            for (long i : new long[] {0, 7, params.length() - 1}) {
                double original = params.getDouble(i);
                double step = 1e-2;
                params.putScalar(i, original + step);
                double up = ties.penalty(graph);
                params.putScalar(i, original - step);
                double down = ties.penalty(graph);
                params.putScalar(i, original);
                assertThat(gradient.getDouble(i)).as(tower + " parameter " + i)
                        .isCloseTo((up - down) / (2 * step), within(1e-3));
            }
        }
    }

    @Test
    void untiedParametersGetNoPenaltyGradient() {
        ComputationGraph graph = threeTowers();
        graph.getFlattenedGradients().assign(0);

        ParameterTies.of(graph).applyTo(graph, 1.0);

        assertThat(graph.getLayer("task/digit/output").getGradientsViewArray().sumNumber().doubleValue()).isZero();
    }

    private static ComputationGraph threeTowers() {
        ComputationGraph graph = MtlRuntime.create().prepare(Pipelines.digits(1, 8, 4).sharing(Sharing.soft().coefficient(COEFFICIENT))
                .task("digit", Heads.classification(10))
                .task("parity", Heads.binary())
                .task("ink", Heads.regression())
                .build(), Path.of("")).network().graph();
        graph.initGradientsView();
        return graph;
    }
}
