package dev.mtl4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.spec.SpecException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Problems are data (key, location, message) and render as one line; an exception places keyed ones. */
final class ProblemTest {

    @Test
    void eachPartIsShownOnlyWhenKnown() {
        assertThat(Problem.of("no GPU").render()).isEqualTo("no GPU");
        assertThat(Problem.keyed("data.source.path", "data file not found: x.csv").render())
                .isEqualTo("data.source.path: data file not found: x.csv");
        assertThat(new Problem("training.epoch", Location.position("p.yaml", 9, 13), "unknown key 'epoch'").render())
                .isEqualTo("p.yaml:9:13: training.epoch: unknown key 'epoch'");
        assertThat(Problem.at(Location.cell("bad.csv", 2, 3, "px1"), "not a number: 'five'").render())
                .isEqualTo("bad.csv: row 2 (line 3), column 'px1': not a number: 'five'");
        assertThat(Problem.at(Location.line("bad.csv", 7), "expected 3 cells, found 2").render())
                .isEqualTo("bad.csv: line 7: expected 3 cells, found 2");
        assertThat(Problem.at(Location.file("m.zip"), "model file not found").render()).isEqualTo("m.zip: model file not found");
    }

    @Test
    void aMessageIsOneLineWhateverALibraryGaveIt() {
        assertThat(Problem.of("cannot read:\n  line two\r\nline three\n").message()).isEqualTo("cannot read: line two line three");
        assertThatThrownBy(() -> Problem.of(" \n ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Location.position("p.yaml", 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyedProblemsArePlacedAndOthersKept() {
        MtlException e = new MtlException(ErrorCategory.DATA_INVALID, List.of(
                Problem.keyed("tasks.parity.data.source.path", "data file not found: parity.csv"),
                Problem.at(Location.cell("d.csv", 1, 2, "x"), "not a number: 'a'"),
                Problem.of("something else")), new IllegalStateException("cause"));
        MtlException placed = e.locatedBy(key -> key.startsWith("tasks.") ? Optional.of(Location.position("p.yaml", 12, 34))
                : Optional.empty());
        assertThat(placed.category()).isEqualTo(ErrorCategory.DATA_INVALID);
        assertThat(placed.getCause()).isSameAs(e.getCause());
        assertThat(placed.getStackTrace()).isEqualTo(e.getStackTrace());
        assertThat(placed.lines()).containsExactly(
                "p.yaml:12:34: tasks.parity.data.source.path: data file not found: parity.csv",
                "d.csv: row 1 (line 2), column 'x': not a number: 'a'",
                "something else");
        assertThat(placed.problems().get(0).key()).isEqualTo("tasks.parity.data.source.path");
        assertThat(placed.getMessage()).isEqualTo("3 problems:" + System.lineSeparator() + "  1) " + placed.lines().get(0)
                + System.lineSeparator() + "  2) " + placed.lines().get(1) + System.lineSeparator() + "  3) something else");
        assertThat(e.locatedBy(key -> Optional.empty())).isSameAs(e);
    }

    @Test
    void aComponentsOwnKeyGoesUnderItsPlaceInThePipeline() {
        MtlException e = new MtlException(ErrorCategory.CONFIG_INVALID, new SpecException("freeze", "is 5, but the source"
                + " encoder has 2 layers").problem());
        assertThat(e.under("transfer.strategy").lines())
                .containsExactly("transfer.strategy.freeze: is 5, but the source encoder has 2 layers");
        assertThat(new MtlException(ErrorCategory.CONFIG_INVALID, "path is required").under("data.source").lines())
                .containsExactly("data.source: path is required");
    }

    @Test
    void resourceExhaustionHasItsOwnExitCode() {
        assertThat(ErrorCategory.RESOURCE_EXHAUSTED.exitCode()).isEqualTo(8);
        assertThat(java.util.Arrays.stream(ErrorCategory.values()).map(ErrorCategory::exitCode).distinct().count())
                .isEqualTo(ErrorCategory.values().length);
    }
}
