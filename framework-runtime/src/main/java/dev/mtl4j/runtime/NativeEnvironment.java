package dev.mtl4j.runtime;

import java.nio.charset.StandardCharsets;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * This process's C environment (libc's {@code environ}), which native libraries read with
 * {@code getenv} when they load, reached through JavaCPP (already on the class path for ND4J, so
 * no JNI of mtl4j's own). Java's {@link System#getenv} is a copy taken at start-up: it neither sees
 * nor changes this one. Linux only.
 */
final class NativeEnvironment {
    private NativeEnvironment() {
    }

    /** Whether this platform's environment can be read and changed here. */
    static boolean supported() {
        return Loader.getPlatform().startsWith("linux");
    }

    /** The variable's value in the C environment, or null. */
    static String get(String name) {
        PointerPointer<BytePointer> entries = entries();
        String prefix = name + "=";
        for (long i = 0; entries.get(i) != null; i++) {
            String entry = entries.get(BytePointer.class, i).getString(StandardCharsets.UTF_8);
            if (entry.startsWith(prefix)) {
                return entry.substring(prefix.length());
            }
        }
        return null;
    }

    /**
     * Adds a variable that is not set yet. The new array and string are malloc'ed and never freed,
     * as libc's own setenv does: a thread reading the environment meanwhile still holds a valid old
     * array, and a later setenv copies this array rather than freeing it.
     */
    static void add(String name, String value) {
        if (get(name) != null) {
            throw new IllegalStateException(name + " is already set in the C environment");
        }
        PointerPointer<BytePointer> old = entries();
        long count = 0;
        while (old.get(count) != null) {
            count++;
        }
        PointerPointer<BytePointer> fresh = new PointerPointer<>(
                Pointer.malloc((count + 2) * Pointer.sizeof(PointerPointer.class)));
        byte[] text = (name + "=" + value).getBytes(StandardCharsets.UTF_8);
        BytePointer entry = new BytePointer(Pointer.malloc(text.length + 1L));
        if (fresh.isNull() || entry.isNull()) {
            throw new OutOfMemoryError("no native memory for the environment variable " + name);
        }
        entry.put(text).put(text.length, (byte) 0);
        for (long i = 0; i < count; i++) {
            fresh.put(i, old.get(i));
        }
        fresh.put(count, entry);
        fresh.put(count + 1, (Pointer) null);
        // One pointer store: a reader sees the old array or the complete new one.
        environ().put(0, fresh);
    }

    private static PointerPointer<BytePointer> environ() {
        Loader.load(org.bytedeco.javacpp.presets.javacpp.class);
        Pointer address = Loader.addressof("environ");
        if (address == null || address.isNull()) {
            throw new IllegalStateException("libc's environ is not reachable on " + Loader.getPlatform());
        }
        return new PointerPointer<>(address);
    }

    private static PointerPointer<BytePointer> entries() {
        return new PointerPointer<>(environ().get(0));
    }
}
