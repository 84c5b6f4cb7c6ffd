package dev.mtl4j.runtime.model;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.runtime.io.BoundedInput;
import dev.mtl4j.runtime.io.Sizes;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
            ZipEnds.check(file);
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

    /** The names of the entries, in the zip's order. */
    java.util.Set<String> names() {
        return entries.keySet();
    }

    long cap(String name) {
        return layout.cap(name);
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

    static MtlException invalid(Path file, String problem) {
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
