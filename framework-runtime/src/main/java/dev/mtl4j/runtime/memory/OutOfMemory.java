package dev.mtl4j.runtime.memory;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Location;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;

/**
 * An {@link OutOfMemoryError} (the Java heap, or ND4J's off-heap arrays through JavaCPP) as a
 * RESOURCE_EXHAUSTED error a user can act on: what ran out, the limits, and how to raise them.
 */
public final class OutOfMemory {
    private OutOfMemory() {
    }

    /**
     * @param error what the JVM or JavaCPP threw
     * @param input the file the command was working on (a pipeline, a data file), or null
     */
    public static MtlException asError(OutOfMemoryError error, String input) {
        MemoryLimits limits = MemoryLimits.current();
        String message = "out of memory (" + cause(error) + "); this process may use "
                + MemoryLimits.readable(limits.heapBytes()) + " of Java heap and "
                + MemoryLimits.readable(limits.offHeapBytes()) + " off the heap for arrays; use less data or a smaller"
                + " network, or give it more memory (MTL_JAVA_OPTS=-Xmx8g for ./mtl)";
        Problem problem = input == null ? Problem.of(message) : Problem.at(Location.file(input), message);
        return new MtlException(ErrorCategory.RESOURCE_EXHAUSTED, problem, error);
    }

    /**
     * The {@link OutOfMemoryError} that {@code thrown} is or was caused by: libraries wrap it (DL4J in a
     * RuntimeException, a class initialiser in an ExceptionInInitializerError).
     */
    public static java.util.Optional<OutOfMemoryError> in(Throwable thrown) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return java.util.Optional.of(oom);
            }
        }
        return java.util.Optional.empty();
    }

    private static String cause(OutOfMemoryError error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? "Java heap" : message;
    }
}
