package dev.mtl4j.runtime.model;

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
}
