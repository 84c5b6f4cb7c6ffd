package dev.mtl4j.runtime.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a model was made: enough to tell two models apart and to reproduce one.
 *
 * @param mtl4jVersion the runtime's version
 * @param plugins each loaded plugin: class, jar, version
 * @param seed the training seed
 * @param dataFiles each data file read, with its sha256
 * @param java the Java runtime's version and vendor
 * @param os operating system name and version
 * @param arch processor architecture
 * @param createdAt when training finished (ISO-8601, UTC)
 */
public record Provenance(String mtl4jVersion, List<Map<String, String>> plugins, long seed,
                         List<Map<String, String>> dataFiles, String java, String os, String arch, String createdAt) {

    public Provenance {
        plugins = List.copyOf(plugins);
        dataFiles = List.copyOf(dataFiles);
    }

    /** As plain values for the model file. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("format", ModelFile.FORMAT_VERSION);
        map.put("mtl4jVersion", mtl4jVersion);
        map.put("plugins", plugins);
        map.put("seed", seed);
        map.put("dataFiles", dataFiles);
        map.put("java", java);
        map.put("os", os);
        map.put("arch", arch);
        map.put("createdAt", createdAt);
        return map;
    }

    @SuppressWarnings("unchecked")
    static Provenance fromMap(Map<String, Object> map) {
        return new Provenance(String.valueOf(map.get("mtl4jVersion")),
                (List<Map<String, String>>) map.getOrDefault("plugins", List.of()),
                ((Number) map.getOrDefault("seed", 0)).longValue(),
                (List<Map<String, String>>) map.getOrDefault("dataFiles", List.of()),
                String.valueOf(map.get("java")), String.valueOf(map.get("os")), String.valueOf(map.get("arch")),
                String.valueOf(map.get("createdAt")));
    }
}
