package dev.mtl4j.runtime.io;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    static final String LOCK = ".mtl.lock";
    /** The checkpoint of a run in progress (training.checkpoint); removed when the run's results are committed. */
    public static final String CHECKPOINT = "checkpoint.zip";
    /** Temporary files {@link AtomicFiles} makes beside one of our files: "." + name + digits + ".tmp". */
    private static final Pattern TEMPORARY = Pattern.compile(
            "\\.(model\\.zip|metrics\\.json|baseline-metrics\\.json|checkpoint\\.zip)-?\\d+\\.tmp");

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputFolder(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
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
        FileChannel channel;
        try {
            channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw failed(directory, "the output folder is not writable: " + reason(e));
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            close(channel);
            throw failed(directory, "cannot lock the output folder: " + reason(e));
        }
        if (lock == null) {
            String holder = holder(channel);
            close(channel);
            throw failed(directory, "another mtl run is writing into this folder (" + holder
                    + "); wait for it to finish, or choose another --out");
        }
        OutputFolder taken = new OutputFolder(folder, channel, lock);
        try {
            taken.stamp();
        } catch (IOException e) {
            taken.close();
            throw failed(directory, "the output folder is not writable: " + reason(e));
        }
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

    /** This process's id and start time, for a second run to name. */
    private void stamp() throws IOException {
        byte[] text = ("pid " + ProcessHandle.current().pid() + ", since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n").getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text), 0);
        channel.force(false);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(200);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "a process that has not said its pid yet" : text;
        } catch (IOException e) {
            return "its pid could not be read";
        }
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

    /** Releases the folder (the lock file stays: removing it would let two runs lock two different files). */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the process holds no lock once the channel is gone
        }
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
