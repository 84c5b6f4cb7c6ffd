package dev.mtl4j.plugins.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.spi.LayerSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each strategy asks of each encoder depth, bottom first. */
final class SchedulesTest {
    private static final List<String> TWO = List.of("shared/encoder/dense_0", "shared/encoder/dense_1");
    private static final List<String> THREE = List.of("e/dense_0", "e/dense_1", "e/dense_2");

    @Test
    void fineTuneFreezesTheLowestLayersAndDecaysRatesDownwards() {
        List<LayerSchedule> schedule = new FineTune(new FineTuneConfig(1e-3, 0.5, 1)).schedule(THREE, 1e-2, 10);

        assertThat(schedule).containsExactly(LayerSchedule.frozen(), LayerSchedule.trainable(5e-4), LayerSchedule.trainable(1e-3));
    }

    @Test
    void fineTuneDefaultsToThePipelinesRateEverywhere() {
        assertThat(new FineTune(new FineTuneConfig(null, 1.0, 0)).schedule(TWO, 3e-3, 5))
                .containsExactly(LayerSchedule.trainable(3e-3), LayerSchedule.trainable(3e-3));
    }

    @Test
    void fineTuneCannotFreezeMoreLayersThanThereAre() {
        assertThatThrownBy(() -> new FineTune(new FineTuneConfig(null, 1.0, 3)).schedule(TWO, 1e-3, 5))
                .hasMessage("freeze: is 3, but the source encoder has 2 layers");
    }

    @Test
    void fineTuneFreezesLayersByName() {
        List<LayerSchedule> schedule = new FineTune(new FineTuneConfig(null, 1.0, 0, List.of("dense_1"))).schedule(THREE, 1e-3, 5);
        assertThat(schedule).containsExactly(LayerSchedule.trainable(1e-3), LayerSchedule.frozen(), LayerSchedule.trainable(1e-3));
        assertThat(new FineTune(new FineTuneConfig(null, 1.0, 0, List.of("shared/encoder/dense_0"))).schedule(TWO, 1e-3, 5).get(0))
                .isEqualTo(LayerSchedule.frozen());
        assertThatThrownBy(() -> new FineTune(new FineTuneConfig(null, 1.0, 0, List.of("dense_9"))).schedule(TWO, 1e-3, 5))
                .hasMessage("frozen: no encoder layer 'dense_9'; the layers are [shared/encoder/dense_0, shared/encoder/dense_1]");
    }

    @Test
    void featureExtractionFreezesEverythingAndPrecomputes() {
        FeatureExtraction strategy = new FeatureExtraction();
        assertThat(strategy.schedule(TWO, 1e-3, 5)).containsExactly(LayerSchedule.frozen(), LayerSchedule.frozen());
        assertThat(strategy.precomputesFeatures()).isTrue();
    }

    @Test
    void gradualUnfreezingStartsWithTheHeadsThenTheTopLayer() {
        List<LayerSchedule> schedule = new GradualUnfreezing(new GradualUnfreezingConfig(null, 1.0, 1)).schedule(THREE, 1e-3, 10);

        // epoch 1: heads only; epoch 2: + top layer; epoch 3: + middle; epoch 4: + bottom
        assertThat(schedule).extracting(LayerSchedule::trainableFromEpoch).containsExactly(4, 3, 2);
        assertThat(new GradualUnfreezing(new GradualUnfreezingConfig(1e-2, 0.1, 2)).schedule(TWO, 1e-3, 10))
                .containsExactly(new LayerSchedule(1e-3, 5), new LayerSchedule(1e-2, 3));
    }
}
