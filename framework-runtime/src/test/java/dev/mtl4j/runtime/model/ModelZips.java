package dev.mtl4j.runtime.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Damaged copies of a good model file, made the ways files really get damaged (and a few ways attackers try). */
public final class ModelZips {
    private ModelZips() {
    }

    /** Every entry of a zip, in order. */
    public static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                entries.put(entry.getName(), file.getInputStream(entry).readAllBytes());
            }
        }
        return entries;
    }

    /**
     * A copy of {@code good} with its entries changed by {@code change}; with {@code fixManifest} the
     * manifest is rewritten to match, as if the damage had happened before the file was written.
     */
    public static Path rewrite(Path good, Path target, boolean fixManifest, Consumer<Map<String, byte[]>> change)
            throws IOException {
        Map<String, byte[]> entries = entries(good);
        change.accept(entries);
        if (fixManifest && entries.containsKey(ModelEntries.MANIFEST)) {
            Map<String, Manifest.Entry> fixed = new LinkedHashMap<>();
            entries.forEach((name, bytes) -> {
                if (!name.equals(ModelEntries.MANIFEST)) {
                    fixed.put(name, new Manifest.Entry(bytes.length, ManifestedZip.sha256(bytes)));
                }
            });
            entries.put(ModelEntries.MANIFEST, PlainYaml.dump(new Manifest(fixed).toMap()).getBytes(StandardCharsets.UTF_8));
        }
        write(target, entries);
        return target;
    }

    public static void write(Path target, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
    }

    /** The bytes with their last {@code count} cut off. */
    public static byte[] cut(byte[] bytes, int count) {
        return java.util.Arrays.copyOf(bytes, bytes.length - count);
    }

    /** The bytes followed by {@code junk}. */
    public static byte[] extended(byte[] bytes, byte[] junk) {
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + junk.length);
        System.arraycopy(junk, 0, longer, bytes.length, junk.length);
        return longer;
    }

    /** An ND4J float array (coefficients.bin) with its value {@code index} set to NaN. */
    public static byte[] withNaN(byte[] coefficients, int index) {
        byte[] copy = coefficients.clone();
        int dataStart = copy.length - floatCount(copy) * 4;
        ByteBuffer.wrap(copy).order(ByteOrder.BIG_ENDIAN).putFloat(dataStart + 4 * index, Float.NaN);
        return copy;
    }

    /** The number of float values at the end of an ND4J array entry (its data buffer's length). */
    private static int floatCount(byte[] array) {
        // The data header ends with "FLOAT"; the 8 bytes before its 2-byte length prefix are the count.
        byte[] marker = "FLOAT".getBytes(StandardCharsets.US_ASCII);
        for (int at = array.length - marker.length; at >= 10; at--) {
            if (java.util.Arrays.equals(array, at, at + marker.length, marker, 0, marker.length)) {
                return (int) ByteBuffer.wrap(array, at - 10, 8).getLong();
            }
        }
        throw new IllegalArgumentException("not an ND4J float array");
    }

    /**
     * A zip holding the entries of {@code good} and a second copy of one of them under the same
     * name. Java's zip writer refuses that, so the copy is written under a name of the same length
     * and renamed in the bytes (local header and central directory alike).
     */
    public static Path withDuplicate(Path good, Path target, String name, byte[] secondContent) throws IOException {
        String stand = name.substring(0, name.length() - 1) + "~";
        Map<String, byte[]> entries = entries(good);
        entries.put(stand, secondContent);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        byte[] bytes = buffer.toByteArray();
        byte[] from = stand.getBytes(StandardCharsets.UTF_8);
        byte[] to = name.getBytes(StandardCharsets.UTF_8);
        for (int at : occurrences(bytes, from)) {
            System.arraycopy(to, 0, bytes, at, to.length);
        }
        Files.write(target, bytes);
        return target;
    }

    /**
     * A zip whose entry {@code name} inflates to {@code size} zero bytes while the zip's directory
     * declares it as {@code declared} bytes (a zip bomb that lies about its size).
     */
    public static Path withBomb(Path good, Path target, String name, long size, long declared) throws IOException {
        Map<String, byte[]> entries = entries(good);
        entries.remove(name);
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, size - written));
            }
            zip.closeEntry();
        }
        if (declared != size) {
            declareSize(target, name, declared);
        }
        return target;
    }

    /** Overwrites the uncompressed size the central directory records for an entry. */
    private static void declareSize(Path zip, String name, long declared) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 46 < bytes.length; at++) {
            if (buffer.getInt(at) == 0x02014b50 && buffer.getShort(at + 28) == wanted.length
                    && java.util.Arrays.equals(bytes, at + 46, at + 46 + wanted.length, wanted, 0, wanted.length)) {
                buffer.putInt(at + 24, (int) declared);
            }
        }
        Files.write(zip, bytes);
    }

    private static List<Integer> occurrences(byte[] bytes, byte[] pattern) {
        List<Integer> found = new ArrayList<>();
        for (int at = 0; at + pattern.length <= bytes.length; at++) {
            if (java.util.Arrays.equals(bytes, at, at + pattern.length, pattern, 0, pattern.length)) {
                found.add(at);
            }
        }
        return found;
    }
}
