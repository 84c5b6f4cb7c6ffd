package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.spi.DomainAlignment;
import dev.mtl4j.api.spi.LayerSchedule;
import dev.mtl4j.api.spi.TransferStrategy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DANN: a domain classifier reads the shared representation through a gradient-reversal layer. It
 * learns to tell source rows from target rows; the reversed gradient teaches the encoder to make
 * them indistinguishable while the task heads keep it useful on the source labels.
 */
final class DomainAdversarial implements TransferStrategy, DomainAlignment {
    private final DomainAdversarialConfig config;

    DomainAdversarial(DomainAdversarialConfig config) {
        this.config = config;
    }

    @Override
    public List<LayerSchedule> schedule(List<String> layers, double learningRate, int epochs) {
        return Collections.nCopies(layers.size(), LayerSchedule.trainable(config.lr() != null ? config.lr() : learningRate));
    }

    @Override
    public DomainAlignment domainAlignment() {
        return this;
    }

    @Override
    public String build(GraphScope scope, String representation, int width, long steps) {
        String previous = scope.addLayer("reversal", new GradientReversalLayer(config.lambda(), config.gamma(),
                config.schedule() == DomainAdversarialConfig.Schedule.CONSTANT, steps), representation);
        int in = width;
        for (int i = 0; i < config.hidden().size(); i++) {
            previous = scope.addLayer("hidden_" + i, new DenseLayer.Builder().nIn(in).nOut(config.hidden().get(i))
                    .activation(Activation.RELU).weightInit(WeightInit.RELU).build(), previous);
            in = config.hidden().get(i);
        }
        return scope.addLayer("classifier", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(in).nOut(2).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build(), previous);
    }

    /** The domain classifier's accuracy: a source row is right when column 0 wins, a target row when column 1 does. */
    @Override
    public Map<String, Double> measure(INDArray sourceOutput, INDArray targetOutput) {
        long right = 0;
        for (long i = 0; i < sourceOutput.size(0); i++) {
            right += sourceOutput.getDouble(i, 0) >= sourceOutput.getDouble(i, 1) ? 1 : 0;
        }
        for (long i = 0; i < targetOutput.size(0); i++) {
            right += targetOutput.getDouble(i, 1) > targetOutput.getDouble(i, 0) ? 1 : 0;
        }
        return Map.of("accuracy", right / (double) (sourceOutput.size(0) + targetOutput.size(0)));
    }
}
