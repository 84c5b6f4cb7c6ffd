package dev.mtl4j.runtime.train;

import org.nd4j.linalg.dataset.MultiDataSet;

/** One optimisation step on one mini-batch: forward, backward, update. Returns the batch's joint loss. */
interface TrainingStep {

    double fit(MultiDataSet batch);

    /** A name for logs and benchmarks. */
    String name();
}
