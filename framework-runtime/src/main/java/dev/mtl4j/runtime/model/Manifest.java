package dev.mtl4j.runtime.model;

import dev.mtl4j.runtime.io.BoundedInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The size and SHA-256 of every other entry of a model file, written as {@code mtl4j/manifest.yaml}
 * (format 2 on). It detects a damaged file — a cut, a flipped byte, an entry added or swapped — not
 * a forged one: whoever rewrites an entry can rewrite the manifest too.
 *
 * @param entries entry name to its size and checksum, in the order written
 */
record Manifest(Map<String, Entry> entries) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * One entry's fingerprint.
     *
     * @param size its length in bytes
     * @param sha256 its SHA-256, lower-case hex
     */
    record Entry(long size, String sha256) {
    }

    Manifest {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    Map<String, Object> toMap() {
        List<Map<String, Object>> list = new ArrayList<>();
        entries.forEach((name, entry) -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", name);
            map.put("size", entry.size());
            map.put("sha256", entry.sha256());
            list.add(map);
        });
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("format", ModelFile.FORMAT_VERSION);
        map.put("entries", list);
        return map;
    }

    /** @throws IllegalArgumentException naming what is malformed */
    static Manifest fromMap(Map<String, Object> map) {
        if (!(map.get("entries") instanceof List<?> list)) {
            throw new IllegalArgumentException("'entries' is not a list");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> entry) || !(entry.get("name") instanceof String name)
                    || !(entry.get("size") instanceof Number size) || !(entry.get("sha256") instanceof String sha256)
                    || !SHA256.matcher(sha256).matches() || size.longValue() < 0) {
                throw new IllegalArgumentException("an entry is not {name, size, sha256 (64 hex digits)}: " + item);
            }
            if (entries.put(name, new Entry(size.longValue(), sha256)) != null) {
                throw new IllegalArgumentException("entry '" + name + "' is listed twice");
            }
        }
        return new Manifest(entries);
    }

    /**
     * Checks every entry of {@code zip} against this manifest, which must list every entry: each is read to its end
     * (within its cap) and its size and SHA-256 compared. Done first, so a damaged file is reported
     * as damaged rather than by whichever check behind the manifest trips over the damage.
     */
    void verify(ModelZip zip) {
        for (String name : zip.names()) {
            if (!name.equals(ModelEntries.MANIFEST) && !entries.containsKey(name)) {
                throw zip.entryInvalid(name, "not listed in the manifest (" + ModelEntries.MANIFEST + ")");
            }
        }
        for (Map.Entry<String, Entry> listed : entries.entrySet()) {
            String name = listed.getKey();
            Entry expected = listed.getValue();
            if (!zip.has(name)) {
                throw zip.entryInvalid(name, "listed in the manifest but missing from the file");
            }
            try (BoundedInput in = zip.open(name, Math.min(zip.cap(name), expected.size() + 1))) {
                in.drain();
                if (in.count() != expected.size()) {
                    throw zip.entryInvalid(name, "is " + in.count() + " bytes, the manifest says " + expected.size()
                            + " (cut or damaged)");
                }
                if (!in.sha256().equals(expected.sha256())) {
                    throw zip.entryInvalid(name, "its SHA-256 does not match the manifest (the file is damaged)");
                }
            } catch (BoundedInput.TooLarge e) {
                throw zip.entryInvalid(name, expected.size() >= zip.cap(name) ? e.getMessage()
                        : "longer than the " + expected.size() + " bytes the manifest says (extended or damaged)");
            } catch (IOException e) {
                throw zip.entryInvalid(name, e.getMessage(), e);
            }
        }
    }
}
