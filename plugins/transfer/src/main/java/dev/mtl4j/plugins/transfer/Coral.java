package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.spi.DomainAlignment;
import dev.mtl4j.api.spi.LayerSchedule;
import dev.mtl4j.api.spi.TransferStrategy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Deep CORAL: the distance between the domains' feature covariances, added to the loss with a weight. */
final class Coral implements TransferStrategy, DomainAlignment {
    private final CoralConfig config;

    Coral(CoralConfig config) {
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
        return scope.addLayer("coral", new LossLayer.Builder(new CoralLoss(config.weight()))
                .activation(Activation.IDENTITY).build(), representation);
    }

    /** The output is the representation itself: the unweighted CORAL distance between the two sets of rows. */
    @Override
    public Map<String, Double> measure(INDArray sourceOutput, INDArray targetOutput) {
        INDArray rows = Nd4j.vstack(sourceOutput, targetOutput);
        INDArray domains = Nd4j.zeros(rows.dataType(), rows.size(0), 2);
        for (long i = 0; i < rows.size(0); i++) {
            domains.putScalar(i, i < sourceOutput.size(0) ? 0 : 1, 1.0);
        }
        double distance = new CoralLoss(1.0).computeScore(domains, rows, Activation.IDENTITY.getActivationFunction(), null, true);
        return Map.of("distance", distance);
    }
}
