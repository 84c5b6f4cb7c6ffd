package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.BatchLosses;
import dev.mtl4j.api.spi.LossWeighting;
import dev.mtl4j.api.spi.WeightingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Fast adaptive multitask optimization (Liu et al. 2023). Task logits ξ, z = softmax(ξ); each step
 * descends {@code Σ z_i log L_i} scaled by {@code c = 1/Σ(z_i/L_i)}, i.e. λ_i = z_i / (c·L_i) from the
 * batch's own losses, so every task's loss falls at a rate its z sets. Then ξ moves so that tasks
 * whose log loss fell more get less weight: its gradient is {@code J_softmax(ξ)ᵀ δ} with
 * δ_i = log L_i(θ_t) − log L_i(θ_{t+1}), taken by Adam with weight decay γ.
 *
 * <p>L_i(θ_{t+1}) is measured on the next step's batch (the authors' code measures it on the same
 * batch with an extra forward pass); the update of ξ therefore lags one step and carries batch noise,
 * in exchange for no extra pass.
 */
final class FamoWeighting implements LossWeighting {
    private static final double EPSILON = 1e-8;
    private final FamoConfig config;
    private double[] logits;
    private double[] previous;
    private Adam adam;

    FamoWeighting(FamoConfig config) {
        this.config = config;
    }

    @Override
    public void start(WeightingContext context) {
        logits = new double[context.size()];
        adam = new Adam(context.size(), config.lr());
    }

    @Override
    public boolean needsBatchLosses() {
        return true;
    }

    @Override
    public double[] weights(BatchLosses batch) {
        double[] losses = batch.losses();
        if (previous != null) {
            updateLogits(previous, losses);
        }
        previous = losses.clone();
        double[] z = Softmax.of(logits);
        double c = 0;
        for (int i = 0; i < z.length; i++) {
            c += z[i] / (losses[i] + EPSILON);
        }
        double[] lambda = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            lambda[i] = z[i] / ((losses[i] + EPSILON) * c);
        }
        return lambda;
    }

    private void updateLogits(double[] before, double[] after) {
        double[] z = Softmax.of(logits);
        double[] delta = new double[z.length];
        double mean = 0;
        for (int i = 0; i < z.length; i++) {
            delta[i] = Math.log(before[i] + EPSILON) - Math.log(after[i] + EPSILON);
            mean += z[i] * delta[i];
        }
        double[] gradient = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            // the softmax Jacobian (diag(z) − z zᵀ) applied to δ, plus the weight decay term γ·ξ
            gradient[i] = z[i] * (delta[i] - mean) + config.decay() * logits[i];
        }
        adam.step(logits, gradient, null);
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> state = new HashMap<>();
        state.put("logits", States.list(logits));
        state.put("adam", adam.state());
        if (previous != null) {
            state.put("previous", States.list(previous));
        }
        return state;
    }

    @Override
    public void restore(Map<String, Object> state) {
        States.fill(logits, state.get("logits"), "logits");
        adam.restore(States.map(state, "adam"));
        previous = state.containsKey("previous") ? States.doubles(state.get("previous"), logits.length, "previous") : null;
    }
}
