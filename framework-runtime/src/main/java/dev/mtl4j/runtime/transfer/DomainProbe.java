package dev.mtl4j.runtime.transfer;

import dev.mtl4j.api.spi.DomainAlignment;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.eval.Predictor;
import dev.mtl4j.api.spi.Shuffle;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What the training device says about the domains after each epoch, on a fixed seeded sample of
 * equally many source and target training rows (so a domain classifier's chance accuracy is 0.5).
 */
final class DomainProbe {
    private final DomainAlignment alignment;
    private final INDArray features;
    private final INDArray featureMask;
    private final int each;

    DomainProbe(DomainAlignment alignment, EncodedData source, EncodedData target, int most, long seed) {
        this.alignment = alignment;
        this.each = Math.min(most, Math.min(source.size(), target.size()));
        Random random = new Random(seed);
        int[] sourceRows = Arrays.copyOf(Shuffle.permutation(source.size(), random), each);
        int[] targetRows = Arrays.copyOf(Shuffle.permutation(target.size(), random), each);
        this.features = Nd4j.vstack(Nd4j.pullRows(source.features(), 1, sourceRows), Nd4j.pullRows(target.features(), 1, targetRows));
        this.featureMask = source.featureMask() == null ? null : Nd4j.vstack(Nd4j.pullRows(source.featureMask(), 1, sourceRows),
                Nd4j.pullRows(target.featureMask(), 1, targetRows));
    }

    /** {@code domain} to the device's measures; the device's output is the network's last. */
    Map<String, Map<String, Double>> measure(ComputationGraph graph) {
        INDArray[] outputs = Predictor.outputs(graph, features, featureMask);
        INDArray device = outputs[outputs.length - 1];
        INDArray source = device.get(NDArrayIndex.interval(0, each), NDArrayIndex.all());
        INDArray target = device.get(NDArrayIndex.interval(each, 2L * each), NDArrayIndex.all());
        return Map.of(DomainAdaptation.DOMAIN, Map.copyOf(alignment.measure(source, target)));
    }
}
