package dev.mtl4j.plugins.text;

import dev.mtl4j.api.graph.Dl4jLayerWithOwnRunner;
import dev.mtl4j.api.graph.LayerWiring;
import java.util.Arrays;
import java.util.Collection;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's 1-D convolution over token embeddings (stride 1, "same" padding, no dilation, channels
 * first) with a running layer of its own, {@link TokenConvolutionRunner}: the configuration, the
 * parameters, their initialisation, the masks and the activation are DL4J's {@link Convolution1DLayer}'s;
 * only the convolution's arithmetic is done as one matrix product per kernel tap over the whole batch:
 * a forward and backward pass of the fine-food CNN's batch (32 texts of 200 tokens, 64 → 64 channels,
 * kernel 5) takes 27 ms against DL4J's 90 ({@code SequenceLayerTimes}). Saved in the network's JSON
 * under this class's name, so loading such a network needs this plugin.
 */
public final class TokenConvolution extends Convolution1DLayer implements Dl4jLayerWithOwnRunner {

    /** For DL4J's JSON deserialisation. */
    public TokenConvolution() {
    }

    /** This layer configured as {@code built} is (every field copied), which must be stride 1, same mode, no dilation, NCW. */
    static TokenConvolution of(Convolution1DLayer built) {
        boolean supported = built.getConvolutionMode() == ConvolutionMode.Same && built.getRnnDataFormat() == RNNFormat.NCW
                && built.getStride()[0] == 1 && built.getDilation()[0] == 1 && built.hasBias();
        if (!supported) {
            throw new IllegalArgumentException("a token convolution is stride 1, same mode, no dilation, channels first, with bias: "
                    + built);
        }
        return Dl4jLayerFields.copy(built, new TokenConvolution(), Convolution1DLayer.class);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int layerIndex, INDArray paramsView, boolean initializeParams,
                                                       DataType dataType) {
        return LayerWiring.wire(new TokenConvolutionRunner(conf, dataType), conf, listeners, layerIndex, paramsView,
                initializeParams, initializer());
    }

    @Override
    public String toString() {
        return "TokenConvolution(kernel=" + Arrays.toString(getKernelSize()) + ", nIn=" + getNIn() + ", nOut=" + getNOut() + ")";
    }
}
