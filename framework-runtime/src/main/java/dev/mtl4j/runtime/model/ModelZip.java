package dev.mtl4j.runtime.model;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.runtime.io.BoundedInput;
import dev.mtl4j.runtime.io.Sizes;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A model zip opened for reading, checked before any entry is used: nothing before the first entry
 * or after the zip's end record, no entry outside the model format, no name twice, no entry that
 * declares more bytes than its cap. Entries are read through {@link BoundedInput}, so no entry is
 * read past its cap whatever it inflates to. Every failure is a MODEL_INVALID error naming the file and the entry.
 */
final class ModelZip implements Closeable {
    /** An end-of-central-directory record is 22 bytes and may carry a comment of up to 65,535. */
    private static final int END_RECORD = 22;
    private static final int MAX_COMMENT = 0xffff;

    private final Path file;
    private final ZipLayout layout;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;

    private ModelZip(Path file, ZipLayout layout, ZipFile zip, Map<String, ZipEntry> entries) {
        this.file = file;
        this.layout = layout;
        this.zip = zip;
        this.entries = entries;
    }

    static ModelZip open(Path file, ZipLayout layout) {
        if (!Files.isRegularFile(file)) {
            throw new MtlException(ErrorCategory.MODEL_INVALID, file + ": " + layout.what() + " file not found");
        }
        try {
            checkEnds(file);
            ZipFile zip = new ZipFile(file.toFile());
            try {
                return new ModelZip(file, layout, zip, entries(file, layout, zip));
            } catch (RuntimeException e) {
                zip.close();
                throw e;
            }
        } catch (ZipException e) {
            throw new MtlException(ErrorCategory.MODEL_INVALID, file + ": not a " + layout.what() + " file (not a zip: "
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new MtlException(ErrorCategory.MODEL_INVALID, file + ": cannot read the " + layout.what() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Java's zip reader tolerates bytes before the first entry and after the end record; a model file has none. */
    private static void checkEnds(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate(4);
            channel.read(head);
            if (size < END_RECORD || head.getInt(0) != 0x504b0304) {
                throw new ZipException("it does not start with a zip entry");
            }
            int tail = (int) Math.min(size, END_RECORD + MAX_COMMENT);
            ByteBuffer end = ByteBuffer.allocate(tail).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            channel.position(size - tail);
            while (end.hasRemaining() && channel.read(end) > 0) {
                // read the whole tail
            }
            for (int at = tail - END_RECORD; at >= 0; at--) {
                if (end.getInt(at) == 0x06054b50) {
                    int comment = end.getShort(at + 20) & 0xffff;
                    long junk = tail - (at + END_RECORD + comment);
                    if (junk != 0) {
                        throw invalid(file, junk > 0 ? junk + " bytes of trailing junk after the end of the zip"
                                : "the zip's end record is cut");
                    }
                    return;
                }
            }
            throw new ZipException("no end of central directory record");
        }
    }

    private static Map<String, ZipEntry> entries(Path file, ZipLayout layout, ZipFile zip) {
        Map<String, ZipEntry> entries = new LinkedHashMap<>();
        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
            String name = entry.getName();
            if (!layout.allowed().contains(name)) {
                throw invalid(file, "entry '" + name + "' is not part of an mtl4j " + layout.what() + (name.endsWith(".bin")
                        || name.startsWith("objects/") ? " (DL4J would read it with Java deserialization); refusing to load"
                        : "; refusing to load"));
            }
            if (entries.put(name, entry) != null) {
                throw invalid(file, "entry '" + name + "' appears twice; refusing to load (which one is meant?)");
            }
            long cap = layout.cap(name);
            if (entry.getSize() > cap) {
                throw invalid(file, "entry '" + name + "' declares " + Sizes.text(entry.getSize())
                        + ", more than the limit of " + Sizes.text(cap) + "; refusing to load");
            }
        }
        for (String required : layout.required()) {
            if (!entries.containsKey(required)) {
                throw invalid(file, "entry '" + required + "' is missing; not an mtl4j " + layout.what());
            }
        }
        return entries;
    }

    Path file() {
        return file;
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }

    /**
     * Checks every entry against the manifest, which must list every entry: each is read to its end
     * (within its cap) and its size and SHA-256 compared. Done first, so a damaged file is reported
     * as damaged rather than by whichever check behind the manifest trips over the damage.
     */
    void verify(Manifest manifest) {
        for (String name : entries.keySet()) {
            if (!name.equals(ModelEntries.MANIFEST) && !manifest.entries().containsKey(name)) {
                throw entryInvalid(name, "not listed in the manifest (" + ModelEntries.MANIFEST + ")");
            }
        }
        for (Map.Entry<String, Manifest.Entry> listed : manifest.entries().entrySet()) {
            String name = listed.getKey();
            Manifest.Entry expected = listed.getValue();
            if (!entries.containsKey(name)) {
                throw entryInvalid(name, "listed in the manifest but missing from the file");
            }
            try (BoundedInput in = open(name, Math.min(layout.cap(name), expected.size() + 1))) {
                in.drain();
                if (in.count() != expected.size()) {
                    throw entryInvalid(name, "is " + in.count() + " bytes, the manifest says " + expected.size()
                            + " (cut or damaged)");
                }
                if (!in.sha256().equals(expected.sha256())) {
                    throw entryInvalid(name, "its SHA-256 does not match the manifest (the file is damaged)");
                }
            } catch (BoundedInput.TooLarge e) {
                throw entryInvalid(name, expected.size() >= layout.cap(name) ? e.getMessage()
                        : "longer than the " + expected.size() + " bytes the manifest says (extended or damaged)");
            } catch (IOException e) {
                throw entryInvalid(name, e.getMessage(), e);
            }
        }
    }

    /** A text entry, whole (it is capped), as strict UTF-8. */
    String text(String name) {
        try (BoundedInput in = open(name, layout.cap(name))) {
            byte[] bytes = in.readToEnd();
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw entryInvalid(name, "not UTF-8 text");
        } catch (IOException e) {
            throw entryInvalid(name, e.getMessage(), e);
        }
    }

    /** The entry through a stream that stops after {@code limit} bytes; the caller closes it. */
    BoundedInput open(String name, long limit) throws IOException {
        ZipEntry entry = entries.get(name);
        if (entry == null) {
            throw entryInvalid(name, "missing");
        }
        InputStream in = zip.getInputStream(entry);
        return new BoundedInput(in, limit);
    }

    MtlException entryInvalid(String name, String problem) {
        return entryInvalid(name, problem, null);
    }

    MtlException entryInvalid(String name, String problem, Throwable cause) {
        return new MtlException(ErrorCategory.MODEL_INVALID, file + ": entry '" + name + "': " + problem, cause);
    }

    private static MtlException invalid(Path file, String problem) {
        return new MtlException(ErrorCategory.MODEL_INVALID, file + ": " + problem);
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // nothing was written; a failed close of a read-only zip loses nothing
        }
    }
}
