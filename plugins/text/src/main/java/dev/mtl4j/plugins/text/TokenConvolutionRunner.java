package dev.mtl4j.plugins.text;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.Convolution1DLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The running {@link TokenConvolution}: DL4J's 1-D convolution layer (its activation, its masks, its
 * parameters) with the convolution itself as k matrix products. The batch's B sequences of L steps are
 * laid out time-major, one row a step, each sequence followed by k − 1 rows of zeros, so that "same"
 * padding is those zeros and tap j of every output is one product of the rows shifted by j with
 * that tap's C × F weights: {@code z[q] = Σ_j x[q + j] W_j + b}. Rows that straddle two sequences are
 * computed and dropped (k − 1 of every L + k − 1). Backward: {@code ∂W_j = x_jᵀ δ},
 * {@code ∂b = Σ δ}, {@code ∂x[q + j] += δ[q] W_jᵀ}. Like DL4J's layer, backward recomputes the
 * preactivation and leaves the error at masked steps as it comes (the pooling after it gives them none).
 */
final class TokenConvolutionRunner extends Convolution1DLayer {

    TokenConvolutionRunner(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        Shape s = new Shape(input, getParam(ConvolutionParamInitializer.WEIGHT_KEY));
        INDArray rows = s.paddedRows(input.castTo(dataType));
        INDArray taps = s.taps(getParam(ConvolutionParamInitializer.WEIGHT_KEY));
        INDArray products = Nd4j.createUninitialized(dataType, s.paddedLength(), s.filters);
        INDArray valid = products.get(NDArrayIndex.interval(0, s.products()), NDArrayIndex.all());
        for (int j = 0; j < s.kernel; j++) {
            Nd4j.gemm(s.shifted(rows, j), tap(taps, j), valid, false, false, 1.0, j == 0 ? 0.0 : 1.0);
        }
        INDArray z = workspaceMgr.create(ArrayType.ACTIVATIONS, dataType, new long[] {s.batch, s.filters, s.length}, 'c');
        z.assign(s.steps(products).permute(0, 2, 1));
        INDArray bias = getParam(ConvolutionParamInitializer.BIAS_KEY);
        Nd4j.getExecutioner().exec(new BroadcastAddOp(z, bias.reshape(bias.length()), z, 1));
        return new Pair<>(z, null);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray weights = getParam(ConvolutionParamInitializer.WEIGHT_KEY);
        Shape s = new Shape(input, weights);
        INDArray z = preOutput(true, true, workspaceMgr).getFirst();
        INDArray delta = layerConf().getActivationFn().backprop(z, epsilon).getFirst();
        INDArray rows = s.paddedRows(input.castTo(dataType));
        INDArray taps = s.taps(weights);
        // δ time-major, each sequence followed by k − 1 rows of zeros, as the products were laid out
        INDArray deltaRows = Nd4j.zeros(dataType, s.paddedLength(), s.filters);
        s.steps(deltaRows).assign(delta.permute(0, 2, 1));
        INDArray validDelta = deltaRows.get(NDArrayIndex.interval(0, s.products()), NDArrayIndex.all());

        INDArray weightGradient = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        INDArray tapGradients = s.taps(weightGradient);
        INDArray inputRows = Nd4j.zeros(dataType, s.paddedLength(), s.channels);
        for (int j = 0; j < s.kernel; j++) {
            Nd4j.gemm(s.shifted(rows, j), validDelta, tap(tapGradients, j), true, false, 1.0, 0.0);
            Nd4j.gemm(validDelta, tap(taps, j), s.shifted(inputRows, j), false, true, 1.0, 1.0);
        }
        INDArray biasGradient = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
        biasGradient.assign(delta.sum(0, 2).reshape(biasGradient.shape()));

        INDArray inputError = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        inputError.assign(s.unpadded(inputRows).permute(0, 2, 1));
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradient);
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradient, 'c');
        return new Pair<>(gradient, inputError);
    }

    /** Tap j's [C, F] slab of a [k, C, F] array. */
    private static INDArray tap(INDArray taps, int j) {
        return taps.get(NDArrayIndex.point(j), NDArrayIndex.all(), NDArrayIndex.all());
    }

    /** The sizes of one pass and the layouts derived from them. */
    private static final class Shape {
        final int batch;
        final int channels;
        final int length;
        final int filters;
        final int kernel;
        /** Zeros before each sequence's first step ("same" mode puts the odd one after). */
        final int left;

        Shape(INDArray input, INDArray weights) {
            batch = (int) input.size(0);
            channels = (int) input.size(1);
            length = (int) input.size(2);
            filters = (int) weights.size(0);
            kernel = (int) weights.size(2);
            left = (kernel - 1) / 2;
        }

        /** Rows of a sequence with its zeros: L + k − 1. */
        long padded() {
            return (long) length + kernel - 1;
        }

        long paddedLength() {
            return batch * padded();
        }

        /** The rows every tap's product covers (the last sequence's trailing zeros excluded). */
        long products() {
            return paddedLength() - (kernel - 1);
        }

        /** x [B, C, L] as [B·(L + k − 1), C], time-major, with {@link #left} zeros before each sequence. */
        INDArray paddedRows(INDArray x) {
            INDArray rows = Nd4j.zeros(x.dataType(), batch, padded(), channels);
            rows.get(NDArrayIndex.all(), NDArrayIndex.interval(left, left + length), NDArrayIndex.all()).assign(x.permute(0, 2, 1));
            return rows.reshape(paddedLength(), channels);
        }

        /** The rows tap j reads: those from j on, as many as the products. */
        INDArray shifted(INDArray rows, int j) {
            return rows.get(NDArrayIndex.interval(j, j + products()), NDArrayIndex.all());
        }

        /**
         * W as k slabs of [C, F]: DL4J keeps it as [F, C, k, 1] but its 1-D convolution reads the same
         * memory, row by row, as [k, C, F] (a reshape, not a permutation), and so does this layer.
         */
        INDArray taps(INDArray weights) {
            return weights.reshape('c', kernel, channels, filters);
        }

        /** The valid steps of a [B·(L + k − 1), width] array of products: [B, L, width]. */
        INDArray steps(INDArray products) {
            return products.reshape(batch, padded(), products.size(1)).get(NDArrayIndex.all(), NDArrayIndex.interval(0, length),
                    NDArrayIndex.all());
        }

        /** The input's steps of a padded [B·(L + k − 1), C] array: [B, L, C]. */
        INDArray unpadded(INDArray rows) {
            return rows.reshape(batch, padded(), channels).get(NDArrayIndex.all(), NDArrayIndex.interval(left, left + length),
                    NDArrayIndex.all());
        }
    }
}
