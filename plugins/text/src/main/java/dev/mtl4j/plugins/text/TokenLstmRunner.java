package dev.mtl4j.plugins.text;

import dev.mtl4j.api.graph.HeapValues;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.LSTM;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The running {@link TokenLstm}: DL4J's LSTM arithmetic (no peepholes; gate blocks in DL4J's order:
 * block input a = tanh, forget f, output o, input modulation g = sigmoid; {@code c_t = f c_{t−1} + g a},
 * {@code h_t = o tanh(c_t)}; at a masked step h and c are zero) with fewer, larger operations: every
 * step's input product {@code x_t W + b} in one matrix product, then per step one product
 * {@code h_{t−1} R} and the gates in Java (double precision) over the batch. Backward through time
 * collects every step's {@code ∂z} and takes {@code ∂W}, {@code ∂R}, {@code ∂b} and the input's error
 * as one product each; per step only {@code ∂z_t Rᵀ} is a product. A training forward pass is kept for
 * the backward pass of the same input; a forward pass for inference is DL4J's own.
 */
final class TokenLstmRunner extends LSTM {
    private Forward kept;

    TokenLstmRunner(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!training) {
            // no backward pass follows: DL4J's forward pass alone is a little faster than this layer's,
            // whose gates on the heap pay off in the backward pass (SequenceLayerTimes: 27.5 against 31.1 ms)
            kept = null;
            return super.activate(false, workspaceMgr);
        }
        assertInputSet(false);
        applyDropOutIfNecessary(true, workspaceMgr);
        Forward forward = detached(this);
        kept = forward;
        return workspaceMgr.create(ArrayType.ACTIVATIONS, dataType, new long[] {forward.batch, forward.units, forward.length}, 'c')
                .assign(Nd4j.create(forward.output(), new long[] {forward.batch, forward.units, forward.length}, 'c'));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        Forward forward = kept != null && kept.input == input ? kept : detached(this);
        kept = null;
        // the intermediate arrays outside DL4J's workspaces: the pass spans several of its scopes
        try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            return backward(forward, epsilon, workspaceMgr);
        }
    }

    private Pair<Gradient, INDArray> backward(Forward forward, INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        int b = forward.batch;
        int h = forward.units;
        int l = forward.length;
        int g = 4 * h;
        double[] e = HeapValues.of(epsilon);
        double[] dz = new double[l * b * g];
        double[] dhNext = new double[b * h];
        double[] carry = new double[b * h];
        INDArray recurrentT = getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY).transpose();
        for (int t = l - 1; t >= 0; t--) {
            double[] carryNext = new double[b * h];
            for (int r = 0; r < b; r++) {
                if (!forward.active(r, t)) {
                    continue;
                }
                for (int j = 0; j < h; j++) {
                    int cell = (t * b + r) * h + j;
                    int z = (t * b + r) * g + j;
                    double dh = e[(r * h + j) * l + t] + dhNext[r * h + j];
                    double a = forward.gates[z];
                    double f = forward.gates[z + h];
                    double o = forward.gates[z + 2 * h];
                    double gi = forward.gates[z + 3 * h];
                    double tc = forward.cellTanh[cell];
                    double previous = t == 0 ? 0 : forward.cells[cell - b * h];
                    double dc = dh * o * (1 - tc * tc) + carry[r * h + j];
                    dz[z] = dc * gi * (1 - a * a);
                    dz[z + h] = dc * previous * f * (1 - f);
                    dz[z + 2 * h] = dh * tc * o * (1 - o);
                    dz[z + 3 * h] = dc * a * gi * (1 - gi);
                    carryNext[r * h + j] = dc * f;
                }
            }
            carry = carryNext;
            if (t > 0) {
                dhNext = fresh(array(dz, t * b * g, (t + 1) * b * g, new long[] {b, g}, dataType).mmul(recurrentT));
            }
        }
        INDArray deltas = Nd4j.create(dz, new long[] {(long) l * b, g}, 'c').castTo(dataType);
        INDArray steps = forward.stepRows;
        INDArray previousOutputs = Nd4j.create(forward.previousOutputs(), new long[] {(long) l * b, h}, 'c').castTo(dataType);
        INDArray weights = getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY);
        gradientViews.get(LSTMParamInitializer.INPUT_WEIGHT_KEY).assign(steps.transpose().mmul(deltas));
        gradientViews.get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY).assign(previousOutputs.transpose().mmul(deltas));
        INDArray biasGradient = gradientViews.get(LSTMParamInitializer.BIAS_KEY);
        biasGradient.assign(deltas.sum(0).reshape(biasGradient.shape()));
        INDArray inputRows = deltas.mmul(weights.transpose());
        INDArray inputError = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        inputError.assign(inputRows.reshape(l, b, forward.channels).permute(1, 2, 0));
        Gradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(LSTMParamInitializer.INPUT_WEIGHT_KEY, gradientViews.get(LSTMParamInitializer.INPUT_WEIGHT_KEY));
        gradient.gradientForVariable().put(LSTMParamInitializer.RECURRENT_WEIGHT_KEY,
                gradientViews.get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY));
        gradient.gradientForVariable().put(LSTMParamInitializer.BIAS_KEY, biasGradient);
        return new Pair<>(gradient, inputError);
    }

    /** A forward pass whose arrays live outside DL4J's workspaces, so that the backward pass may read them. */
    private static Forward detached(TokenLstmRunner layer) {
        try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            return new Forward(layer);
        }
    }

    /** The values of a product just made (a whole c-ordered array of its own), without an op to convert them. */
    private static double[] fresh(INDArray product) {
        return product.data().asDouble();
    }

    /** {@code values[from, to)} as an array of {@code shape} in {@code type}, made directly (no cast op). */
    private static INDArray array(double[] values, int from, int to, long[] shape, DataType type) {
        if (type == DataType.FLOAT) {
            float[] floats = new float[to - from];
            for (int i = 0; i < floats.length; i++) {
                floats[i] = (float) values[from + i];
            }
            return Nd4j.create(floats, shape, 'c');
        }
        return Nd4j.create(java.util.Arrays.copyOfRange(values, from, to), shape, 'c').castTo(type);
    }

    /** One forward pass: the gates, cells and outputs of every step, time-major. */
    private static final class Forward {
        final INDArray input;
        final int batch;
        final int channels;
        final int length;
        final int units;
        /** The input as rows, one a step and text: [L·B, C]. */
        final INDArray stepRows;
        /** Per step and row, a, f, o, g (after their activations): [L, B, 4H]. */
        final double[] gates;
        final double[] cells;
        final double[] cellTanh;
        final double[] outputs;
        private final double[] mask;

        Forward(TokenLstmRunner layer) {
            input = layer.input;
            INDArray x = input.castTo(layer.dataType);
            batch = (int) x.size(0);
            channels = (int) x.size(1);
            length = (int) x.size(2);
            INDArray recurrent = layer.getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY);
            units = (int) recurrent.size(0);
            int g = 4 * units;
            mask = layer.maskArray == null ? null : HeapValues.of(layer.maskArray);
            stepRows = x.permute(2, 0, 1).dup('c').reshape((long) length * batch, channels);
            INDArray bias = layer.getParam(LSTMParamInitializer.BIAS_KEY);
            // first every step's x_t W + b, each step's overwritten by its gates once h_{t−1} R is added
            gates = HeapValues.of(stepRows.mmul(layer.getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY))
                    .addiRowVector(bias.reshape(1, bias.length())));
            cells = new double[length * batch * units];
            cellTanh = new double[cells.length];
            outputs = new double[cells.length];
            INDArray previous = null;
            for (int t = 0; t < length; t++) {
                double[] fromPrevious = previous == null ? null : fresh(previous.mmul(recurrent));
                for (int r = 0; r < batch; r++) {
                    boolean active = active(r, t);
                    for (int j = 0; j < units; j++) {
                        int z = (t * batch + r) * g + j;
                        int zr = r * g + j;
                        int cell = (t * batch + r) * units + j;
                        double a = Math.tanh(gates[z] + (fromPrevious == null ? 0 : fromPrevious[zr]));
                        double f = sigmoid(gates[z + units] + (fromPrevious == null ? 0 : fromPrevious[zr + units]));
                        double o = sigmoid(gates[z + 2 * units] + (fromPrevious == null ? 0 : fromPrevious[zr + 2 * units]));
                        double gi = sigmoid(gates[z + 3 * units] + (fromPrevious == null ? 0 : fromPrevious[zr + 3 * units]));
                        gates[z] = a;
                        gates[z + units] = f;
                        gates[z + 2 * units] = o;
                        gates[z + 3 * units] = gi;
                        double c = f * (t == 0 ? 0 : cells[cell - batch * units]) + gi * a;
                        double tc = Math.tanh(c);
                        cells[cell] = active ? c : 0;
                        cellTanh[cell] = tc;
                        outputs[cell] = active ? o * tc : 0;
                    }
                }
                previous = array(outputs, t * batch * units, (t + 1) * batch * units, new long[] {batch, units}, layer.dataType);
            }
        }

        boolean active(int row, int t) {
            return mask == null || mask[row * length + t] != 0;
        }

        /** The outputs as DL4J lays them out: [B, H, L], row by row. */
        double[] output() {
            double[] out = new double[batch * units * length];
            for (int t = 0; t < length; t++) {
                for (int r = 0; r < batch; r++) {
                    for (int j = 0; j < units; j++) {
                        out[(r * units + j) * length + t] = outputs[(t * batch + r) * units + j];
                    }
                }
            }
            return out;
        }

        /** Each step's previous output (zeros before the first): [L·B, H]. */
        double[] previousOutputs() {
            double[] previous = new double[outputs.length];
            System.arraycopy(outputs, 0, previous, batch * units, outputs.length - batch * units);
            return previous;
        }

        private static double sigmoid(double x) {
            return 1 / (1 + Math.exp(-x));
        }

    }
}
