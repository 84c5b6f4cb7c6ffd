package dev.mtl4j.plugins.transfer;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * The CORAL loss of Deep CORAL (Sun and Saenko 2016) as a DL4J loss function: the distance between
 * the covariances of the source rows' and the target rows' features, {@code w/(4d²) · ‖C_S − C_T‖²_F},
 * over one batch. It reads the features through a loss layer with the identity activation; the
 * labels say each row's domain ({@code [1, 0]} source, {@code [0, 1]} target). With fewer than two
 * rows of a domain in the batch there is no covariance, and the loss is 0.
 *
 * <p>DL4J's losses return per-row gradients that its updater divides by the batch size; a batch's
 * CORAL loss is one number, so the gradient returned is the batch size times its derivative.
 */
public final class CoralLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;

    private double weight;

    /** For DL4J's JSON deserialisation. */
    public CoralLoss() {
        this(1.0);
    }

    CoralLoss(double weight) {
        this.weight = weight;
    }

    public double getWeight() {
        return weight;
    }

    public void setWeight(double weight) {
        this.weight = weight;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        double loss = lossAndGradient(labels, activationFn.getActivation(preOutput.dup(), true), false).getFirst();
        return average ? loss : loss * preOutput.size(0);
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        double loss = computeScore(labels, preOutput, activationFn, mask, true);
        // the loss belongs to the batch, not to a row: each row carries an equal share of the batch's sum
        return Nd4j.valueArrayOf(new long[] {preOutput.size(0), 1}, loss, preOutput.dataType());
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray features = activationFn.getActivation(preOutput.dup(), true);
        INDArray gradient = lossAndGradient(labels, features, true).getSecond().muli(preOutput.size(0));
        return activationFn.backprop(preOutput.dup(), gradient).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    /**
     * The batch's loss and, when asked, its derivative with respect to each row's features:
     * {@code ∂/∂X_S = w · X̃_S (C_S − C_T) / (d² (n_S − 1))}, and minus the same for the target rows
     * ({@code X̃} the rows centred on their domain's mean).
     */
    private Pair<Double, INDArray> lossAndGradient(INDArray labels, INDArray features, boolean withGradient) {
        int[] source = rowsWhere(labels, 0);
        int[] target = rowsWhere(labels, 1);
        INDArray gradient = withGradient ? Nd4j.zerosLike(features) : null;
        if (source.length < 2 || target.length < 2) {
            return new Pair<>(0.0, gradient);
        }
        long d = features.size(1);
        INDArray sourceCentred = centred(features, source);
        INDArray targetCentred = centred(features, target);
        INDArray difference = covariance(sourceCentred).subi(covariance(targetCentred));
        double loss = weight * difference.norm2Number().doubleValue() * difference.norm2Number().doubleValue() / (4.0 * d * d);
        if (withGradient) {
            double scale = weight / ((double) d * d);
            INDArray sourceGradient = sourceCentred.mmul(difference).muli(scale / (source.length - 1));
            INDArray targetGradient = targetCentred.mmul(difference).muli(-scale / (target.length - 1));
            for (int i = 0; i < source.length; i++) {
                gradient.putRow(source[i], sourceGradient.getRow(i));
            }
            for (int i = 0; i < target.length; i++) {
                gradient.putRow(target[i], targetGradient.getRow(i));
            }
        }
        return new Pair<>(loss, gradient);
    }

    private static INDArray centred(INDArray features, int[] rows) {
        INDArray picked = Nd4j.pullRows(features, 1, rows);
        return picked.subiRowVector(picked.mean(0));
    }

    private static INDArray covariance(INDArray centred) {
        return centred.transpose().mmul(centred).divi(centred.size(0) - 1);
    }

    private static int[] rowsWhere(INDArray labels, int column) {
        INDArray flags = labels.getColumn(column);
        int count = 0;
        for (long i = 0; i < flags.length(); i++) {
            count += flags.getDouble(i) > 0.5 ? 1 : 0;
        }
        int[] rows = new int[count];
        int next = 0;
        for (int i = 0; i < flags.length(); i++) {
            if (flags.getDouble(i) > 0.5) {
                rows[next++] = i;
            }
        }
        return rows;
    }

    @Override
    public String name() {
        return "coral";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CoralLoss that && weight == that.weight;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(weight);
    }

    @Override
    public String toString() {
        return "CoralLoss(weight=" + weight + ")";
    }
}
