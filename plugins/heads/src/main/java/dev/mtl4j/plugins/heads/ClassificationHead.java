package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.HeadContext;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.api.spi.TargetKind;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/** Softmax over the classes, cross-entropy loss, each class's examples optionally weighted, a focal term optional. */
final class ClassificationHead implements Head {
    private final ClassificationConfig config;

    ClassificationHead(ClassificationConfig config) {
        this.config = config;
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.CATEGORICAL;
    }

    @Override
    public int outputSize(TargetInfo target) {
        int found = target.classes().size();
        if (config.classes() != null && config.classes() != found) {
            throw new SpecException("classes", "is " + config.classes() + ", but column '" + target.labelColumns().get(0)
                    + "' has " + found + " classes in the training rows: " + target.classes());
        }
        if (found < 2) {
            throw new SpecException("classes", "column '" + target.labelColumns().get(0)
                    + "' has fewer than two classes in the training rows: " + target.classes());
        }
        return found;
    }

    @Override
    public String build(GraphScope scope, String input, int inputSize, HeadContext context) {
        int outputs = outputSize(context.target());
        double[] weights = ClassWeights.perClass(config.classWeights(), context.target());
        // DL4J's softmax cross-entropy weighs each class's column: with one-hot labels, each class's examples
        INDArray perClass = weights == null ? null : Nd4j.createFromArray(weights).castTo(DataType.FLOAT).reshape(1, outputs);
        ILossFunction loss = config.focal() > 0 ? new FocalSoftmaxXent(config.focal(), perClass)
                : perClass == null ? new LossMCXENT() : new LossMCXENT(perClass);
        return HeadLayers.build(scope, input, inputSize, config.hidden(), outputs, Activation.SOFTMAX, loss);
    }
}
