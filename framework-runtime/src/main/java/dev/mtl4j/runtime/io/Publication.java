package dev.mtl4j.runtime.io;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A run's results — model.zip, metrics.json and the rest — put into their folder together or not at
 * all. They are written into a staging folder inside the output folder; {@link #commit()} then
 * writes a commit record (one atomic rename) listing what moves in and what goes (results of an
 * earlier run that this one does not replace, and the run's checkpoint), and carries it out. A run
 * killed before the record exists leaves the folder's previous results untouched, and its staging
 * folder is removed when the folder is next taken; a run killed after it is completed then (both by
 * {@link #recover}). So a kill at any moment never leaves half a result, nor a model beside the
 * metrics of another run — only the instant between the renames is visible to a reader that looks
 * before the next run.
 */
public final class Publication implements AutoCloseable {
    static final String STAGING = ".mtl-publish";
    private static final String RECORD = "COMMIT";
    /** Every file a run may put into its folder; a commit removes those it does not write. */
    public static final Set<String> RESULTS = Set.of("model.zip", "metrics.json", "baseline-metrics.json",
            // meta-learning's baselines (mtl train --baseline)
            "pretrained-model.zip", "pretrained-metrics.json", "scratch-metrics.json",
            // the history, evaluation details and report (report.RunFolder names them)
            "history.json", "history.csv", "evaluation.json", "report.html", "baselines.json", "affinity.json", "baseline-history.json",
            "transfer-comparison.json", OutputFolder.CHECKPOINT,
            // reference models beside the network (--reference); mtl tune's results table, chart and best pipeline
            "reference.json", "tuning.csv", "tuning.json", "tuning.html", "best.yaml");

    private final Path directory;
    private final Path staging;
    private final Set<String> names = new LinkedHashSet<>();
    private boolean committed;

    private Publication(Path directory, Path staging) {
        this.directory = directory;
        this.staging = staging;
    }

    static Publication begin(Path directory) {
        Path staging = directory.resolve(STAGING);
        try {
            deleteTree(staging);
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw new MtlException(ErrorCategory.IO_FAILED, directory + ": cannot write the results: " + e.getMessage(), e);
        }
        return new Publication(directory, staging);
    }

    /** Where to write the result {@code name} (one of {@link #RESULTS}); it appears in the folder at {@link #commit()}. */
    public Path file(String name) {
        if (!RESULTS.contains(name) || name.equals(OutputFolder.CHECKPOINT)) {
            throw new IllegalArgumentException("not a result file: " + name);
        }
        names.add(name);
        return staging.resolve(name);
    }

    /** Moves every result written into the folder at once, and removes the results of earlier runs it does not replace. */
    public void commit() {
        List<String> lines = new ArrayList<>();
        names.forEach(name -> lines.add("move " + name));
        RESULTS.stream().filter(name -> !names.contains(name)).sorted().forEach(name -> lines.add("delete " + name));
        byte[] record = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(staging.resolve(RECORD), "the commit record", out -> out.write(record));
        committed = true;
        try {
            complete(directory, staging);
        } catch (IOException e) {
            throw new MtlException(ErrorCategory.IO_FAILED, directory + ": cannot move the results into place: "
                    + e.getMessage() + " (the next run into this folder finishes the move)", e);
        }
    }

    /** Without a commit the staged results are discarded: the folder keeps what it had. */
    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                // removed when the folder is next taken
            }
        }
    }

    /** Finishes the commit of a killed run, or discards its uncommitted results. */
    static void recover(Path directory) throws IOException {
        Path staging = directory.resolve(STAGING);
        if (!Files.isDirectory(staging)) {
            return;
        }
        if (Files.isRegularFile(staging.resolve(RECORD))) {
            complete(directory, staging);
        } else {
            deleteTree(staging);
        }
    }

    /** Carries out a commit record; done again after a kill, it picks up where the kill stopped. */
    private static void complete(Path directory, Path staging) throws IOException {
        for (String line : Files.readAllLines(staging.resolve(RECORD), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(" ", 2);
            if (parts.length != 2 || !RESULTS.contains(parts[1])) {
                throw new IOException("a commit record that mtl4j did not write: '" + line + "'");
            }
            Path from = staging.resolve(parts[1]);
            Path to = directory.resolve(parts[1]);
            if (parts[0].equals("move") && Files.exists(from)) {
                move(from, to);
            } else if (parts[0].equals("delete")) {
                Files.deleteIfExists(to);
            }
        }
        deleteTree(staging);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
