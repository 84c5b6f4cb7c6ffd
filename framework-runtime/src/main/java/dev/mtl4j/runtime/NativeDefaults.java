package dev.mtl4j.runtime;

import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The fast path by default. ND4J runs its element-wise ops on an OpenMP pool as wide as the machine;
 * for the small ops of mtl4j's networks the hand-off costs far more than the work (a 256x256 scale
 * went from about 6 ms to 0.13 ms on 2 cores with one thread, and training ran about 2.5x faster).
 * So unless the user chose (the OMP_NUM_THREADS environment variable, or the system property
 * {@code mtl4j.threads}), mtl4j sets what OMP_NUM_THREADS=1 would: libnd4j's OpenMP pool, OpenBLAS
 * and ND4J's master threads to one each. The OpenBLAS kernel is chosen first ({@link BlasKernel}).
 */
public final class NativeDefaults {
    public static final String THREADS_PROPERTY = "mtl4j.threads";

    private NativeDefaults() {
    }

    /** Applies the defaults for this process. */
    public static void apply() {
        BlasKernel.apply(); // before anything below loads ND4J's native libraries
        Integer threads = threads(System.getenv(), System.getProperties());
        if (threads != null) {
            // All three are needed to match OMP_NUM_THREADS (measured one by one: each alone recovers
            // only part of the speed); the backend must be loaded before its native ops are reached.
            Nd4j.getExecutioner();
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
            Nd4j.factory().blas().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
        }
    }

    /** The thread count to set, or null when the user set OMP_NUM_THREADS and mtl4j leaves it alone. */
    static Integer threads(Map<String, String> environment, Properties properties) {
        String property = properties.getProperty(THREADS_PROPERTY);
        if (property != null) {
            try {
                int value = Integer.parseInt(property.trim());
                if (value >= 1) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
            throw new IllegalArgumentException("system property " + THREADS_PROPERTY + " must be a whole number >= 1, got '"
                    + property + "'");
        }
        return environment.containsKey("OMP_NUM_THREADS") ? null : 1;
    }
}
