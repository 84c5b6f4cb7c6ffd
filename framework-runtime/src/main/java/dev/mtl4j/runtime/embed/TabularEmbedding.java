package dev.mtl4j.runtime.embed;

import dev.mtl4j.api.graph.HeapValues;
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
import org.nd4j.linalg.factory.Nd4j;

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
        int rows = (int) input.size(0);
        int width = (int) layerConf().getNOut();
        double[] out = new Pass(this, rows).forward();
        return workspaceMgr.create(ArrayType.ACTIVATIONS, input.dataType(), new long[] {rows, width}, 'c')
                .assign(Nd4j.create(out, new long[] {rows, width}, 'c'));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        int rows = (int) input.size(0);
        Pass pass = new Pass(this, rows);
        double[] inputError = pass.backward(HeapValues.of(epsilon));
        Gradient gradient = new DefaultGradient();
        INDArray flat = getGradientsViewArray();
        if (flat != null && flat.length() > 0) {
            flat.assign(Nd4j.create(pass.gradient, flat.shape(), 'c'));
            for (String key : paramTable().keySet()) {
                gradient.gradientForVariable().put(key, gradientViews.get(key));
            }
        }
        INDArray error = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c')
                .assign(Nd4j.create(inputError, new long[] {rows, input.size(1)}, 'c'));
        return new Pair<>(gradient, error);
    }

    /**
     * One forward or backward pass in double precision over heap copies of the input, the parameters
     * and the error: each column's few values are computed in Java instead of with an ND4J op or
     * several per column (a lookup's gather and scatter, the periodic functions' small products), which
     * made this layer cost about 12× a whole income step. Four array copies a pass remain.
     */
    private static final class Pass {
        private final List<ColumnEmbedding> columns;
        /** Per input, where its embedding starts in the output row. */
        private final int[] start;
        /** Per input, where its c, w, b and e start in the flat parameters (-1 where it has none). */
        private final int[] cAt;
        private final int[] wAt;
        private final int[] bAt;
        private final int[] eAt;
        private final int rows;
        private final int inputs;
        private final int width;
        private final double[] x;
        private final double[] p;
        /** The parameters' gradient, in the layer's flat order; filled by {@link #backward}. */
        private final double[] gradient;

        Pass(TabularEmbedding layer, int rows) {
            this.columns = layer.layerConf().columns();
            this.rows = rows;
            this.inputs = columns.size();
            this.width = (int) layer.layerConf().getNOut();
            this.x = HeapValues.of(layer.input);
            INDArray params = layer.params();
            this.p = params == null || params.length() == 0 ? new double[0] : HeapValues.of(params);
            this.gradient = new double[p.length];
            start = new int[inputs];
            for (int i = 1; i < inputs; i++) {
                start[i] = start[i - 1] + columns.get(i - 1).size();
            }
            cAt = new int[inputs];
            wAt = new int[inputs];
            bAt = new int[inputs];
            eAt = new int[inputs];
            for (TabularEmbeddingParams.Slot slot : TabularEmbeddingParams.slots(layer.layerConf())) {
                int[] at = switch (slot.key().charAt(0)) {
                    case 'c' -> cAt;
                    case 'w' -> wAt;
                    case 'b' -> bAt;
                    default -> eAt;
                };
                at[slot.input()] = (int) slot.offset();
            }
        }

        double[] forward() {
            double[] out = new double[rows * width];
            for (int i = 0; i < inputs; i++) {
                ColumnEmbedding column = columns.get(i);
                for (int r = 0; r < rows; r++) {
                    double value = x[r * inputs + i];
                    int o = r * width + start[i];
                    switch (column.kind()) {
                        case PASS -> out[o] = value;
                        case LINEAR -> {
                            int w = wAt[i];
                            int b = bAt[i];
                            for (int d = 0; d < column.size(); d++) {
                                out[o + d] = Math.max(value * p[w + d] + p[b + d], 0);
                            }
                        }
                        case PERIODIC, PLR -> {
                            double[] a = periodicOutput(column, i, value);
                            for (int d = 0; d < column.size(); d++) {
                                out[o + d] = column.kind() == ColumnEmbedding.Kind.PLR ? Math.max(a[d], 0) : a[d];
                            }
                        }
                        case LOOKUP -> {
                            int e = eAt[i] + index(value, column.vocabulary()) * column.size();
                            System.arraycopy(p, e, out, o, column.size());
                        }
                    }
                }
            }
            return out;
        }

        /** The input's error from the output's; the parameters' gradient into {@link #gradient}. */
        double[] backward(double[] g) {
            double[] dx = new double[rows * inputs];
            for (int i = 0; i < inputs; i++) {
                ColumnEmbedding column = columns.get(i);
                for (int r = 0; r < rows; r++) {
                    double value = x[r * inputs + i];
                    int o = r * width + start[i];
                    switch (column.kind()) {
                        case PASS -> dx[r * inputs + i] = g[o];
                        case LINEAR -> {
                            int w = wAt[i];
                            int b = bAt[i];
                            double sum = 0;
                            for (int d = 0; d < column.size(); d++) {
                                double on = value * p[w + d] + p[b + d] > 0 ? g[o + d] : 0;
                                gradient[w + d] += value * on;
                                gradient[b + d] += on;
                                sum += on * p[w + d];
                            }
                            dx[r * inputs + i] = sum;
                        }
                        case PERIODIC, PLR -> dx[r * inputs + i] = backPeriodic(column, i, value, g, o);
                        case LOOKUP -> {
                            int e = eAt[i] + index(value, column.vocabulary()) * column.size();
                            for (int d = 0; d < column.size(); d++) {
                                gradient[e + d] += g[o + d];
                            }
                        }
                    }
                }
            }
            return dx;
        }

        /** {@code a = [sin z, cos z] W + b} with {@code z = 2π x c}, for one value. */
        private double[] periodicOutput(ColumnEmbedding column, int i, double value) {
            int k = column.frequencies();
            double[] v = periodic(column, i, value);
            int w = wAt[i];
            int b = bAt[i];
            int size = column.size();
            double[] a = new double[size];
            for (int d = 0; d < size; d++) {
                double sum = p[b + d];
                for (int m = 0; m < 2 * k; m++) {
                    sum += v[m] * p[w + m * size + d];
                }
                a[d] = sum;
            }
            return a;
        }

        /** {@code [sin z, cos z]}, {@code z = 2π x c}. */
        private double[] periodic(ColumnEmbedding column, int i, double value) {
            int k = column.frequencies();
            int c = cAt[i];
            double[] v = new double[2 * k];
            for (int j = 0; j < k; j++) {
                double z = value * p[c + j] * TWO_PI;
                v[j] = Math.sin(z);
                v[k + j] = Math.cos(z);
            }
            return v;
        }

        /** One value's backward through a periodic embedding (and PLR's ReLU); returns ∂x. */
        private double backPeriodic(ColumnEmbedding column, int i, double value, double[] g, int o) {
            int k = column.frequencies();
            int size = column.size();
            int c = cAt[i];
            int w = wAt[i];
            int b = bAt[i];
            double[] v = periodic(column, i, value);
            double[] a = column.kind() == ColumnEmbedding.Kind.PLR ? periodicOutput(column, i, value) : null;
            double[] on = new double[size];
            for (int d = 0; d < size; d++) {
                on[d] = a == null || a[d] > 0 ? g[o + d] : 0;
                gradient[b + d] += on[d];
            }
            double dx = 0;
            for (int j = 0; j < k; j++) {
                double dSin = 0;
                double dCos = 0;
                for (int d = 0; d < size; d++) {
                    gradient[w + j * size + d] += v[j] * on[d];
                    gradient[w + (k + j) * size + d] += v[k + j] * on[d];
                    dSin += on[d] * p[w + j * size + d];
                    dCos += on[d] * p[w + (k + j) * size + d];
                }
                double dz = dSin * v[k + j] - dCos * v[j];
                gradient[c + j] += TWO_PI * value * dz;
                dx += TWO_PI * dz * p[c + j];
            }
            return dx;
        }
    }

    /** A lookup input's row: anything outside the table reads the out-of-vocabulary row 0. */
    private static int index(double value, int vocabulary) {
        int index = (int) Math.rint(value);
        return index > 0 && index < vocabulary ? index : 0;
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
