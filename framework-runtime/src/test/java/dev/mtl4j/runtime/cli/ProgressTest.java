package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Totals and the time left: a redrawn bar on a terminal, a periodic plain line elsewhere. */
final class ProgressTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong();

    private Progress progress(boolean terminal) {
        Console console = new Console(new PrintStream(err, true, StandardCharsets.UTF_8), terminal, System.out);
        return new Progress(console, nanos::get);
    }

    @Test
    void offATerminalALongStepPrintsAPlainLineEveryTenSeconds() {
        Progress progress = progress(false);
        nanos.set(4_000_000_000L);
        progress.update("training", 10, 100, "epoch 1/10");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        nanos.set(10_000_000_000L);
        progress.update("training", 25, 100, "epoch 3/10");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("training: 25/100 (25%)  epoch 3/10  elapsed 0:10, ETA 0:30\n");
        nanos.set(12_000_000_000L);
        progress.update("training", 30, 100, "epoch 3/10");
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceWithTheTimeLeft() {
        Progress progress = progress(true);
        nanos.set(30_000_000_000L);
        progress.update("minilm: embedding 400 new texts", 100, 400, "");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("\r\033[Kminilm: embedding 400 new texts [======                  ] 100/400  elapsed 0:30, ETA 1:30");
    }

    @Test
    void clockReadsMinutesAndHours() {
        assertThat(Progress.clock(59.6)).isEqualTo("1:00");
        assertThat(Progress.clock(3725)).isEqualTo("1:02:05");
    }
}
