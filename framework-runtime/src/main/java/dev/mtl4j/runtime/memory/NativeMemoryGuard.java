package dev.mtl4j.runtime.memory;

import org.bytedeco.javacpp.Pointer;

/**
 * Keeps the process's resident memory from growing without bound while a loop makes ND4J arrays
 * outside a workspace (custom layers' temporaries, detached outputs). Such an array's native memory
 * is freed only when Java collects its small handle, and a collector with a large heap lets
 * gigabytes of dead native buffers pile up before it runs: a transformer run with {@code -Xmx8g}
 * grew to 24 GB and was killed by the kernel. ND4J allocates these buffers in native code, so
 * JavaCPP's own limits ({@code maxBytes}, {@code maxPhysicalBytes}) never see them.
 *
 * <p>Loops call {@link #check()} once per step or scoring pass. At most every
 * {@link #INTERVAL_NANOS} it reads the resident size (a few microseconds) and, when the process has
 * grown by more than its slack above the lowest size seen since the last collection, asks for one. The slack is a quarter of
 * the heap limit, at least 512 MB, so a run collects once per slack of garbage, not per step.
 */
public final class NativeMemoryGuard {
    /** How often the resident size is read at most: reading it costs microseconds, a step can cost less. */
    static final long INTERVAL_NANOS = 50_000_000L;
    private static final long MIN_SLACK = 512L << 20;

    private final long slackBytes;
    private long baseline;
    private long lastRead;
    private int collections;

    NativeMemoryGuard(long slackBytes) {
        this.slackBytes = slackBytes;
        this.baseline = Pointer.physicalBytes();
        this.lastRead = System.nanoTime();
    }

    /** A guard for this process's heap limit, measuring growth from now. */
    public static NativeMemoryGuard start() {
        return new NativeMemoryGuard(Math.max(MIN_SLACK, Runtime.getRuntime().maxMemory() / 4));
    }

    /** Collects garbage if the process grew by more than the slack since the last collection. */
    public void check() {
        long now = System.nanoTime();
        if (now - lastRead < INTERVAL_NANOS) {
            return;
        }
        lastRead = now;
        long resident = Pointer.physicalBytes();
        if (resident > baseline + slackBytes) {
            System.gc();
            collections++;
            // ND4J frees the collected buffers on its own threads, and the allocator may keep freed
            // memory mapped for reuse: start from here and follow the resident size down as it falls,
            // so a process whose live data grew is not collected every step.
            baseline = resident;
        } else {
            baseline = Math.min(baseline, resident);
        }
    }

    /** How many collections this guard asked for (for tests and logs). */
    public int collections() {
        return collections;
    }
}
