package dev.mtl4j.plugins.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * Sentence embeddings on disk, keyed by the SHA-256 of model id + text, so a text is embedded once
 * per machine, whatever run, epoch or pipeline asks for it again. One append-only file per model:
 * fixed-size records (32-byte key, then the vector as little-endian floats), appended under a file
 * lock so concurrent runs do not interleave; a torn last record (a run killed mid-write) is ignored.
 */
final class EmbeddingCache {
    private static final int KEY = 32;

    private final Path file;
    private final String modelId;
    private final int dimension;
    private Map<ByteBuffer, float[]> entries;

    EmbeddingCache(Path directory, String modelId, int dimension) {
        this.file = directory.resolve(modelId.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + dimension + ".f32");
        this.modelId = modelId;
        this.dimension = dimension;
    }

    Path file() {
        return file;
    }

    ByteBuffer key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(modelId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return ByteBuffer.wrap(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The cached vector, or null. */
    synchronized float[] get(ByteBuffer key) {
        return entries().get(key);
    }

    /** Appends new vectors to the file and keeps them in memory. */
    synchronized void putAll(Map<ByteBuffer, float[]> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        int record = KEY + 4 * dimension;
        ByteBuffer buffer = ByteBuffer.allocate(record * vectors.size()).order(ByteOrder.LITTLE_ENDIAN);
        vectors.forEach((key, vector) -> {
            buffer.put(key.duplicate().rewind());
            for (float value : vector) {
                buffer.putFloat(value);
            }
        });
        buffer.flip();
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
                // a torn record left by a killed run would misalign everything after it: cut it first
                long size = channel.size();
                if (size % record != 0) {
                    channel.truncate(size - size % record);
                }
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedding cache " + file + ": " + e.getMessage(), e);
        }
        entries().putAll(vectors);
    }

    private Map<ByteBuffer, float[]> entries() {
        if (entries == null) {
            entries = read();
        }
        return entries;
    }

    private Map<ByteBuffer, float[]> read() {
        Map<ByteBuffer, float[]> read = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return read;
        }
        try {
            ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            int record = KEY + 4 * dimension;
            while (data.remaining() >= record) {
                byte[] key = new byte[KEY];
                data.get(key);
                float[] vector = new float[dimension];
                for (int i = 0; i < dimension; i++) {
                    vector[i] = data.getFloat();
                }
                read.put(ByteBuffer.wrap(key), vector);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding cache " + file + ": " + e.getMessage(), e);
        }
        return read;
    }
}
