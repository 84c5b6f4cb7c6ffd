package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.spi.ScalableLoss;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.serde.jackson.shaded.NDArrayTextDeSerializer;
import org.nd4j.serde.jackson.shaded.NDArrayTextSerializer;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonInclude;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;
import org.nd4j.shade.jackson.databind.annotation.JsonSerialize;

/**
 * The CORAL loss (Cao et al. 2020): binary cross-entropy summed over the K-1 thresholds, each
 * threshold's label 1 when the example's rank is above it. Computed from the logits {@code z} of the
 * sigmoid outputs, {@code softplus(z) - y·z}, so that no probability is clipped and the gradient is
 * exactly {@code σ(z) - y} (DL4J's {@code LossBinaryXENT} clips p before the logarithm). Per-output
 * weights scale each threshold (the runtime's task weight λ arrives that way). Saved in the network's
 * JSON configuration like DL4J's losses.
 */
public final class CoralLoss implements ScalableLoss {
    private static final long serialVersionUID = 1L;

    @JsonSerialize(using = NDArrayTextSerializer.class)
    @JsonDeserialize(using = NDArrayTextDeSerializer.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonProperty("weights")
    private final INDArray weights;

    /** @param weights per-threshold weights {@code [1, thresholds]}, or null for ones */
    @JsonCreator
    public CoralLoss(@JsonProperty("weights") INDArray weights) {
        this.weights = weights;
    }

    @Override
    public INDArray outputWeights() {
        return weights;
    }

    @Override
    public ScalableLoss withOutputWeights(INDArray outputWeights) {
        return new CoralLoss(outputWeights);
    }

    private static void requireSigmoid(IActivation activation) {
        if (!(activation instanceof ActivationSigmoid)) {
            throw new IllegalStateException("the CORAL loss reads sigmoid outputs, got " + activation);
        }
    }

    /** Per-threshold loss, weighted and masked, {@code [rows, thresholds]}. */
    private INDArray elementScores(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        requireSigmoid(activation);
        INDArray z = preOutput.castTo(labels.dataType());
        // softplus(z) = max(z, 0) + log(1 + exp(-|z|)), exact for large |z|
        INDArray softplus = Transforms.relu(z, true).addi(Transforms.log1p(Transforms.exp(Transforms.abs(z, true).negi(), false), false));
        return weighedAndMasked(softplus.subi(labels.mul(z)), mask);
    }

    private INDArray weighedAndMasked(INDArray perElement, INDArray mask) {
        if (weights != null) {
            perElement.muliRowVector(weights.castTo(perElement.dataType()));
        }
        if (mask != null) {
            LossUtil.applyMask(perElement, mask);
        }
        return perElement;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        double sum = elementScores(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return elementScores(labels, preOutput, activationFn, mask).sum(true, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        requireSigmoid(activationFn);
        INDArray p = Transforms.sigmoid(preOutput.castTo(labels.dataType()), true);
        return weighedAndMasked(p.subi(labels), mask);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "CoralLoss";
    }

    @Override
    public String toString() {
        return name();
    }
}
