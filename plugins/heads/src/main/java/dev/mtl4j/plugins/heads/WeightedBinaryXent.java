package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.spi.ScalableLoss;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
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
 * Binary cross-entropy with a weight on the positive examples and an optional focal term (Lin et al.
 * 2017): per output, {@code -(w+ · y · (1-p)^γ · log p + (1-y) · p^γ · log(1-p))}, times the
 * output's weight. DL4J's {@code LossBinaryXENT} weighs outputs, not classes, so a positive weight
 * needs its own loss; with {@code w+ = 1} and {@code γ = 0} the head uses DL4J's loss instead. Saved
 * in the network's JSON configuration like DL4J's losses (by class name, fields as properties).
 */
public final class WeightedBinaryXent implements ScalableLoss {
    private static final long serialVersionUID = 1L;
    /** As DL4J's LossBinaryXENT: probabilities are clipped away from 0 and 1 before the logarithm. */
    private static final double CLIP = 1e-5;

    @JsonProperty("positiveWeight")
    private final double positiveWeight;
    @JsonProperty("gamma")
    private final double gamma;
    @JsonSerialize(using = NDArrayTextSerializer.class)
    @JsonDeserialize(using = NDArrayTextDeSerializer.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonProperty("weights")
    private final INDArray weights;

    /**
     * @param positiveWeight w+, the weight of a positive example's loss (> 0)
     * @param gamma the focal exponent γ (>= 0; 0 is plain cross-entropy)
     * @param weights per-output weights {@code [1, outputs]}, or null for ones
     */
    @JsonCreator
    public WeightedBinaryXent(@JsonProperty("positiveWeight") double positiveWeight, @JsonProperty("gamma") double gamma,
                              @JsonProperty("weights") INDArray weights) {
        if (!(positiveWeight > 0 && Double.isFinite(positiveWeight))) {
            throw new IllegalArgumentException("the positive weight must be a positive number, got " + positiveWeight);
        }
        if (!(gamma >= 0 && Double.isFinite(gamma))) {
            throw new IllegalArgumentException("the focal exponent must be >= 0, got " + gamma);
        }
        this.positiveWeight = positiveWeight;
        this.gamma = gamma;
        this.weights = weights;
    }

    public double positiveWeight() {
        return positiveWeight;
    }

    public double gamma() {
        return gamma;
    }

    @Override
    public INDArray outputWeights() {
        return weights;
    }

    @Override
    public ScalableLoss withOutputWeights(INDArray outputWeights) {
        return new WeightedBinaryXent(positiveWeight, gamma, outputWeights);
    }

    /** Per-element loss, masked and weighted, {@code [rows, outputs]}. */
    private INDArray elementScores(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        INDArray p = clipped(activation.getActivation(preOutput.dup(), true));
        INDArray q = p.rsub(1.0);
        // y · w+ · (1-p)^γ · log p  +  (1-y) · p^γ · log(1-p), negated
        INDArray positive = Transforms.log(p, true).muli(focal(q)).muli(labels).muli(positiveWeight);
        INDArray negative = Transforms.log(q, true).muli(focal(p)).muli(labels.rsub(1.0));
        INDArray scores = positive.addi(negative).negi();
        return weighedAndMasked(scores, mask);
    }

    /** {@code x^γ}, or ones when γ = 0. */
    private INDArray focal(INDArray x) {
        return gamma == 0 ? x.like().assign(1.0) : Transforms.pow(x, gamma, true);
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

    private static INDArray clipped(INDArray p) {
        return Transforms.min(Transforms.max(p, CLIP, false), 1.0 - CLIP, false);
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
        INDArray p = clipped(activationFn.getActivation(preOutput.dup(), true));
        INDArray q = p.rsub(1.0);
        // d/dp of the positive part: -w+ · y · ((1-p)^γ / p - γ (1-p)^(γ-1) log p)
        INDArray positive = focal(q).divi(p);
        // d/dp of the negative part: (1-y) · (p^γ / (1-p) - γ p^(γ-1) log(1-p))
        INDArray negative = focal(p).divi(q);
        if (gamma != 0) {
            positive.subi(Transforms.pow(q, gamma - 1, true).muli(Transforms.log(p, true)).muli(gamma));
            negative.subi(Transforms.pow(p, gamma - 1, true).muli(Transforms.log(q, true)).muli(gamma));
        }
        INDArray dLdp = negative.muli(labels.rsub(1.0)).subi(positive.muli(labels).muli(positiveWeight));
        INDArray dLdz = activationFn.backprop(preOutput.dup(), dLdp).getFirst();
        return weighedAndMasked(dLdz, mask);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "WeightedBinaryXent(positiveWeight=" + positiveWeight + ", gamma=" + gamma + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
