package dev.mtl4j.runtime.train;

import dev.mtl4j.api.spi.ScalableLoss;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossL1;
import org.nd4j.linalg.lossfunctions.impl.LossL2;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMAPE;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.nd4j.linalg.lossfunctions.impl.LossMSLE;
import org.nd4j.linalg.lossfunctions.impl.LossNegativeLogLikelihood;

/**
 * How DL4J's general path applies λ: DL4J's built-in losses multiply score and gradient by a
 * per-output weight array. While a network trains, each output whose λ is not 1 gets a copy of its
 * head's loss with such an array (the head's own weights, if any, times λ), set just before each
 * {@code fit} and reset to the head's weights right after, so between steps — when the network is
 * evaluated or saved — every loss is the head's own. {@link #close()} puts the heads' loss objects
 * back. A label mask cannot carry λ: DL4J also multiplies an output layer's preactivation by it.
 */
final class LossWeightLevers implements AutoCloseable {
    private final ComputationGraph graph;
    private final Lever[] levers;

    LossWeightLevers(ComputationGraph graph) {
        this.graph = graph;
        this.levers = new Lever[graph.getNumOutputArrays()];
    }

    /** Sets each output's weights to its λ; installs an output's lever the first time its λ is not 1. */
    void apply(double[] lambda) {
        for (int i = 0; i < levers.length; i++) {
            if (lambda[i] != 1.0 && levers[i] == null) {
                levers[i] = install(i);
            }
            if (levers[i] != null) {
                levers[i].weights.assign(levers[i].base).muli(lambda[i]);
            }
        }
    }

    /** Back to the heads' own weights. */
    void reset() {
        for (Lever lever : levers) {
            if (lever != null) {
                lever.weights.assign(lever.base);
            }
        }
    }

    @Override
    public void close() {
        for (Lever lever : levers) {
            if (lever != null) {
                lever.layer.setLossFn(lever.original);
            }
        }
        java.util.Arrays.fill(levers, null);
    }

    private Lever install(int output) {
        String name = graph.getConfiguration().getNetworkOutputs().get(output);
        if (!(graph.getOutputLayer(output).conf().getLayer() instanceof BaseOutputLayer layer)) {
            throw new IllegalStateException("output '" + name + "' is not a DL4J output layer with a loss function; "
                    + "DL4J's general path cannot weight its loss");
        }
        ILossFunction original = layer.getLossFn();
        INDArray base = headWeights(original);
        INDArray weights = base == null ? Nd4j.ones(DataType.FLOAT, 1, layer.getNOut()) : base.castTo(DataType.FLOAT).dup();
        ILossFunction weighted = weighted(original, weights);
        if (weighted == null) {
            throw new IllegalStateException("output '" + name + "' uses the loss " + original.getClass().getSimpleName()
                    + ", which takes no per-output weights; DL4J's general path can only apply task weights to "
                    + supported());
        }
        layer.setLossFn(weighted);
        return new Lever(layer, original, weights, weights.dup());
    }

    private static INDArray headWeights(ILossFunction loss) {
        if (loss instanceof ScalableLoss l) {
            return l.outputWeights();
        }
        if (loss instanceof LossMCXENT l) {
            return l.getWeights();
        }
        if (loss instanceof LossBinaryXENT l) {
            return l.getWeights();
        }
        if (loss instanceof LossL2 l) {
            return l.getWeights();
        }
        if (loss instanceof LossL1 l) {
            return l.getWeights();
        }
        if (loss instanceof LossMSLE l) {
            return l.getWeights();
        }
        return loss instanceof LossMAPE l ? l.getWeights() : null;
    }

    /** A copy of a DL4J loss with the given per-output weights, or null for a loss that takes none. */
    private static ILossFunction weighted(ILossFunction loss, INDArray weights) {
        if (loss instanceof ScalableLoss scalable) {
            return scalable.withOutputWeights(weights);
        }
        Class<?> type = loss.getClass();
        if (type == LossMCXENT.class) {
            return new LossMCXENT(((LossMCXENT) loss).getSoftmaxClipEps(), weights);
        }
        if (type == LossNegativeLogLikelihood.class) {
            return new LossNegativeLogLikelihood(weights);
        }
        if (type == LossBinaryXENT.class) {
            return new LossBinaryXENT(((LossBinaryXENT) loss).getClipEps(), weights);
        }
        if (type == LossMSE.class) {
            return new LossMSE(weights);
        }
        if (type == LossMAE.class) {
            return new LossMAE(weights);
        }
        if (type == LossL2.class) {
            return new LossL2(weights);
        }
        if (type == LossL1.class) {
            return new LossL1(weights);
        }
        if (type == LossMSLE.class) {
            return new LossMSLE(weights);
        }
        return type == LossMAPE.class ? new LossMAPE(weights) : null;
    }

    private static String supported() {
        List<String> names = new ArrayList<>(List.of("LossMCXENT", "LossNegativeLogLikelihood", "LossBinaryXENT", "LossMSE",
                "LossMAE", "LossL2", "LossL1", "LossMSLE", "LossMAPE", "a ScalableLoss"));
        return String.join(", ", names);
    }

    /**
     * @param weights the array the installed loss multiplies by
     * @param base the head's own weights (ones when it had none)
     */
    private record Lever(BaseOutputLayer layer, ILossFunction original, INDArray weights, INDArray base) {
    }
}
