package dev.mtl4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

final class BlasKernelTest {

    @Test
    void theNewestKernelTheCpuSupports() {
        assertThat(BlasKernel.forFlags(Set.of("sse2", "avx2", "avx512f", "avx512_bf16"))).isEqualTo("Cooperlake");
        assertThat(BlasKernel.forFlags(Set.of("sse2", "avx2", "avx512f"))).isEqualTo("SkylakeX");
        assertThat(BlasKernel.forFlags(Set.of("sse2", "avx2"))).isEqualTo("Haswell");
        assertThat(BlasKernel.forFlags(Set.of("sse2", "avx"))).isNull();
    }

    /** OpenBLAS itself says which kernel it runs (OPENBLAS_VERBOSE=2 prints "Core: NAME" as it loads). */
    @Test
    void aJavaProgramWithoutTheVariableRunsTheChosenKernel() throws Exception {
        String chosen = BlasKernel.forFlags(BlasKernel.cpuFlags());
        assumeThat(chosen).as("a CPU with AVX2 (the rule leaves older ones to OpenBLAS)").isNotNull();
        assertThat(coresReported(Map.of())).isNotEmpty().allSatisfy(core -> assertThat(core).isEqualToIgnoringCase(chosen));
    }

    @Test
    void anExplicitVariableIsKept() throws Exception {
        assumeThat(BlasKernel.cpuFlags()).contains("avx2");
        assertThat(coresReported(Map.of(BlasKernel.VARIABLE, "Haswell")))
                .isNotEmpty().allSatisfy(core -> assertThat(core).isEqualToIgnoringCase("Haswell"));
    }

    /**
     * JavaCPP's reading of the process's resident memory on every allocation is off in a plain Java
     * program (its own count against maxBytes still bounds native memory), and a limit the user set is kept.
     */
    @Test
    void javaCppsPhysicalMemoryCheckIsOffUnlessSet() throws Exception {
        assertThat(probe(Map.of())).contains("maxPhysicalBytes 0\n");
        assertThat(probe(Map.of(), "-D" + JavaCppMemoryCheck.PROPERTY + "=8g")).contains("maxPhysicalBytes 8589934592\n");
    }

    /** Starts {@link Probe} in a fresh JVM with OPENBLAS_CORETYPE removed unless given, returns OpenBLAS's "Core:" lines. */
    private static List<String> coresReported(Map<String, String> environment, String... jvmOptions)
            throws IOException, InterruptedException {
        return probe(environment, jvmOptions).lines().filter(l -> l.startsWith("Core: ")).map(l -> l.substring(6).trim()).toList();
    }

    /** Starts {@link Probe} in a fresh JVM with OPENBLAS_CORETYPE removed unless given; returns what it printed. */
    private static String probe(Map<String, String> environment, String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove(BlasKernel.VARIABLE);
        builder.environment().put("OPENBLAS_VERBOSE", "2");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("product 3.0");
        return output;
    }

    /** A plain Java program: creates the runtime, then multiplies two matrices. */
    static final class Probe {
        public static void main(String[] args) {
            MtlRuntime.create();
            System.out.println("product " + Nd4j.ones(2, 3).mmul(Nd4j.ones(3, 2)).getDouble(0, 0));
            System.out.println("maxPhysicalBytes " + org.bytedeco.javacpp.Pointer.maxPhysicalBytes());
        }
    }
}
