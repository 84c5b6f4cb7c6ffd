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
 * Softmax cross-entropy with a focal term (Lin et al. 2017) and per-class weights: per example,
 * {@code -Σ_c w_c · y_c · (1-p_c)^γ · log p_c}. DL4J has no focal loss; with {@code γ = 0} the head
 * uses DL4J's {@code LossMCXENT} (with the same class weights) instead. The gradient with respect to
 * the pre-activations goes through the activation's own backward pass (the softmax Jacobian).
 */
public final class FocalSoftmaxXent implements ScalableLoss {
    private static final long serialVersionUID = 1L;
    /** As DL4J's LossMCXENT: probabilities are kept away from 0 (and 1) before logarithms and powers. */
    private static final double CLIP = 1e-10;

    @JsonProperty("gamma")
    private final double gamma;
    @JsonSerialize(using = NDArrayTextSerializer.class)
    @JsonDeserialize(using = NDArrayTextDeSerializer.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonProperty("weights")
    private final INDArray weights;

    /**
     * @param gamma the focal exponent γ (>= 0)
     * @param weights per-class weights {@code [1, classes]}, or null for ones
     */
    @JsonCreator
    public FocalSoftmaxXent(@JsonProperty("gamma") double gamma, @JsonProperty("weights") INDArray weights) {
        if (!(gamma >= 0 && Double.isFinite(gamma))) {
            throw new IllegalArgumentException("the focal exponent must be >= 0, got " + gamma);
        }
        this.gamma = gamma;
        this.weights = weights;
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
        return new FocalSoftmaxXent(gamma, outputWeights);
    }

    private static INDArray probabilities(INDArray preOutput, IActivation activation) {
        INDArray p = activation.getActivation(preOutput.dup(), true);
        return Transforms.min(Transforms.max(p, CLIP, false), 1.0 - CLIP, false);
    }

    private INDArray weighed(INDArray perClass) {
        return weights == null ? perClass : perClass.muliRowVector(weights.castTo(perClass.dataType()));
    }

    /** Per-element loss {@code [rows, classes]}, weighted, not masked. */
    private INDArray elementScores(INDArray labels, INDArray preOutput, IActivation activation) {
        INDArray p = probabilities(preOutput, activation);
        INDArray focal = gamma == 0 ? p.like().assign(1.0) : Transforms.pow(p.rsub(1.0), gamma, false);
        return weighed(Transforms.log(p, true).muli(focal).muli(labels).negi());
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray scores = elementScores(labels, preOutput, activationFn);
        if (mask != null) {
            LossUtil.applyMask(scores, mask);
        }
        return scores.sum(true, 1);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray p = probabilities(preOutput, activationFn);
        INDArray q = p.rsub(1.0);
        // dL/dp_c = -w_c · y_c · ((1-p_c)^γ / p_c - γ (1-p_c)^(γ-1) log p_c)
        INDArray dLdp = gamma == 0 ? p.rdiv(1.0) : Transforms.pow(q, gamma, true).divi(p)
                .subi(Transforms.pow(q, gamma - 1, true).muli(Transforms.log(p, true)).muli(gamma));
        dLdp = weighed(dLdp.muli(labels).negi());
        INDArray dLdz = activationFn.backprop(preOutput.dup(), dLdp).getFirst();
        if (mask != null) {
            LossUtil.applyMask(dLdz, mask);
        }
        return dLdz;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "FocalSoftmaxXent(gamma=" + gamma + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
