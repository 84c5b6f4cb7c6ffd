package dev.mtl4j.plugins.text.transformer;

import dev.mtl4j.api.spi.PretrainedParameters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.shade.jackson.annotation.JsonIgnore;

/**
 * A DL4J layer configuration whose parameters come from a pretrained transformer (or, without one,
 * are drawn as BERT draws them). Parameters that do not train get no updater (NoOp), no
 * regularization and no gradient. Reads and writes token sequences as {@code [batch, length, width]}.
 */
public abstract class PretrainedLayer extends BaseLayer implements PretrainedParameters {
    /** BERT's initializer range: the standard deviation of freshly drawn weights. */
    private static final double INIT_STD = 0.02;

    /** The pretrained model's id, or null for freshly drawn weights. */
    private String pretrained;
    /** The encoder's copy of the pretrained weights while it builds a network (never serialised). */
    @JsonIgnore
    private transient PretrainedWeights weights;

    protected PretrainedLayer() {
    }

    /** Every parameter, in layout order. */
    abstract List<BlockSpec.Param> layout();

    /** Whether a parameter trains. */
    abstract boolean trains(String key);

    /** Whether a parameter holds a pretrained value (when the layer has a pretrained model). */
    abstract boolean isPretrained(String key);

    /** The pretrained model's tensor for a parameter. */
    abstract INDArray pretrainedValue(PretrainedWeights weights, String key);

    /** The width of each token's output vector. */
    abstract int outputWidth();

    public String getPretrained() {
        return pretrained;
    }

    public void setPretrained(String pretrained) {
        this.pretrained = pretrained;
    }

    @Override
    public String pretrainedId() {
        return pretrained;
    }

    /** The pretrained parameters that do not train: none when the layer's weights were drawn. */
    @Override
    public Set<String> frozenPretrainedParameters() {
        Set<String> keys = new LinkedHashSet<>();
        if (pretrained != null) {
            layout().stream().map(BlockSpec.Param::key).filter(k -> isPretrained(k) && !trains(k)).forEach(keys::add);
        }
        return keys;
    }

    /** Reads the pretrained model once per network load (kept in {@code loaded} under its id). */
    @Override
    public void restorePretrained(Map<String, INDArray> params, Map<String, Object> loaded) {
        PretrainedWeights source = (PretrainedWeights) loaded.computeIfAbsent(PretrainedWeights.class.getName() + ":"
                + pretrained, key -> PretrainedWeights.load(pretrained));
        params.forEach((key, view) -> view.assign(pretrainedValue(source, key)));
    }

    /** Hands the layer the pretrained weights the encoder read, so initialising it reads no file. */
    void useWeights(PretrainedWeights weights) {
        this.weights = weights;
        this.pretrained = weights.id();
    }

    @Override
    public ParamInitializer initializer() {
        return new LayoutInitializer();
    }

    @Override
    public IUpdater getUpdaterByParam(String paramName) {
        return trains(paramName) ? super.getUpdaterByParam(paramName) : new NoOp();
    }

    @Override
    public List<Regularization> getRegularizationByParam(String paramName) {
        return trains(paramName) ? super.getRegularizationByParam(paramName) : List.of();
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.recurrent(outputWidth(), sequenceLength(inputType), RNNFormat.NWC);
    }

    /** The sequence length of what the layer reads: token ids (a feed-forward row) or token vectors. */
    static long sequenceLength(InputType inputType) {
        if (inputType instanceof InputType.InputTypeRecurrent recurrent) {
            return recurrent.getTimeSeriesLength();
        }
        if (inputType instanceof InputType.InputTypeFeedForward feedForward) {
            return feedForward.getSize();
        }
        throw new IllegalArgumentException("a transformer layer reads token ids or token vectors, not " + inputType);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        // sizes are the pretrained model's
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        long params = layout().stream().mapToLong(p -> length(p.shape())).sum();
        return new LayerMemoryReport.Builder(getLayerName(), getClass(), inputType, getOutputType(0, inputType))
                .standardMemory(params, params).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    /** Fills freshly made parameters: the pretrained values where there are some, else drawn. */
    void initialize(Map<String, INDArray> params, long seed) {
        PretrainedWeights source = pretrained == null ? null : weights != null ? weights : PretrainedWeights.load(pretrained);
        SplittableRandom random = new SplittableRandom(seed * 31 + String.valueOf(getLayerName()).hashCode());
        for (BlockSpec.Param param : layout()) {
            INDArray value = params.get(param.key());
            if (source != null && isPretrained(param.key())) {
                value.assign(pretrainedValue(source, param.key()));
            } else {
                draw(param.key(), value, random);
            }
        }
    }

    /** BERT's initialisation: N(0, 0.02) weights, zero biases, unit gains; LoRA's A uniform, B zero; adapters' up-projection zero. */
    private static void draw(String key, INDArray value, SplittableRandom random) {
        if (key.endsWith("Gain")) {
            value.assign(1);
        } else if (key.endsWith("b") || key.endsWith("Bias") || key.endsWith("LoraB") || key.endsWith("UpW")) {
            value.assign(0);
        } else if (key.endsWith("LoraA")) {
            double bound = 1 / Math.sqrt(value.size(0));
            value.assign(Nd4j.create(randoms(value.length(), () -> (2 * random.nextDouble() - 1) * bound), value.shape()));
        } else {
            value.assign(Nd4j.create(randoms(value.length(), () -> gaussian(random) * INIT_STD), value.shape()));
        }
    }

    private static double[] randoms(long count, java.util.function.DoubleSupplier next) {
        double[] values = new double[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = next.getAsDouble();
        }
        return values;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    static long length(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
