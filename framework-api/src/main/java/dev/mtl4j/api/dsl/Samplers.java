package dev.mtl4j.api.dsl;

/**
 * Builders for the built-in task samplers, used when tasks bring their own data sets:
 * {@code .training(t -> t.sampler(Samplers.temperature(2.0)))}.
 */
public final class Samplers {
    private Samplers() {
    }

    /** Every row of every data set once per epoch, batches of the data sets interleaved at random (the default). */
    public static Component proportional() {
        return Component.of("proportional");
    }

    /** Each batch's data set drawn with probability ∝ rows^(1/T): T = 1 proportional, large T uniform. */
    public static Component temperature(double temperature) {
        return Component.of("temperature").param("temperature", temperature);
    }

    /** The data sets take turns, one batch each, in task order. */
    public static Component roundRobin() {
        return Component.of("round-robin");
    }

    /** Each batch's data set drawn with equal probability, whatever its size. */
    public static Component uniform() {
        return Component.of("uniform");
    }
}
