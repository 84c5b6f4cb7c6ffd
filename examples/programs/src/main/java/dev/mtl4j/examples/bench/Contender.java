package dev.mtl4j.examples.bench;

/**
 * One way of training the benchmark's model, timed by {@link SpeedBenchmark}. {@link #prepare()}
 * runs untimed before every timed {@link #trainOnce()}: it builds a fresh, freshly initialised
 * network so that every repetition trains from the same starting point. Both see the data that
 * {@link SpeedBenchmark} generated once and shares between all contenders.
 *
 * <p>To add a variant (a fused training step, say), implement this and add it to the list in
 * {@link SpeedBenchmark#contenders}.
 */
public interface Contender {
    /** Short name, shown in the table. */
    String name();

    /** Untimed: build a fresh network (and whatever else trainOnce needs). */
    void prepare();

    /** Timed: train the prepared network for the benchmark's epochs over all rows. */
    void trainOnce();
}
