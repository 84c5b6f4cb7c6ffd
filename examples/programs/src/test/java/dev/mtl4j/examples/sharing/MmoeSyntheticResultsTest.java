package dev.mtl4j.examples.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.examples.sharing.MmoeSyntheticResults.Run;
import org.junit.jupiter.api.Test;

/** Printed runs read back, merge across processes, and the paired trend is computed per seed. */
final class MmoeSyntheticResultsTest {
    @Test
    void aPrintedLineReadsBack() {
        Run run = new Run(0.9, 7, "mmoe", 0.31234, 0.29871);
        Run back = MmoeSyntheticResults.parse(run.line("14834 parameters, 25.1 s")).orElseThrow();
        assertThat(back).isEqualTo(new Run(0.9, 7, "mmoe", 0.3123, 0.2987));
        assertThat(MmoeSyntheticResults.parse("Settings[ps=[1.0], seeds=[1]]")).isEmpty();
        assertThat(MmoeSyntheticResults.parse("| 1.0 | y1 | 0.2 ± 0.1 | 0.3 ± 0.1 | -0.1 ± 0.0 |")).isEmpty();
    }

    @Test
    void theTrendIsTheGrowthOfTheAdvantagePerSeed() {
        MmoeSyntheticResults results = new MmoeSyntheticResults();
        // seed 1: advantage (hard − mmoe of the tasks' mean) −0.10 at p 1.0, −0.04 at 0.5: grew 0.06
        results.add(new Run(1.0, 1, "hard", 0.20, 0.20));
        results.add(new Run(1.0, 1, "mmoe", 0.30, 0.30));
        results.add(new Run(0.5, 1, "hard", 0.30, 0.30));
        results.add(new Run(0.5, 1, "mmoe", 0.34, 0.34));
        // seed 2: +0.02 at 1.0, +0.04 at 0.5: grew 0.02
        results.add(new Run(1.0, 2, "hard", 0.32, 0.32));
        results.add(new Run(1.0, 2, "mmoe", 0.30, 0.30));
        results.add(new Run(0.5, 2, "hard", 0.38, 0.38));
        results.add(new Run(0.5, 2, "mmoe", 0.34, 0.34));
        // a seed with one model only is left out, not paired with anything; so is a p still running
        results.add(new Run(0.5, 3, "hard", 9.0, 9.0));
        results.add(new Run(0.2, 1, "hard", 9.0, 9.0));

        assertThat(results.trend()).startsWith("advantage at p = 0.5 minus at p = 1.0: +0.0400 ± 0.0200")
                .contains("over 2 seeds").contains("t = 2.00").contains("grew in 2 of 2 seeds");
        assertThat(results.perSeed()).contains("| 1 | -0.1000 | -0.0400 |").contains("| 2 | +0.0200 | +0.0400 |")
                .doesNotContain("| 3 |");
        assertThat(results.table()).contains("| 1.0 | mean | 0.2600 ± 0.0849 | 0.3000 ± 0.0000 | -0.0400 ± 0.0849 |")
                .doesNotContain("| 0.2 |").doesNotContain("NaN");
        assertThat(results.trend()).doesNotContain("p = 0.2");
    }

    @Test
    void aRunTwiceIsAnError() {
        MmoeSyntheticResults results = new MmoeSyntheticResults();
        results.add(new Run(1.0, 1, "hard", 0.2, 0.2));
        assertThatThrownBy(() -> results.add(new Run(1.0, 1, "hard", 0.3, 0.3)))
                .hasMessageContaining("two results for p 1.00 seed 1 hard");
    }
}
