package dev.mtl4j.runtime.embed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of a {@link TabularEmbeddingLayer} as views of the network's flat parameter vector,
 * input by input: {@code cI} (1 × k frequencies), {@code wI} (linear: 1 × d; periodic: 2k × d),
 * {@code bI} (1 × d) for a numeric embedding of input I; {@code eI} (vocabulary × d) for a lookup.
 * Starts as the paper's reference code (rtdl) starts them: frequencies from N(0, σ²), linear weights and
 * biases uniform in ±1/√fan-in, embedding rows uniform in ±1/√d, except the out-of-vocabulary row 0,
 * which starts at zeros, so an unseen category adds nothing until training rows with a missing
 * cell move it.
 */
final class TabularEmbeddingParams implements ParamInitializer {
    static final TabularEmbeddingParams INSTANCE = new TabularEmbeddingParams();

    private TabularEmbeddingParams() {
    }

    /** One parameter of one input: its key, shape and where it starts in the layer's flat vector. */
    record Slot(String key, int input, long rows, long cols, long offset) {
        long length() {
            return rows * cols;
        }
    }

    static List<Slot> slots(TabularEmbeddingLayer layer) {
        List<Slot> slots = new ArrayList<>();
        long offset = 0;
        List<ColumnEmbedding> columns = layer.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnEmbedding column = columns.get(i);
            List<long[]> shapes = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            switch (column.kind()) {
                case PASS -> {
                }
                case LINEAR -> {
                    keys.addAll(List.of("w" + i, "b" + i));
                    shapes.addAll(List.of(new long[] {1, column.size()}, new long[] {1, column.size()}));
                }
                case PERIODIC, PLR -> {
                    keys.addAll(List.of("c" + i, "w" + i, "b" + i));
                    shapes.addAll(List.of(new long[] {1, column.frequencies()},
                            new long[] {2L * column.frequencies(), column.size()}, new long[] {1, column.size()}));
                }
                case LOOKUP -> {
                    keys.add("e" + i);
                    shapes.add(new long[] {column.vocabulary(), column.size()});
                }
            }
            for (int k = 0; k < keys.size(); k++) {
                Slot slot = new Slot(keys.get(k), i, shapes.get(k)[0], shapes.get(k)[1], offset);
                slots.add(slot);
                offset += slot.length();
            }
        }
        return slots;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return ((TabularEmbeddingLayer) layer).columns().stream().mapToLong(ColumnEmbedding::numParams).sum();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return slots((TabularEmbeddingLayer) layer).stream().map(Slot::key).toList();
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return paramKeys(layer).stream().filter(k -> !k.startsWith("b")).toList();
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return paramKeys(layer).stream().filter(k -> k.startsWith("b")).toList();
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return !key.startsWith("b");
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return key.startsWith("b");
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initialize) {
        TabularEmbeddingLayer layer = (TabularEmbeddingLayer) conf.getLayer();
        Map<String, INDArray> table = views(layer, paramsView);
        if (initialize) {
            List<ColumnEmbedding> columns = layer.columns();
            for (Slot slot : slots(layer)) {
                ColumnEmbedding column = columns.get(slot.input());
                INDArray view = table.get(slot.key());
                switch (slot.key().charAt(0)) {
                    case 'c' -> view.assign(Nd4j.randn(view.dataType(), view.shape()).muli(column.sigma()));
                    case 'e' -> {
                        uniform(view, 1 / Math.sqrt(column.size()));
                        view.getRow(0).assign(0);
                    }
                    default -> uniform(view, 1 / Math.sqrt(column.periodic() ? 2.0 * column.frequencies() : 1.0));
                }
            }
        }
        return table;
    }

    private static void uniform(INDArray view, double bound) {
        view.assign(Nd4j.rand(view.dataType(), view.shape()).muli(2 * bound).subi(bound));
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views((TabularEmbeddingLayer) conf.getLayer(), gradientView);
    }

    private static Map<String, INDArray> views(TabularEmbeddingLayer layer, INDArray flat) {
        INDArray vector = flat.reshape(flat.length());
        Map<String, INDArray> table = new LinkedHashMap<>();
        for (Slot slot : slots(layer)) {
            table.put(slot.key(), vector.get(NDArrayIndex.interval(slot.offset(), slot.offset() + slot.length()))
                    .reshape('c', slot.rows(), slot.cols()));
        }
        return table;
    }
}
