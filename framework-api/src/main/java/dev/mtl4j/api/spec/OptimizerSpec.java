package dev.mtl4j.api.spec;

import java.util.Set;

/**
 * The optimizer: {@code adam} or {@code sgd} (with momentum; Nesterov).
 *
 * @param type adam or sgd
 * @param learningRate the step size, > 0
 * @param momentum the momentum of sgd in [0, 1); 0 for adam, which has none
 * @param weightDecay decoupled weight decay coefficient ≥ 0 (applied to weights, not biases)
 */
public record OptimizerSpec(String type, double learningRate, double momentum, double weightDecay) {

    public static final Set<String> TYPES = Set.of("adam", "sgd");

    public OptimizerSpec {
        SpecException.require(TYPES.contains(type), "type", "must be adam or sgd, got '" + type + "'");
        SpecException.require(learningRate > 0 && Double.isFinite(learningRate), "lr", "must be > 0, got " + learningRate);
        SpecException.require(momentum >= 0 && momentum < 1, "momentum", "must be in [0, 1), got " + momentum);
        // Adam keeps its own running mean of the gradient (beta1): a momentum given to it would be ignored.
        SpecException.require(momentum == 0 || !type.equals("adam"), "momentum", "adam has no momentum (its beta1 plays"
                + " that part); remove it, or use type: sgd for momentum " + momentum);
        SpecException.require(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay", "must be >= 0, got " + weightDecay);
    }

    public static OptimizerSpec adam(double learningRate) {
        return new OptimizerSpec("adam", learningRate, 0, 0);
    }

    public static OptimizerSpec sgd(double learningRate, double momentum) {
        return new OptimizerSpec("sgd", learningRate, momentum, 0);
    }

    public OptimizerSpec withWeightDecay(double decay) {
        return new OptimizerSpec(type, learningRate, momentum, decay);
    }
}
