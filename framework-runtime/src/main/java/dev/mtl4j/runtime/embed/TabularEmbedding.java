package dev.mtl4j.runtime.embed;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The running {@link TabularEmbeddingLayer}. For input x of a numeric embedding with frequencies c,
 * weights W and bias b: {@code z = 2π x c}, {@code v = [sin z, cos z]}, {@code a = v W + b},
 * output {@code ReLU(a)} for plr, {@code a} for periodic; linear is {@code ReLU(x w + b)}. Backward,
 * with g the error at a (zero where the ReLU was off): {@code ∂W = vᵀg}, {@code ∂b = Σ g},
 * {@code ∂v = g Wᵀ}, {@code ∂z = ∂v_sin ⊙ cos z − ∂v_cos ⊙ sin z}, {@code ∂c = 2π xᵀ∂z},
 * {@code ∂x = 2π ∂z cᵀ}. A lookup's rows gather the error of the rows that read them; its input (an
 * index) gets none.
 */
final class TabularEmbedding extends BaseLayer<TabularEmbeddingLayer> {
    private static final double TWO_PI = 2 * Math.PI;

    TabularEmbedding(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        List<ColumnEmbedding> columns = layerConf().columns();
        long rows = input.size(0);
        INDArray output = workspaceMgr.create(ArrayType.ACTIVATIONS, input.dataType(), new long[] {rows, layerConf().getNOut()}, 'c');
        long at = 0;
        for (int i = 0; i < columns.size(); i++) {
            ColumnEmbedding column = columns.get(i);
            if (column.kind() == ColumnEmbedding.Kind.PASS) {
                // a run of inputs passed through is one copy, not one per input (one-hot inputs come in runs)
                int end = passedThrough(columns, i);
                output.get(NDArrayIndex.all(), NDArrayIndex.interval(at, at + end - i))
                        .assign(input.get(NDArrayIndex.all(), NDArrayIndex.interval(i, end)));
                at += end - i;
                i = end - 1;
                continue;
            }
            INDArray x = column(input, i);
            INDArray out = output.get(NDArrayIndex.all(), NDArrayIndex.interval(at, at + column.size()));
            switch (column.kind()) {
                case PASS -> throw new IllegalStateException("passed through above");
                case LINEAR -> out.assign(Transforms.relu(x.mmul(getParam("w" + i)).addiRowVector(getParam("b" + i)), true));
                case PERIODIC, PLR -> {
                    INDArray a = periodic(x, i).mmul(getParam("w" + i)).addiRowVector(getParam("b" + i));
                    out.assign(column.kind() == ColumnEmbedding.Kind.PLR ? Transforms.relu(a, false) : a);
                }
                case LOOKUP -> out.assign(getParam("e" + i).getRows(indexes(x, column.vocabulary())));
            }
            at += column.size();
        }
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        List<ColumnEmbedding> columns = layerConf().columns();
        INDArray inputError = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        Gradient gradient = new DefaultGradient();
        long at = 0;
        for (int i = 0; i < columns.size(); i++) {
            ColumnEmbedding column = columns.get(i);
            if (column.kind() == ColumnEmbedding.Kind.PASS) {
                int end = passedThrough(columns, i);
                inputError.get(NDArrayIndex.all(), NDArrayIndex.interval(i, end))
                        .assign(epsilon.get(NDArrayIndex.all(), NDArrayIndex.interval(at, at + end - i)));
                at += end - i;
                i = end - 1;
                continue;
            }
            INDArray x = column(input, i);
            INDArray g = epsilon.get(NDArrayIndex.all(), NDArrayIndex.interval(at, at + column.size())).dup();
            INDArray dx = column(inputError, i);
            switch (column.kind()) {
                case PASS -> throw new IllegalStateException("passed through above");
                case LINEAR -> {
                    INDArray w = getParam("w" + i);
                    g.muli(x.mmul(w).addiRowVector(getParam("b" + i)).gt(0).castTo(g.dataType()));
                    put(gradient, "w" + i, x.transpose().mmul(g));
                    put(gradient, "b" + i, g.sum(true, 0));
                    dx.assign(g.mmul(w.transpose()));
                }
                case PERIODIC, PLR -> backPeriodic(column, i, x, g, dx, gradient);
                case LOOKUP -> {
                    dx.assign(0);
                    // rows gathered on the heap: one copy in and one out instead of an op per row
                    int size = column.size();
                    double[] rows = new double[column.vocabulary() * size];
                    double[] errors = g.castTo(DataType.DOUBLE).data().asDouble();
                    int[] indexes = indexes(x, column.vocabulary());
                    for (int r = 0; r < indexes.length; r++) {
                        for (int d = 0; d < size; d++) {
                            rows[indexes[r] * size + d] += errors[r * size + d];
                        }
                    }
                    put(gradient, "e" + i, org.nd4j.linalg.factory.Nd4j.create(rows, new long[] {column.vocabulary(), size}, 'c')
                            .castTo(g.dataType()));
                }
            }
            at += column.size();
        }
        return new Pair<>(gradient, inputError);
    }

    private void backPeriodic(ColumnEmbedding column, int i, INDArray x, INDArray g, INDArray dx, Gradient gradient) {
        int k = column.frequencies();
        INDArray c = getParam("c" + i);
        INDArray w = getParam("w" + i);
        INDArray z = x.mmul(c).muli(TWO_PI);
        INDArray v = periodic(x, i);
        if (column.kind() == ColumnEmbedding.Kind.PLR) {
            g.muli(v.mmul(w).addiRowVector(getParam("b" + i)).gt(0).castTo(g.dataType()));
        }
        put(gradient, "w" + i, v.transpose().mmul(g));
        put(gradient, "b" + i, g.sum(true, 0));
        INDArray dv = g.mmul(w.transpose());
        INDArray dz = dv.get(NDArrayIndex.all(), NDArrayIndex.interval(0, k)).mul(Transforms.cos(z, true))
                .subi(dv.get(NDArrayIndex.all(), NDArrayIndex.interval(k, 2L * k)).mul(Transforms.sin(z, true)));
        put(gradient, "c" + i, x.transpose().mmul(dz).muli(TWO_PI));
        dx.assign(dz.mmul(c.transpose()).muli(TWO_PI));
    }

    /** {@code [sin(2π x c), cos(2π x c)]} of one input column x. */
    private INDArray periodic(INDArray x, int i) {
        INDArray z = x.mmul(getParam("c" + i)).muli(TWO_PI);
        return org.nd4j.linalg.factory.Nd4j.hstack(Transforms.sin(z, true), Transforms.cos(z, true));
    }

    private void put(Gradient gradient, String key, INDArray value) {
        INDArray view = gradientViews.get(key);
        view.assign(value);
        gradient.gradientForVariable().put(key, view);
    }

    /** The end (exclusive) of the run of passed-through inputs that starts at {@code start}. */
    private static int passedThrough(List<ColumnEmbedding> columns, int start) {
        int end = start;
        while (end < columns.size() && columns.get(end).kind() == ColumnEmbedding.Kind.PASS) {
            end++;
        }
        return end;
    }

    /** Input column {@code i} as a {@code [rows, 1]} view. */
    private static INDArray column(INDArray array, int i) {
        return array.get(NDArrayIndex.all(), NDArrayIndex.interval(i, i + 1));
    }

    /** A lookup input's row indexes; anything outside the table reads the out-of-vocabulary row 0. */
    private static int[] indexes(INDArray x, int vocabulary) {
        double[] values = x.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        int[] indexes = new int[values.length];
        for (int r = 0; r < indexes.length; r++) {
            double value = values[r];
            int index = (int) Math.rint(value);
            indexes[r] = index > 0 && index < vocabulary ? index : 0;
        }
        return indexes;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public boolean hasBias() {
        return false;
    }
}
