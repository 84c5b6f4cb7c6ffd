package dev.mtl4j.api.spi;

import java.util.List;

/**
 * How a trained encoder serves new tasks: which of its depths train, from when, and how fast. The
 * runtime copies the source's parameters into the new network, applies the schedule to every layer
 * of each depth, and trains new heads at the pipeline's own learning rate.
 */
public interface TransferStrategy {

    /**
     * @param layers the source encoder's layers, bottom first: the vertex name of each depth of its
     *     layer stack (e.g. {@code shared/encoder/dense_0})
     * @param learningRate the pipeline's learning rate, the default for the encoder too
     * @param epochs the planned epochs
     * @return one schedule per layer, bottom first
     * @throws dev.mtl4j.api.spec.SpecException naming the parameter that does not fit the encoder
     */
    List<LayerSchedule> schedule(List<String> layers, double learningRate, int epochs);

    /**
     * Whether the encoder never trains under this strategy. Then its output is computed once per
     * data set and every epoch trains the heads alone.
     */
    default boolean precomputesFeatures() {
        return false;
    }

    /**
     * The device a domain-adaptation strategy trains with, on labelled source rows and unlabelled
     * target rows together; null for every other strategy. Such a strategy also serves an ordinary
     * pipeline (training from scratch), where {@link #schedule} is not asked.
     */
    default DomainAlignment domainAlignment() {
        return null;
    }

    /**
     * How a meta-learning strategy forms episodes and adapts; null for every other strategy. In an
     * ordinary pipeline it meta-trains over the tasks of the data's task column; in a transfer
     * pipeline it adapts the source model to the new task's rows by the same inner loop.
     */
    default MetaLearner metaLearner() {
        return null;
    }
}
