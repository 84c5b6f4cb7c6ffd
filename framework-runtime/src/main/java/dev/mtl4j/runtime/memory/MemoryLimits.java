package dev.mtl4j.runtime.memory;

import java.util.Locale;
import org.bytedeco.javacpp.Pointer;

/**
 * How much memory this process may use: the JVM's heap limit ({@code -Xmx}) and what ND4J may
 * allocate off the heap, which JavaCPP caps at {@link Pointer#maxBytes()} (by default the heap limit)
 * and, for the whole process, {@link Pointer#maxPhysicalBytes()}.
 *
 * @param heapBytes the most the Java heap may grow to
 * @param offHeapBytes the most ND4J's arrays may take off the heap
 */
public record MemoryLimits(long heapBytes, long offHeapBytes) {

    /** The limits of this JVM as started. */
    public static MemoryLimits current() {
        long offHeap = Pointer.maxBytes();
        long physical = Pointer.maxPhysicalBytes();
        if (offHeap <= 0) {
            offHeap = Long.MAX_VALUE;
        }
        if (physical > 0) {
            // The physical cap counts the heap too: what is left of it after the heap is what arrays may take.
            offHeap = Math.min(offHeap, Math.max(0, physical - Runtime.getRuntime().maxMemory()));
        }
        return new MemoryLimits(Runtime.getRuntime().maxMemory(), offHeap);
    }

    /**
     * What ND4J's arrays may still take now: the off-heap cap less what JavaCPP has already allocated,
     * and no more than the process may still grow to under its physical cap.
     */
    public static long availableOffHeap() {
        long left = Pointer.maxBytes() > 0 ? Pointer.maxBytes() - Pointer.totalBytes() : Long.MAX_VALUE;
        if (Pointer.maxPhysicalBytes() > 0) {
            left = Math.min(left, Pointer.maxPhysicalBytes() - Pointer.physicalBytes());
        }
        return Math.max(0, left);
    }

    /** Bytes as a person reads them: {@code 512 MB}, {@code 3.2 GB}. */
    public static String readable(long bytes) {
        if (bytes >= 1L << 40) {
            return String.format(Locale.ROOT, "%.1f TB", bytes / (double) (1L << 40));
        } else if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        } else if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MB";
        }
        return (bytes >> 10) + " KB";
    }
}
