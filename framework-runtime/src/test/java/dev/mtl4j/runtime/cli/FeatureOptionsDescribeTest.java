package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code mtl describe features} lists a feature's options from their {@code @Param} declarations. */
final class FeatureOptionsDescribeTest {
    @Test
    void describeFeaturesShowsTheNumericTransforms() {
        CliRun run = CliRun.of("describe", "features");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("levels").containsPattern("transform +.*one of \\[standard, log, quantile, robust\\]")
                .contains("default standard");
    }
}
