package dev.mtl4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

final class NativeDefaultsTest {

    @Test
    void oneThreadUnlessTheUserChose() {
        assertThat(NativeDefaults.threads(Map.of(), new Properties())).isEqualTo(1);
        assertThat(NativeDefaults.threads(Map.of("OMP_NUM_THREADS", "4"), new Properties())).isNull();
        Properties explicit = new Properties();
        explicit.setProperty(NativeDefaults.THREADS_PROPERTY, "2");
        assertThat(NativeDefaults.threads(Map.of("OMP_NUM_THREADS", "4"), explicit)).isEqualTo(2);
    }

    @Test
    void aBadPropertyIsAClearError() {
        Properties bad = new Properties();
        bad.setProperty(NativeDefaults.THREADS_PROPERTY, "many");
        assertThatThrownBy(() -> NativeDefaults.threads(Map.of(), bad))
                .hasMessage("system property mtl4j.threads must be a whole number >= 1, got 'many'");
    }

    @Test
    void creatingTheRuntimeAppliesThem() {
        System.setProperty(NativeDefaults.THREADS_PROPERTY, "2");
        try {
            MtlRuntime.create();
            assertThat(Nd4j.factory().blas().getMaxThreads()).isEqualTo(2);
        } finally {
            System.clearProperty(NativeDefaults.THREADS_PROPERTY);
            System.setProperty(NativeDefaults.THREADS_PROPERTY, "1");
            NativeDefaults.apply();
            System.clearProperty(NativeDefaults.THREADS_PROPERTY);
        }
    }
}
