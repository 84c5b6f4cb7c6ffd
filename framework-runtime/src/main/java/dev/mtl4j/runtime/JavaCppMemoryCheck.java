package dev.mtl4j.runtime;

/**
 * Turns off JavaCPP's reading of the process's resident memory on every native allocation, unless
 * the user configured it. JavaCPP, under ND4J, calls a native function that reads the process's
 * physical memory each time it allocates, to call {@code System.gc()} when it passes
 * {@code org.bytedeco.javacpp.maxPhysicalBytes}; a training step of a small network allocates many
 * small arrays, and profiles put the check at a fifth to a quarter of such a step (docs/speed.md).
 * The check never saw most of ND4J's memory anyway: ND4J allocates array buffers in native code,
 * outside JavaCPP's counts; what keeps the process's memory bounded is
 * {@link dev.mtl4j.runtime.memory.NativeMemoryGuard}, once per step or scoring pass. A {@code maxPhysicalBytes} the user
 * set (e.g. {@code -Dorg.bytedeco.javacpp.maxPhysicalBytes=8g}) is kept. Like the BLAS kernel, this
 * must happen before JavaCPP's {@code Pointer} class loads; later it changes nothing.
 */
final class JavaCppMemoryCheck {
    static final String PROPERTY = "org.bytedeco.javacpp.maxPhysicalBytes";

    private JavaCppMemoryCheck() {
    }

    /** Sets the limit to 0 (no check) when neither spelling of the property is set. */
    static void apply() {
        if (System.getProperty(PROPERTY) == null && System.getProperty(PROPERTY.toLowerCase(java.util.Locale.ROOT)) == null) {
            System.setProperty(PROPERTY, "0");
        }
    }
}
