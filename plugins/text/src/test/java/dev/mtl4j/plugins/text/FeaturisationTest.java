package dev.mtl4j.plugins.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.graph.ActivationName;
import dev.mtl4j.api.spi.FittedText;
import dev.mtl4j.api.spi.TextForm;
import dev.mtl4j.api.spi.TextProgress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the trainable featurisations learn from training texts, and that their state restores them exactly. */
final class FeaturisationTest {
    private static final List<String> TRAIN = List.of("Great coffee, great price!", "The coffee was stale.",
            "Great tea; stale biscuits.", "Nothing in common here");

    @Test
    void theTokenizerLowerCasesAndSplitsOnAnythingButLettersAndDigits() {
        assertThat(Tokenizer.words("I LOVE it!<br />5 stars, isn't it?"))
                .containsExactly("i", "love", "it", "br", "5", "stars", "isn", "t", "it");
    }

    @Test
    void theVocabularyKeepsWordsOfEnoughTrainingTextsMostFrequentFirst() {
        Vocabulary vocabulary = Vocabulary.fit(TRAIN, 2, 10);
        assertThat(vocabulary.words()).containsExactly("coffee", "great", "stale");
        assertThat(Vocabulary.fit(TRAIN, 1, 2).words()).containsExactly("coffee", "great");
    }

    @Test
    void aBinaryBagMarksTheVocabularyWordsOfATextAndIgnoresOthers() {
        FittedText bag = encoder(Weighting.BINARY).fit(TRAIN, TextProgress.NONE);
        float[] out = new float[2 * bag.width()];
        bag.transform(List.of("great great stale", "unknown words only"), out, TextProgress.NONE);
        assertThat(out).containsExactly(0f, 1f, 1f, 0f, 0f, 0f);
    }

    @Test
    void tfIdfRowsHaveUnitLengthAndRareWordsWeighMore() {
        FittedText bag = encoder(Weighting.TF_IDF).fit(List.of("a b", "a c", "a b", "a d"), TextProgress.NONE);
        float[] out = new float[bag.width()];
        bag.transform(List.of("a b"), out, TextProgress.NONE);
        // vocabulary (minCount 2): a (4 texts), b (2 texts)
        assertThat(out[0] * out[0] + out[1] * out[1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(out[1]).isGreaterThan(out[0]);
    }

    @Test
    void aRestoredBagFeaturisesExactlyAsTheFittedOne() {
        BagOfWordsEncoder encoder = encoder(Weighting.TF_IDF);
        FittedText fitted = encoder.fit(TRAIN, TextProgress.NONE);
        FittedText restored = encoder.restore(fitted.state());
        List<String> texts = List.of("great coffee", "stale stale tea", "");
        float[] a = new float[texts.size() * fitted.width()];
        float[] b = new float[a.length];
        fitted.transform(texts, a, TextProgress.NONE);
        restored.transform(texts, b, TextProgress.NONE);
        assertThat(b).containsExactly(a);
    }

    @Test
    void sequencesAreTokenIdsPaddedWithZeroAndNeverEmpty() {
        EmbeddingEncoder encoder = new EmbeddingEncoder(new EmbeddingConfig(SequenceBody.CNN, 4, 100, 2, 8, 8, 3, Pooling.MAX,
                List.of(), ActivationName.RELU, 0), 0);
        FittedText sequences = encoder.fit(TRAIN, TextProgress.NONE);
        assertThat(sequences.form()).isEqualTo(TextForm.SEQUENCE);
        assertThat(sequences.vocabularySize()).isEqualTo(5); // padding, unknown, coffee, great, stale
        float[] out = new float[3 * 4];
        sequences.transform(List.of("great unknown coffee", "stale great stale great coffee", "!!!"), out, TextProgress.NONE);
        assertThat(out).containsExactly(3, 1, 2, 0, 4, 3, 4, 3, 1, 0, 0, 0);
        float[] again = new float[out.length];
        encoder.restore(sequences.state()).transform(List.of("great unknown coffee", "stale great stale great coffee", "!!!"),
                again, TextProgress.NONE);
        assertThat(again).containsExactly(out);
    }

    @Test
    void aMalformedStateIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> encoder(Weighting.BINARY).restore(java.util.Map.of("weighting", "binary", "words", "oops")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'words'");
    }

    private static BagOfWordsEncoder encoder(Weighting weighting) {
        return new BagOfWordsEncoder(new BagOfWordsConfig(weighting, 10, 2, List.of(8), ActivationName.RELU, 0));
    }
}
