package dev.mtl4j.runtime.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class FuzzyMatcherTest {
    private static final List<String> KEYS = List.of("epochs", "batchSize", "optimizer", "seed", "shuffle");

    @Test
    void findsTyposSwapsAndCaseSlips() {
        assertThat(FuzzyMatcher.closest("epoch", KEYS)).hasValue("epochs");
        assertThat(FuzzyMatcher.closest("epcohs", KEYS)).hasValue("epochs");
        assertThat(FuzzyMatcher.closest("batchsize", KEYS)).hasValue("batchSize");
        assertThat(FuzzyMatcher.closest("optimiser", KEYS)).hasValue("optimizer");
    }

    @Test
    void suggestsNothingForUnrelatedWords() {
        assertThat(FuzzyMatcher.closest("learningRate", KEYS)).isEmpty();
        assertThat(FuzzyMatcher.closest("x", List.of("lr"))).isEmpty();
    }

    @Test
    void swapCountsAsOneEdit() {
        assertThat(FuzzyMatcher.distance("seed", "sede")).isEqualTo(1);
        assertThat(FuzzyMatcher.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void unknownKeyMessage() {
        assertThat(FuzzyMatcher.unknownKey("epoch", KEYS)).isEqualTo("unknown key 'epoch'; did you mean 'epochs'?");
        assertThat(FuzzyMatcher.unknownKey("colour", List.of("seed"))).isEqualTo("unknown key 'colour'; valid keys are [seed]");
    }
}
