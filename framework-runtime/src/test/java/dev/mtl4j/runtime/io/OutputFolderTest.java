package dev.mtl4j.runtime.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder: one run at a time, results all or nothing, leftovers of killed runs cleaned. */
final class OutputFolderTest {
    @TempDir
    Path dir;

    private static String names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return String.join(" ", files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aSecondRunIntoTheFolderIsRefusedNamingTheFirst() {
        Path out = dir.resolve("out");
        try (OutputFolder first = OutputFolder.take(out)) {
            assertThatThrownBy(() -> OutputFolder.take(out)).isInstanceOf(MtlException.class)
                    .hasMessageStartingWith(out + ": another mtl run is writing into this folder (pid "
                            + ProcessHandle.current().pid() + ", since ")
                    .hasMessageEndingWith("); wait for it to finish, or choose another --out")
                    .satisfies(e -> assertThat(((MtlException) e).category()).isEqualTo(ErrorCategory.IO_FAILED));
        }
        OutputFolder.take(out).close();
    }

    @Test
    void resultsAppearTogetherOnlyAtCommit() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("model.zip"), "old model");
        Files.writeString(out.resolve("metrics.json"), "old metrics");
        Files.writeString(out.resolve("baseline-metrics.json"), "old baseline, of another run");
        Files.writeString(out.resolve("checkpoint.zip"), "the run's checkpoint");
        Files.writeString(out.resolve("notes.txt"), "the user's");
        try (OutputFolder folder = OutputFolder.take(out)) {
            try (Publication results = folder.publish()) {
                Files.writeString(results.file("model.zip"), "new model");
                // a failure here (disk full, an exception) ends without a commit
            }
            assertThat(Files.readString(out.resolve("model.zip"))).isEqualTo("old model");
            assertThat(names(out)).isEqualTo(".mtl.lock baseline-metrics.json checkpoint.zip metrics.json model.zip notes.txt");

            try (Publication results = folder.publish()) {
                Files.writeString(results.file("model.zip"), "new model");
                Files.writeString(results.file("metrics.json"), "new metrics");
                assertThat(Files.readString(out.resolve("model.zip"))).isEqualTo("old model");
                results.commit();
            }
        }
        assertThat(Files.readString(out.resolve("model.zip"))).isEqualTo("new model");
        assertThat(Files.readString(out.resolve("metrics.json"))).isEqualTo("new metrics");
        // The old baseline belongs to another run, and the checkpoint to this one, now finished.
        assertThat(names(out)).isEqualTo(".mtl.lock metrics.json model.zip notes.txt");
    }

    @Test
    void aRunKilledBeforeItsCommitRecordLeavesThePreviousResults() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve(".mtl-publish"));
        Files.writeString(out.resolve("model.zip"), "old model");
        Files.writeString(out.resolve(".mtl-publish/model.zip"), "half a new mod");

        OutputFolder.take(out).close();

        assertThat(Files.readString(out.resolve("model.zip"))).isEqualTo("old model");
        assertThat(names(out)).isEqualTo(".mtl.lock model.zip");
    }

    @Test
    void aRunKilledDuringItsCommitIsFinishedByTheNextOne() throws IOException {
        Path out = dir.resolve("out");
        Path staging = out.resolve(".mtl-publish");
        Files.createDirectories(staging);
        Files.writeString(out.resolve("model.zip"), "new model"); // moved before the kill
        Files.writeString(staging.resolve("metrics.json"), "new metrics"); // not yet
        Files.writeString(out.resolve("metrics.json"), "old metrics");
        Files.writeString(out.resolve("checkpoint.zip"), "the finished run's checkpoint");
        Files.writeString(staging.resolve("COMMIT"), "move model.zip\nmove metrics.json\ndelete baseline-metrics.json\n"
                + "delete checkpoint.zip\n");

        OutputFolder.take(out).close();

        assertThat(Files.readString(out.resolve("model.zip"))).isEqualTo("new model");
        assertThat(Files.readString(out.resolve("metrics.json"))).isEqualTo("new metrics");
        assertThat(names(out)).isEqualTo(".mtl.lock metrics.json model.zip");
    }

    @Test
    void aCommitRecordNamingOtherFilesIsNotFollowed() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve(".mtl-publish"));
        Files.writeString(out.resolve("notes.txt"), "the user's");
        Files.writeString(out.resolve(".mtl-publish/COMMIT"), "delete notes.txt\n");

        assertThatThrownBy(() -> OutputFolder.take(out)).isInstanceOf(MtlException.class)
                .hasMessageContaining("a commit record that mtl4j did not write: 'delete notes.txt'");
        assertThat(out.resolve("notes.txt")).exists();
    }

    @Test
    void temporaryFilesOfKilledWritesAreRemoved() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.write(out.resolve(".model.zip8326711482354.tmp"), new byte[0]);
        Files.writeString(out.resolve(".checkpoint.zip-123.tmp"), "half");
        Files.writeString(out.resolve(".notes.txt123.tmp"), "not ours");
        Files.writeString(out.resolve("model.zip"), "the model");

        OutputFolder.take(out).close();

        assertThat(names(out)).isEqualTo(".mtl.lock .notes.txt123.tmp model.zip");
    }

    @Test
    void aFolderThatCannotBeWrittenIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThatThrownBy(() -> OutputFolder.take(file)).isInstanceOf(MtlException.class)
                .hasMessage(file + ": not a folder (a file of that name is in the way)");
        assertThatThrownBy(() -> OutputFolder.take(file.resolve("runs"))).isInstanceOf(MtlException.class)
                .hasMessageStartingWith(file.resolve("runs") + ": cannot create the output folder: ")
                .satisfies(e -> assertThat(((MtlException) e).category()).isEqualTo(ErrorCategory.IO_FAILED));
    }

    @Test
    void aFolderWithoutWritePermissionIsRefused() throws IOException {
        Assumptions.assumeFalse(System.getProperty("user.name").equals("root"), "root writes anywhere");
        Path readOnly = Files.createDirectories(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> OutputFolder.take(readOnly)).isInstanceOf(MtlException.class)
                    .hasMessage(readOnly + ": the output folder is not writable: permission denied");
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
