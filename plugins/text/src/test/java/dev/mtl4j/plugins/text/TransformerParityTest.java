package dev.mtl4j.plugins.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.mtl4j.plugins.text.transformer.PretrainedForward;
import dev.mtl4j.plugins.text.transformer.PretrainedWeights;
import dev.mtl4j.plugins.text.transformer.WordPieces;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The transformer built in ND4J from all-MiniLM-L6-v2's ONNX weights gives the sentence embedding
 * ONNX Runtime gives for the same model (langchain4j's full-precision all-MiniLM-L6-v2): same word
 * pieces, same vectors within 1e-3, on 100 fine-food reviews embedded in padded batches of ten.
 */
final class TransformerParityTest {

    @Test
    void sameTokensAndSentenceEmbeddingsAsOnnxRuntime() throws Exception {
        List<String> texts = new ArrayList<>();
        List<long[]> ids = new ArrayList<>();
        try (WordPieces pieces = WordPieces.minilm(512)) {
            for (String review : Reviews.first(130)) {
                long[] textIds = pieces.ids(review);
                // langchain4j embeds a text of more than 510 pieces in parts and averages them; a transformer reads 512
                if (textIds.length <= 512 && texts.size() < 100) {
                    texts.add(review);
                    ids.add(textIds);
                }
            }
        }
        assertThat(texts).hasSize(100);
        assertThat(ids.get(0)[0]).as("[CLS]").isEqualTo(101);
        assertThat(ids.get(0)[ids.get(0).length - 1]).as("[SEP]").isEqualTo(102);

        AllMiniLmL6V2EmbeddingModel onnx = new AllMiniLmL6V2EmbeddingModel(Runnable::run);
        PretrainedForward ours = new PretrainedForward(PretrainedWeights.load(PretrainedWeights.MINILM), 6, DataType.FLOAT);
        double worst = 0;
        for (int start = 0; start < texts.size(); start += 10) {
            INDArray[] batch = PretrainedForward.padded(ids.subList(start, start + 10).toArray(long[][]::new), DataType.FLOAT);
            INDArray embedded = ours.sentences(batch[0], batch[1]);
            for (int i = 0; i < 10; i++) {
                float[] expected = onnx.embed(TextSegment.from(texts.get(start + i))).content().vector();
                for (int d = 0; d < expected.length; d++) {
                    worst = Math.max(worst, Math.abs(expected[d] - embedded.getDouble(i, d)));
                }
            }
        }
        assertThat(worst).as("largest difference from ONNX Runtime over 100 × 384 values").isLessThan(1e-3);
    }
}
