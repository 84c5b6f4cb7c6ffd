package dev.mtl4j.runtime.compile;

import dev.mtl4j.api.spec.OptimizerSpec;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

/** The DL4J updater for an optimizer spec. */
public final class Optimizers {
    private Optimizers() {
    }

    public static IUpdater updater(OptimizerSpec spec) {
        return switch (spec.type()) {
            case "adam" -> new Adam(spec.learningRate());
            case "sgd" -> spec.momentum() > 0 ? new Nesterovs(spec.learningRate(), spec.momentum()) : new Sgd(spec.learningRate());
            default -> throw new IllegalArgumentException("unknown optimizer " + spec.type());
        };
    }

    /** The optimizer with a learning rate that follows a schedule (e.g. 0 until some epoch). */
    public static IUpdater updater(OptimizerSpec spec, org.nd4j.linalg.schedule.ISchedule learningRate) {
        return switch (spec.type()) {
            case "adam" -> new Adam(learningRate);
            case "sgd" -> spec.momentum() > 0 ? new Nesterovs(learningRate, spec.momentum()) : new Sgd(learningRate);
            default -> throw new IllegalArgumentException("unknown optimizer " + spec.type());
        };
    }
}
