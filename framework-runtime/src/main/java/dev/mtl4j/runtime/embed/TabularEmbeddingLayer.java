package dev.mtl4j.runtime.embed;

import dev.mtl4j.api.graph.LayerWiring;
import dev.mtl4j.api.graph.RowWiseLayer;
import java.util.Collection;
import java.util.List;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * The embeddings of a tabular input as one DL4J layer: every input column is passed through, or
 * embedded by a small network of its own (linear, periodic or PLR, Gorishniy et al. 2022), or, when
 * it holds a category's index, replaced by that category's learned row. The output is each column's
 * result side by side, in input order, and the encoder reads it as it would read the input. Its
 * parameters are exempt from weight decay (the frequencies and embedding rows are not the weights
 * decay is meant for). Saved in the network's JSON like DL4J's own layers. Row-wise, so the fused
 * training step runs it between the dense layers it computes itself.
 */
public final class TabularEmbeddingLayer extends FeedForwardLayer implements RowWiseLayer {
    private int[] kinds = new int[0];
    private int[] sizes = new int[0];
    private int[] frequencies = new int[0];
    private double[] sigmas = new double[0];
    private int[] vocabularies = new int[0];

    /** For DL4J's JSON deserialisation. */
    public TabularEmbeddingLayer() {
    }

    public TabularEmbeddingLayer(List<ColumnEmbedding> columns) {
        int n = columns.size();
        kinds = new int[n];
        sizes = new int[n];
        frequencies = new int[n];
        sigmas = new double[n];
        vocabularies = new int[n];
        for (int i = 0; i < n; i++) {
            ColumnEmbedding column = columns.get(i);
            kinds[i] = column.kind().ordinal();
            sizes[i] = column.size();
            frequencies[i] = column.frequencies();
            sigmas[i] = column.sigma();
            vocabularies[i] = column.vocabulary();
        }
        setNIn(n);
        setNOut(columns.stream().mapToLong(ColumnEmbedding::size).sum());
    }

    /** Each input's embedding, in input order. */
    public List<ColumnEmbedding> columns() {
        ColumnEmbedding[] columns = new ColumnEmbedding[kinds.length];
        for (int i = 0; i < columns.length; i++) {
            ColumnEmbedding.Kind kind = ColumnEmbedding.Kind.values()[kinds[i]];
            columns[i] = kind == ColumnEmbedding.Kind.PASS ? ColumnEmbedding.PASS
                    : new ColumnEmbedding(kind, sizes[i], frequencies[i], sigmas[i], vocabularies[i]);
        }
        return List.of(columns);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int layerIndex, INDArray paramsView, boolean initializeParams,
                                                       DataType dataType) {
        return LayerWiring.wire(new TabularEmbedding(conf, dataType), conf, listeners, layerIndex, paramsView, initializeParams,
                initializer());
    }

    @Override
    public ParamInitializer initializer() {
        return TabularEmbeddingParams.INSTANCE;
    }

    @Override
    public List<Regularization> getRegularizationByParam(String paramName) {
        return List.of();
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return new LayerMemoryReport.Builder(getLayerName(), TabularEmbeddingLayer.class, inputType, getOutputType(-1, inputType))
                .standardMemory(TabularEmbeddingParams.INSTANCE.numParams(this), 0).workingMemory(0, 0, 0, 0)
                .cacheMemory(0, 0).build();
    }

    public int[] getKinds() {
        return kinds.clone();
    }

    public void setKinds(int[] kinds) {
        this.kinds = kinds.clone();
    }

    public int[] getSizes() {
        return sizes.clone();
    }

    public void setSizes(int[] sizes) {
        this.sizes = sizes.clone();
    }

    public int[] getFrequencies() {
        return frequencies.clone();
    }

    public void setFrequencies(int[] frequencies) {
        this.frequencies = frequencies.clone();
    }

    public double[] getSigmas() {
        return sigmas.clone();
    }

    public void setSigmas(double[] sigmas) {
        this.sigmas = sigmas.clone();
    }

    public int[] getVocabularies() {
        return vocabularies.clone();
    }

    public void setVocabularies(int[] vocabularies) {
        this.vocabularies = vocabularies.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TabularEmbeddingLayer that && super.equals(other) && columns().equals(that.columns());
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + columns().hashCode();
    }
}
