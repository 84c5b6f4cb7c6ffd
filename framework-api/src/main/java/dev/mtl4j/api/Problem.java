package dev.mtl4j.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong, as data: the key of the pipeline it is about ({@code tasks.parity.data.source.path}),
 * where it is (a {@link Location}), and what is wrong. A problem found after a pipeline file was read
 * carries its key but no location; whoever knows the file fills the location in
 * ({@link MtlException#locatedBy}), so no part of mtl4j ever parses a message to find a key.
 *
 * @param key the dotted key it is about, or null when it is about no key (a bad data cell)
 * @param location where it is, or null when not known (yet)
 * @param message what is wrong, one line; line breaks (from a library's message) are folded to spaces
 */
public record Problem(String key, Location location, String message) {

    public Problem {
        Objects.requireNonNull(message, "message");
        message = oneLine(message);
        if (message.isEmpty()) {
            throw new IllegalArgumentException("a problem needs a message");
        }
        key = key == null || key.isBlank() ? null : key;
    }

    /** A problem with no key and no location: the message says it all (usage, an internal limit). */
    public static Problem of(String message) {
        return new Problem(null, null, message);
    }

    /** A problem at a place with no pipeline key: a data cell, a model file's entry. */
    public static Problem at(Location location, String message) {
        return new Problem(null, Objects.requireNonNull(location, "location"), message);
    }

    /** A problem about a pipeline key, to be located in its file by whoever read it. */
    public static Problem keyed(String key, String message) {
        return new Problem(Objects.requireNonNull(key, "key"), null, message);
    }

    public Optional<String> keyIfAny() {
        return Optional.ofNullable(key);
    }

    public Optional<Location> locationIfAny() {
        return Optional.ofNullable(location);
    }

    /** The same problem at {@code where}. */
    public Problem at(Location where) {
        return new Problem(key, where, message);
    }

    /**
     * The same problem with its key relative to {@code parent}: a component's own key ({@code path})
     * becomes {@code data.source.path}; a problem without a key gets {@code parent} itself.
     */
    public Problem under(String parent) {
        return new Problem(key == null ? parent : parent + "." + key, location, message);
    }

    /** {@code LOCATION: KEY: MESSAGE}, each part present only when known. */
    public String render() {
        StringBuilder text = new StringBuilder();
        if (location != null) {
            text.append(location.render()).append(": ");
        }
        if (key != null) {
            text.append(key).append(": ");
        }
        return text.append(message).toString();
    }

    @Override
    public String toString() {
        return render();
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
