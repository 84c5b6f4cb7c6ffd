package dev.mtl4j.api.spi;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A meta-learning strategy: it learns a starting point from which a few gradient steps on a new
 * task's k rows fit that task. The runtime runs the episodes: for each task of a meta-batch it
 * copies the start θ, takes {@link MetaSettings#innerSteps()} plain gradient-descent steps on the
 * task's support rows (reaching φ), and asks the strategy for that task's share of the outer step;
 * the mean over the meta-batch is descended by the pipeline's optimizer (its learning rate is the
 * outer learning rate).
 */
public interface MetaLearner {

    MetaSettings settings();

    /** Whether {@link #outerGradient} needs the query rows' loss gradient at φ (the runtime computes it only then). */
    boolean needsQueryGradient();

    /**
     * One task's share of the outer step, as a gradient to descend (a new array; the arguments are
     * not to be changed).
     *
     * @param start θ, the flat parameters before adapting
     * @param adapted φ, after the inner steps
     * @param queryGradient the gradient of the query rows' mean loss at φ, or null when not asked for
     */
    INDArray outerGradient(INDArray start, INDArray adapted, INDArray queryGradient);
}
