package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.HeadContext;
import dev.mtl4j.api.spi.LossWeights;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.api.spi.TargetKind;
import java.util.List;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * Independent sigmoid outputs with binary cross-entropy: one for binary, one per label column for
 * multilabel. A binary head may weigh its positive examples and add a focal term; without either it
 * uses DL4J's own loss, so that the saved network stays loadable by plain DL4J.
 */
final class SigmoidHead implements Head {
    private final List<Integer> hidden;
    private final TargetKind kind;
    private final String positive;
    private final LossWeights positiveWeight;
    private final double focal;
    private final double threshold;
    private final ThresholdChoice chooseThreshold;

    /** {@code multilabel}. */
    SigmoidHead(SigmoidConfig config) {
        this(config.hidden(), TargetKind.MULTILABEL, null, null, 0, 0.5, ThresholdChoice.NONE);
    }

    /** {@code binary}. */
    SigmoidHead(BinaryConfig config) {
        this(config.hidden(), TargetKind.BINARY, config.positive(), config.positiveWeight(), config.focal(), config.threshold(),
                config.chooseThreshold());
    }

    private SigmoidHead(List<Integer> hidden, TargetKind kind, String positive, LossWeights positiveWeight, double focal,
                        double threshold, ThresholdChoice chooseThreshold) {
        this.hidden = hidden;
        this.kind = kind;
        this.positive = positive;
        this.positiveWeight = positiveWeight;
        this.focal = focal;
        this.threshold = threshold;
        this.chooseThreshold = chooseThreshold;
    }

    @Override
    public double decisionThreshold() {
        return threshold;
    }

    @Override
    public String thresholdChoice() {
        return chooseThreshold == ThresholdChoice.NONE ? null : chooseThreshold.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public TargetKind targetKind() {
        return kind;
    }

    @Override
    public String positiveClass() {
        return positive;
    }

    @Override
    public int outputSize(TargetInfo target) {
        if (kind == TargetKind.BINARY && target.labelColumns().size() != 1) {
            throw new SpecException("labels", "a binary head reads one label column, got " + target.labelColumns()
                    + "; use a multilabel head for several");
        }
        return target.naturalOutputs();
    }

    @Override
    public String build(GraphScope scope, String input, int inputSize, HeadContext context) {
        int outputs = outputSize(context.target());
        double weight = ClassWeights.positive(positiveWeight, context.target());
        ILossFunction loss = weight == 1.0 && focal == 0 ? new LossBinaryXENT() : new WeightedBinaryXent(weight, focal, null);
        return HeadLayers.build(scope, input, inputSize, hidden, outputs, Activation.SIGMOID, loss);
    }
}
