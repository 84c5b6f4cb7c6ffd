package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.HeadContext;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.api.spi.TargetKind;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * CORAL (Cao, Mirjalili and Raschka 2020): one score {@code g(x)} and K-1 thresholds, {@code P(rank > k)
 * = σ(g(x) + b_k)}: every threshold shares the score's weight vector and has its own bias, so the
 * probabilities fall with k for any input (the ranks are consistent).
 *
 * <p>Built from DL4J's own layers so that every training path (the fused dense step, DL4J's fit)
 * trains it: a dense layer of width 1 computes the score, and the output layer (K-1 sigmoids) reads
 * it through weights fixed at 1 — initialised to ones and updated with learning rate 0 (the update
 * and any decoupled weight decay scale with it) — while its biases, the thresholds, train with the
 * pipeline's optimizer, starting at the training rows' class shares ({@link CoralOutputLayer}).
 */
final class OrdinalHead implements Head {
    private final OrdinalConfig config;

    OrdinalHead(OrdinalConfig config) {
        this.config = config;
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ORDINAL;
    }

    @Override
    public List<String> classOrder() {
        return config.classes() == null ? List.of() : config.classes();
    }

    @Override
    public int outputSize(TargetInfo target) {
        if (target.labelColumns().size() != 1) {
            throw new SpecException("labels", "an ordinal head reads one label column, got " + target.labelColumns());
        }
        if (target.classes().size() < 2) {
            throw new SpecException("classes", "column '" + target.labelColumns().get(0)
                    + "' has fewer than two classes: " + target.classes());
        }
        return target.classes().size() - 1;
    }

    @Override
    public String build(GraphScope scope, String input, int inputSize, HeadContext context) {
        int thresholds = outputSize(context.target());
        HeadLayers.Top top = HeadLayers.hidden(scope, input, inputSize, config.hidden());
        // the score's own bias is redundant with the thresholds, but harmless, and keeps it a plain dense layer
        String score = scope.addLayer("score", new DenseLayer.Builder()
                .nIn(top.width()).nOut(1).activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER)
                .build(), top.name());
        OutputLayer.Builder output = new OutputLayer.Builder(new CoralLoss(null))
                .nIn(1).nOut(thresholds).activation(Activation.SIGMOID)
                .weightInit(WeightInit.ONES).updater(new Sgd(0.0))
                .biasUpdater(context.optimizer().clone());
        return scope.addLayer("output", new CoralOutputLayer(output, startingThresholds(context.target())), score);
    }

    /**
     * The thresholds' starting values: the logits of the training rows' shares above each threshold
     * (the score starts near 0, so each class starts at its share), or, without counts (a model saved
     * before they were kept), evenly falling values as CORAL's reference code starts them.
     */
    static double[] startingThresholds(TargetInfo target) {
        int thresholds = target.classes().size() - 1;
        double[] start = new double[thresholds];
        long total = target.hasCounts() ? target.counts().stream().mapToLong(Long::longValue).sum() : 0;
        long above = total;
        for (int k = 0; k < thresholds; k++) {
            if (total == 0) {
                start[k] = (double) (thresholds - k) / thresholds;
                continue;
            }
            above -= target.counts().get(k);
            double share = Math.min(Math.max((double) above / total, 1e-3), 1 - 1e-3);
            start[k] = Math.log(share / (1 - share));
        }
        return start;
    }
}
