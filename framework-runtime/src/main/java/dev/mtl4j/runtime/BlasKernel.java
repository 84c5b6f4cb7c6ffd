package dev.mtl4j.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Loader;

/**
 * Names the OpenBLAS kernel for this CPU before ND4J's native libraries load. ND4J's bundled
 * OpenBLAS (0.3.19) does not recognise recent CPUs and then runs a generic kernel (Prescott on the
 * Xeon with AVX-512 BF16 of the development machine, where naming the kernel trained the article's
 * model 1.3-1.8x faster; docs/speed.md). OpenBLAS reads {@code OPENBLAS_CORETYPE} with getenv once,
 * when it loads, so mtl4j writes it into the C environment first ({@link NativeEnvironment}).
 *
 * <p>This is the one rule, for the {@code mtl} command (its {@code Main}), {@link MtlRuntime#create}
 * and the tests. An {@code OPENBLAS_CORETYPE} the user set is left alone; the system property
 * {@value #PROPERTY} names a kernel, or {@code none} to let OpenBLAS detect the CPU itself.
 */
public final class BlasKernel {
    public static final String PROPERTY = "mtl4j.blas.kernel";
    static final String VARIABLE = "OPENBLAS_CORETYPE";

    /** What was decided, and why: {@code kernel} is null when OpenBLAS picks its own. */
    public record Choice(String kernel, String reason) {
    }

    private BlasKernel() {
    }

    /** Chooses the kernel for this process, if OpenBLAS has not loaded yet; safe to call again. */
    public static Choice apply() {
        // the other setting that must precede ND4J's native libraries, applied from the same entry points
        JavaCppMemoryCheck.apply();
        String explicit = System.getenv(VARIABLE);
        if (explicit != null) {
            return new Choice(explicit, "set in the environment");
        }
        if (!NativeEnvironment.supported()) {
            return new Choice(null, "not Linux: OpenBLAS detects the CPU itself");
        }
        String already = NativeEnvironment.get(VARIABLE);
        if (already != null) {
            return new Choice(already, "chosen earlier in this process");
        }
        String property = System.getProperty(PROPERTY, "auto").trim();
        if (property.equals("none")) {
            return new Choice(null, "system property " + PROPERTY + "=none");
        }
        String kernel = property.equals("auto") ? forFlags(cpuFlags()) : property;
        if (kernel == null) {
            return new Choice(null, "no AVX2 on this CPU: OpenBLAS detects the CPU itself");
        }
        if (openBlasLoaded()) {
            return new Choice(null, "too late: OpenBLAS was loaded before mtl4j could name " + kernel);
        }
        NativeEnvironment.add(VARIABLE, kernel);
        return new Choice(kernel, property.equals("auto") ? "from the CPU's flags" : "system property " + PROPERTY);
    }

    /**
     * The kernel for a CPU with these flags (as /proc/cpuinfo lists them), or null to leave OpenBLAS
     * to its own detection. packaging/distribution/src/bin/mtl no longer has a copy of this rule.
     */
    static String forFlags(Set<String> flags) {
        if (flags.contains("avx512_bf16")) {
            return "Cooperlake";
        }
        if (flags.contains("avx512f")) {
            return "SkylakeX";
        }
        if (flags.contains("avx2")) {
            return "Haswell";
        }
        return null;
    }

    /** The first processor's flags, empty where /proc/cpuinfo cannot be read. */
    static Set<String> cpuFlags() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("flags")).findFirst()
                    .map(l -> Set.copyOf(Arrays.asList(l.substring(l.indexOf(':') + 1).trim().split("\\s+"))))
                    .orElse(Set.of());
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    private static boolean openBlasLoaded() {
        return Loader.getLoadedLibraries().keySet().stream().anyMatch(name -> name.contains("openblas"));
    }
}
