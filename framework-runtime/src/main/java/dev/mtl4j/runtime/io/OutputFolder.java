package dev.mtl4j.runtime.io;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder a run writes its results into, held for the run's whole length. Taking it checks that
 * it can be written (before any training, so an unwritable folder costs nothing), locks it (a second
 * run into the same folder is refused, naming the process that holds it; the operating system
 * releases the lock when a process dies, even by {@code kill -9}), finishes or discards what a
 * killed run left (see {@link Publication}), and removes the temporary files of killed writes.
 */
public final class OutputFolder implements AutoCloseable {
    /** The checkpoint of a run in progress (training.checkpoint); removed when the run's results are committed. */
    public static final String CHECKPOINT = "checkpoint.zip";
    /** Temporary files {@link AtomicFiles} makes beside one of our files: "." + name + digits + ".tmp". */
    private static final Pattern TEMPORARY = Pattern.compile(
            "\\.(model\\.zip|metrics\\.json|baseline-metrics\\.json|checkpoint\\.zip)-?\\d+\\.tmp");

    private final Path directory;
    private final FolderLock lock;

    private OutputFolder(Path directory, FolderLock lock) {
        this.directory = directory;
        this.lock = lock;
    }

    /**
     * Creates the folder if needed and takes it for this run.
     *
     * @throws MtlException IO_FAILED when it cannot be created or written, or another run holds it
     */
    public static OutputFolder take(Path directory) {
        Path folder = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw failed(directory, "not a folder (a file of that name is in the way)");
        } catch (IOException e) {
            throw failed(directory, "cannot create the output folder: " + reason(e));
        }
        if (!Files.isDirectory(folder)) {
            throw failed(directory, "not a folder (a file of that name is in the way)");
        }
        FolderLock.Held held;
        try {
            held = FolderLock.take(folder);
        } catch (IOException e) {
            throw failed(directory, "the output folder is not writable: " + reason(e));
        }
        if (held.lock().isEmpty()) {
            throw failed(directory, "another mtl run is writing into this folder (" + held.holder()
                    + "); wait for it to finish, or choose another --out");
        }
        OutputFolder taken = new OutputFolder(folder, held.lock().get());
        try {
            Publication.recover(folder);
            taken.removeTemporaryFiles();
        } catch (IOException e) {
            taken.close();
            throw failed(directory, "cannot tidy what a killed run left (" + Publication.STAGING + ", temporary files): "
                    + reason(e));
        }
        return taken;
    }

    public Path directory() {
        return directory;
    }

    /** A file of the folder, by name. */
    public Path file(String name) {
        return directory.resolve(name);
    }

    /** Starts writing a set of results that will appear in the folder together, or not at all. */
    public Publication publish() {
        return Publication.begin(directory);
    }

    /** Temporary files of writes a killed run never finished; nobody else writes here while we hold the lock. */
    private void removeTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (TEMPORARY.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Releases the folder for the next run. */
    @Override
    public void close() {
        lock.close();
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder: " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static MtlException failed(Path directory, String problem) {
        return new MtlException(ErrorCategory.IO_FAILED, directory + ": " + problem);
    }
}
