package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.HeadContext;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.api.spi.TargetKind;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/** Identity outputs on standardised targets; the runtime restores the original units. */
final class RegressionHead implements Head {
    private final RegressionConfig config;

    RegressionHead(RegressionConfig config) {
        this.config = config;
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.NUMERIC;
    }

    @Override
    public int outputSize(TargetInfo target) {
        int columns = target.labelColumns().size();
        if (config.outputs() != null && config.outputs() != columns) {
            throw new SpecException("outputs", "is " + config.outputs() + ", but the task has " + columns
                    + " label column(s): " + target.labelColumns());
        }
        return columns;
    }

    @Override
    public String build(GraphScope scope, String input, int inputSize, HeadContext context) {
        int outputs = outputSize(context.target());
        ILossFunction loss = config.loss() == RegressionLoss.MAE ? new LossMAE() : new LossMSE();
        return HeadLayers.build(scope, input, inputSize, config.hidden(), outputs, Activation.IDENTITY, loss);
    }
}
