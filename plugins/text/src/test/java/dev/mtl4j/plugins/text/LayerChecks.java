package dev.mtl4j.plugins.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What the tests of the text plugin's own running layers check with: a layer's pass, DL4J's gradient check, array differences. */
final class LayerChecks {
    private LayerChecks() {
    }

    /** DL4J's gradient check of a double-precision network on one masked batch (central differences, 1e-3 relative). */
    static boolean gradientsMatchFiniteDifferences(ComputationGraph graph, INDArray input, INDArray mask, INDArray labels) {
        DataType floatType = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); // GradientCheckUtil insists, though the network is double
        try {
            return GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                    .inputs(new INDArray[] {input}).labels(new INDArray[] {labels}).inputMask(new INDArray[] {mask})
                    .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8));
        } finally {
            Nd4j.setDefaultDataTypes(floatType, floatType);
        }
    }

    /**
     * One training pass of a running layer on a masked batch, every result copied: its output, and from
     * {@code epsilon} (the error at its output) the error at its input and each parameter's gradient.
     */
    static Pass pass(Layer layer, INDArray input, INDArray mask, INDArray epsilon) {
        LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
        layer.setInput(input.dup(), none);
        layer.setMaskArray(mask);
        INDArray output = layer.activate(true, none).dup();
        Pair<Gradient, INDArray> back = layer.backpropGradient(epsilon.dup(), none);
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        back.getFirst().gradientForVariable().forEach((key, value) -> gradients.put(key, value.dup()));
        return new Pass(output, back.getSecond().dup(), gradients);
    }

    /** What {@link #pass} measured. */
    record Pass(INDArray output, INDArray inputError, Map<String, INDArray> gradients) {
        INDArray gradient(String key) {
            assertThat(gradients).containsKey(key);
            return gradients.get(key);
        }
    }

    /** The largest absolute difference between two arrays of one shape. */
    static double difference(INDArray a, INDArray b) {
        assertThat(a.shape()).containsExactly(b.shape());
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }
}
