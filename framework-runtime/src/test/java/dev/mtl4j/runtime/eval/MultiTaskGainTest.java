package dev.mtl4j.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class MultiTaskGainTest {

    @Test
    void averagesRelativeChangesSignedSoThatPositiveIsBetter() {
        Map<String, Double> multi = Map.of("a", 0.55, "b", 0.72);
        Map<String, Double> single = Map.of("a", 0.50, "b", 0.80);
        // (+10 % − 10 %) / 2
        assertThat(MultiTaskGain.deltaM(multi, single, true)).isCloseTo(0.0, within(1e-12));
        assertThat(MultiTaskGain.deltaM(Map.of("mse", 0.9), Map.of("mse", 1.0), false)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void refusesDifferentTasks() {
        assertThatThrownBy(() -> MultiTaskGain.deltaM(Map.of("a", 1.0), Map.of("b", 1.0), true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
