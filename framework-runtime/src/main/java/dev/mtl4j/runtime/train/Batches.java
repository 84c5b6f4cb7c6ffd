package dev.mtl4j.runtime.train;

import org.nd4j.linalg.dataset.MultiDataSet;

/** One epoch's batches, taken in order. */
interface Batches {

    int batches();

    MultiDataSet batch(int index);
}
