package dev.mtl4j.api.graph;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J array's values as a Java array, for a layer that computes on the heap: many small operations
 * whose ND4J dispatch would cost more than the arithmetic (the runtime's column embeddings, the text
 * plugin's LSTM gates).
 */
public final class HeapValues {
    private HeapValues() {
    }

    /** The array's values, row by row (c order), in double precision: always a copy. */
    public static double[] of(INDArray array) {
        INDArray copy = array.castTo(DataType.DOUBLE);
        if (copy == array || copy.ordering() != 'c' || copy.isView()) {
            copy = copy.dup('c');
        }
        return copy.data().asDouble();
    }
}
