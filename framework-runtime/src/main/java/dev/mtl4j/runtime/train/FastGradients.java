package dev.mtl4j.runtime.train;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMax;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The derivatives the fused step needs most, written into preallocated arrays. DL4J's own
 * implementations allocate fresh arrays on every call, and an allocation costs here about as much as
 * a 256x256 matrix product (a ReLU backward measured 0.6 ms against 0.06 ms in place). The arithmetic
 * is the same as DL4J's; FusedDenseStepTest holds the two to the same losses and parameters.
 */
final class FastGradients {
    private FastGradients() {
    }

    /**
     * {@code a = f(z)} in one op writing into {@code a} (DL4J's activations work in place, which costs a
     * copy first); false when the activation is not relu, tanh, sigmoid or softmax.
     */
    static boolean activate(IActivation activation, INDArray z, INDArray a) {
        if (activation instanceof ActivationReLU) {
            Nd4j.exec(new RectifiedLinear(z, a, 0.0));
        } else if (activation instanceof ActivationTanH) {
            Nd4j.exec(new Tanh(z, a));
        } else if (activation instanceof ActivationSigmoid) {
            Nd4j.exec(new Sigmoid(z, a));
        } else if (activation instanceof ActivationSoftmax) {
            Nd4j.exec((CustomOp) new SoftMax(z, a, -1));
        } else {
            return false;
        }
        return true;
    }

    /**
     * dL/dz of a hidden layer into {@code scratch} (its preactivation, no longer needed), from its
     * activation {@code a} and the error {@code e} flowing back into it; null when the activation is
     * not one of relu, tanh, sigmoid, identity.
     */
    static INDArray hidden(IActivation activation, INDArray a, INDArray scratch, INDArray e) {
        if (activation instanceof ActivationReLU) {
            // relu'(z) = 1 where z > 0, else 0 (DL4J's derivative with threshold 0)
            Nd4j.exec(new Step(scratch, scratch, 0.0));
            return scratch.muli(e);
        }
        if (activation instanceof ActivationTanH) {
            return scratch.assign(a).muli(a).rsubi(1.0).muli(e);
        }
        if (activation instanceof ActivationSigmoid) {
            return scratch.assign(a).rsubi(1.0).muli(a).muli(e);
        }
        if (activation instanceof ActivationIdentity) {
            return e;
        }
        return null;
    }

    /**
     * λ when the loss is MSE or MAE with one weight for every output (how mtl4j's heads apply the task
     * weight), else NaN: the fused step then uses DL4J's implementation. Read once per network, not
     * per step.
     */
    static double uniformRegressionWeight(ILossFunction loss) {
        if (!(loss instanceof LossMSE) && !(loss instanceof LossMAE)) {
            return Double.NaN;
        }
        INDArray weights = loss instanceof LossMSE mse ? mse.getWeights() : ((LossMAE) loss).getWeights();
        if (weights == null) {
            return 1.0;
        }
        double first = weights.getDouble(0);
        return weights.maxNumber().doubleValue() == first && weights.minNumber().doubleValue() == first ? first : Double.NaN;
    }

    /**
     * A regression head's loss summed over the batch, and the factor its delta still needs.
     *
     * @param deltaScale 1 when the delta is dL/dz, else the factor dL/dz = deltaScale · delta
     */
    record Regression(double score, double deltaScale) {
    }

    /**
     * For MSE or MAE with the uniform weight {@code lambda}: the loss summed over the batch, and dL/dz
     * into {@code delta} — or, when {@code deferScale}, dL/dz divided by the returned factor, for the
     * caller to fold into its matrix products' alpha. With {@code small} (may be null) when it fits, in Java.
     */
    static Regression regression(ILossFunction loss, double lambda, INDArray z, INDArray labels, INDArray mask, INDArray delta,
                                 INDArray scratch, boolean deferScale, SmallOutputs small) {
        boolean mse = loss instanceof LossMSE;
        double perOutput = lambda / labels.size(1);
        if (small != null && small.fits(z, labels, mask, delta)) {
            double factor = (mse ? 2 : 1) * perOutput;
            double score = small.regression(mse, z, labels, mask, delta, deferScale ? 1.0 : factor) * perOutput;
            return new Regression(score, deferScale ? factor : 1.0);
        }
        Nd4j.exec(new SubOp(z, labels, delta));
        double score;
        double factor;
        if (mse && mask == null) {
            // the squared distance as one dot product of the difference with itself
            score = Nd4j.getExecutioner().exec(new Dot(delta, delta)).getDouble(0) * perOutput;
            factor = 2 * perOutput;
        } else if (mse) {
            scratch.assign(delta).muli(delta);
            score = masked(scratch, mask).sumNumber().doubleValue() * perOutput;
            factor = 2 * perOutput;
        } else {
            Transforms.abs(scratch.assign(delta), false);
            score = masked(scratch, mask).sumNumber().doubleValue() * perOutput;
            Nd4j.exec(new Sign(delta, delta));
            factor = perOutput;
        }
        if (!deferScale) {
            delta.muli(factor);
        }
        masked(delta, mask);
        return new Regression(score, deferScale ? factor : 1.0);
    }

    /** Whether the output is DL4J's softmax with multi-class cross-entropy, unweighted: then {@link #softmaxCrossEntropy} applies. */
    static boolean isSoftmaxCrossEntropy(ILossFunction loss, IActivation activation) {
        return loss != null && loss.getClass() == LossMCXENT.class && ((LossMCXENT) loss).getWeights() == null
                && activation instanceof ActivationSoftmax;
    }

    /**
     * DL4J's softmax cross-entropy without its copies and second softmax: the probabilities {@code p}
     * from {@code z}, the loss summed over the batch, {@code -Σ y log(clip(p))} with DL4J's clipping,
     * and dL/dz = {@code p - y} into {@code delta}, both masked per row; {@code scratch} (which may be
     * {@code z}) is overwritten.
     * Five ops where DL4J's score and gradient take about twelve and two copies; the upper clip at
     * {@code 1 - ε} is left out because in float it is 1, which no probability exceeds.
     */
    static double softmaxCrossEntropy(LossMCXENT loss, INDArray z, INDArray p, INDArray labels, INDArray mask, INDArray delta,
                                      INDArray scratch) {
        Nd4j.exec((CustomOp) new SoftMax(z, p, -1));
        Nd4j.exec(new ScalarMax(p, null, scratch, Math.max(loss.getSoftmaxClipEps(), 0)));
        Nd4j.exec(new Log(scratch));
        double score = -Nd4j.getExecutioner().exec(new Dot(masked(scratch, mask), labels)).getDouble(0);
        Nd4j.exec(new SubOp(p, labels, delta));
        masked(delta, mask);
        return score;
    }

    private static INDArray masked(INDArray values, INDArray mask) {
        if (mask == null) {
            return values;
        }
        return mask.size(1) == 1 ? values.muliColumnVector(mask) : values.muli(mask);
    }

    /** Nd4j's in-place transforms, kept apart so the imports above stay readable. */
    private static final class Transforms {
        static INDArray abs(INDArray values, boolean copy) {
            return org.nd4j.linalg.ops.transforms.Transforms.abs(values, copy);
        }
    }
}
