package dev.mtl4j.runtime.train;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where a float array's first value lies in native memory, for the fused step's direct BLAS calls and
 * bulk copies. ND4J's buffers of a view start at the view's offset, so this is the view's own first value.
 */
final class FloatAddress {
    private FloatAddress() {
    }

    /** The address of {@code x}'s first value, or null when its buffer has none (not in native memory). */
    static FloatPointer of(INDArray x) {
        Pointer address = x.data().addressPointer();
        if (address == null) {
            return null;
        }
        // ND4J's float buffers already hold a FloatPointer; anything else is wrapped, not copied
        return address instanceof FloatPointer f ? f : new FloatPointer(address);
    }
}
