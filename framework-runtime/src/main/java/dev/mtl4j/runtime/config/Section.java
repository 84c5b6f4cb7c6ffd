package dev.mtl4j.runtime.config;

import java.util.List;

/**
 * One section of a pipeline file, documented where its keys are declared: the reader allows exactly
 * {@link #names()}, and {@code mtl describe SECTION} prints the same keys with their types, defaults
 * and docs — one declaration for both.
 *
 * @param name what {@code mtl describe} is given, e.g. {@code training}
 * @param path where it sits in a pipeline file, e.g. {@code training.optimizer}
 * @param summary one sentence on what it is for
 * @param keys its keys, in the order a user would write them
 * @param aliases other names {@code mtl describe} accepts (e.g. the optimizer types)
 */
public record Section(String name, String path, String summary, List<Key> keys, List<String> aliases) {

    public Section {
        keys = List.copyOf(keys);
        aliases = List.copyOf(aliases);
    }

    Section(String name, String path, String summary, List<Key> keys) {
        this(name, path, summary, keys, List.of());
    }

    /** The key names, as the reader allows them. */
    public List<String> names() {
        return keys.stream().map(Key::name).toList();
    }

    /**
     * One key of a section.
     *
     * @param name the YAML key
     * @param type what its value is
     * @param defaultText its default, {@code required}, or {@code none}
     * @param doc what it does
     */
    public record Key(String name, String type, String defaultText, String doc) {
    }
}
