package dev.mtl4j.runtime.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NativeMemoryGuardTest {
    private static final long MB = 1L << 20;

    @Test
    void garbageArraysMadeOutsideAWorkspaceDoNotPileUp() throws InterruptedException {
        NativeMemoryGuard guard = new NativeMemoryGuard(128 * MB);
        long start = Pointer.physicalBytes();
        long highest = start;
        // 3 GB of 8 MB arrays that are garbage as soon as they are made; ND4J frees their native
        // memory only when Java collects the handles, which a large, quiet heap would not do.
        for (int i = 0; i < 384; i++) {
            INDArray garbage = Nd4j.ones(DataType.FLOAT, 2 * MB);
            assertThat(garbage.getFloat(0)).isEqualTo(1f);
            guard.check();
            highest = Math.max(highest, Pointer.physicalBytes());
            if (i % 8 == 0) {
                // the guard reads the resident size at most every INTERVAL_NANOS
                Thread.sleep(NativeMemoryGuard.INTERVAL_NANOS / 1_000_000);
            }
        }
        assertThat(guard.collections()).isPositive();
        // one slack and what is allocated between two reads, far from the 3 GB made
        assertThat(highest - start).isLessThan(1024 * MB);
    }

    @Test
    void aQuietLoopIsNeverCollected() {
        NativeMemoryGuard guard = NativeMemoryGuard.start();
        for (int i = 0; i < 1000; i++) {
            guard.check();
        }
        assertThat(guard.collections()).isZero();
    }
}
