package dev.mtl4j.runtime.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The operating system's lock on a folder's {@code .mtl.lock} file, stamped with the holder's pid and
 * start time for a second run to name. The system releases it when the process dies, even by
 * {@code kill -9}, so a killed run never leaves its folder locked. The file itself stays: removing it
 * would let two runs lock two different files of one name.
 */
final class FolderLock implements AutoCloseable {
    static final String FILE = ".mtl.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The lock, or empty with the holder's stamp when another run (in this process or another) holds it.
     *
     * @throws IOException when the lock file cannot be created or written (the folder is not writable)
     */
    static Held take(Path folder) throws IOException {
        FileChannel channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            return new Held(Optional.empty(), holder);
        }
        FolderLock taken = new FolderLock(channel, lock);
        try {
            taken.stamp();
        } catch (IOException e) {
            taken.close();
            throw e;
        }
        return new Held(Optional.of(taken), "");
    }

    /**
     * What {@link #take} found.
     *
     * @param lock the lock when this run has it
     * @param holder otherwise, the holder's stamp ("pid 4242, since ...")
     */
    record Held(Optional<FolderLock> lock, String holder) {
    }

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

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        try {
            channel.close();
        } catch (IOException e) {
            // the process holds no lock once the channel is gone
        }
    }
}
