package dev.mtl4j.api.spi;

/**
 * How one depth of the source encoder trains in a transfer: its learning rate, and the epoch from
 * which it trains at all. Before that epoch its parameters do not change (bit for bit).
 *
 * @param learningRate the learning rate once trainable, ≥ 0
 * @param trainableFromEpoch the first epoch (1-based) in which it trains; {@link #NEVER} for a frozen layer
 */
public record LayerSchedule(double learningRate, int trainableFromEpoch) {

    /** A layer that never trains. */
    public static final int NEVER = Integer.MAX_VALUE;

    public LayerSchedule {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number >= 0, got " + learningRate);
        }
        if (trainableFromEpoch < 1) {
            throw new IllegalArgumentException("trainableFromEpoch is 1-based, got " + trainableFromEpoch);
        }
    }

    public static LayerSchedule frozen() {
        return new LayerSchedule(0, NEVER);
    }

    public static LayerSchedule trainable(double learningRate) {
        return new LayerSchedule(learningRate, 1);
    }

    public boolean isFrozen() {
        return trainableFromEpoch == NEVER || learningRate == 0;
    }
}
