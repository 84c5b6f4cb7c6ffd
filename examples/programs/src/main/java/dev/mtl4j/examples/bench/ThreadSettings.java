package dev.mtl4j.examples.bench;

import java.util.List;
import java.util.Locale;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Programmatic thread settings for ND4J's CPU back end, applied at startup (after ND4J has read
 * OMP_NUM_THREADS, or its absence, and set its own defaults), so their effect can be measured
 * against the environment variable. Names: none, env (setMaxThreads + setMaxMasterThreads on
 * Nd4j.getEnvironment()), env-max, env-master, blas (Nd4j.factory().blas().setMaxThreads, which is
 * OpenBLAS's blas_set_num_threads), openblas (the same through the JavaCPP binding directly), omp
 * (NativeOps.setOmpNumThreads: libnd4j's OpenMP pool), all; a suffix ":n" sets n instead of 1.
 */
final class ThreadSettings {
    static final List<String> NAMES = List.of("none", "env", "env-max", "env-master", "blas", "openblas", "omp", "omp+blas", "all");

    private ThreadSettings() {
    }

    static void apply(String setting) {
        String name = setting;
        int n = 1;
        int colon = setting.indexOf(':');
        if (colon > 0) {
            name = setting.substring(0, colon);
            n = Integer.parseInt(setting.substring(colon + 1));
        }
        // NativeOpsHolder needs ND4J's backend loaded first.
        dev.mtl4j.runtime.BlasKernel.apply(); // the OpenBLAS kernel is named before ND4J loads
        Nd4j.getExecutioner();
        switch (name) {
            case "none" -> { }
            case "env" -> {
                Nd4j.getEnvironment().setMaxThreads(n);
                Nd4j.getEnvironment().setMaxMasterThreads(n);
            }
            case "env-max" -> Nd4j.getEnvironment().setMaxThreads(n);
            case "env-master" -> Nd4j.getEnvironment().setMaxMasterThreads(n);
            case "blas" -> Nd4j.factory().blas().setMaxThreads(n);
            case "openblas" -> openblas_nolapack.blas_set_num_threads(n);
            case "omp" -> NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
            case "omp+blas" -> {
                NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
                Nd4j.factory().blas().setMaxThreads(n);
            }
            case "all" -> {
                Nd4j.getEnvironment().setMaxThreads(n);
                Nd4j.getEnvironment().setMaxMasterThreads(n);
                NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
                Nd4j.factory().blas().setMaxThreads(n);
            }
            default -> throw new IllegalArgumentException("unknown thread setting '" + setting + "'; one of " + NAMES);
        }
    }

    static String describe() {
        return String.format(Locale.ROOT, "OMP_NUM_THREADS=%s, env maxThreads=%d maxMasterThreads=%d, blas threads=%d, omp max threads=%d",
                System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)"), Nd4j.getEnvironment().maxThreads(),
                Nd4j.getEnvironment().maxMasterThreads(), Nd4j.factory().blas().getMaxThreads(),
                NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads());
    }
}
