package dev.mtl4j.runtime.train;

import dev.mtl4j.api.graph.SharedLayout;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The L2 penalty of soft parameter sharing: {@code c · Σ_{pairs} ‖θ_a − θ_b‖²} over corresponding
 * parameters of tied towers. DL4J calls {@link #onGradientCalculation} after the backward pass and
 * before the updater, so the penalty's gradient ({@code ±2c(θ_a − θ_b)}) is added to the gradient
 * the updater then applies: the penalty shapes training, not just the reported loss.
 */
public final class ParameterTies extends BaseTrainingListener {
    private final List<SharedLayout.Tie> ties;
    private List<TiedLayers> pairs;
    private double lastPenalty;

    public ParameterTies(List<SharedLayout.Tie> ties) {
        this.ties = List.copyOf(ties);
    }

    /** The tie listener attached to a graph, or null when its layout ties nothing. */
    static ParameterTies of(ComputationGraph graph) {
        return graph.getListeners() == null ? null : graph.getListeners().stream()
                .filter(ParameterTies.class::isInstance).map(ParameterTies.class::cast).findFirst().orElse(null);
    }

    @Override
    public void onGradientCalculation(Model model) {
        lastPenalty = applyTo((ComputationGraph) model, 1.0);
    }

    /** The penalty at the parameters of the last step, before the update; part of that step's loss. */
    public double lastPenalty() {
        return lastPenalty;
    }

    /** The penalty at the graph's current parameters. */
    public double penalty(ComputationGraph graph) {
        double total = 0;
        for (TiedLayers pair : pairs(graph)) {
            total += pair.coefficient * pair.a.params().squaredDistance(pair.b.params());
        }
        return total;
    }

    /**
     * Adds the penalty's gradient, times {@code gradientScale}, to the graph's gradients; returns the
     * penalty. DL4J's updater divides the whole gradient by the batch size after the listeners ran, so
     * a step that divides its gradients itself (the fused step) passes 1/rows to keep the same update.
     */
    double applyTo(ComputationGraph graph, double gradientScale) {
        double total = 0;
        for (TiedLayers pair : pairs(graph)) {
            INDArray difference = pair.a.params().sub(pair.b.params());
            total += pair.coefficient * Math.pow(difference.norm2Number().doubleValue(), 2);
            difference.muli(2 * pair.coefficient * gradientScale);
            pair.a.getGradientsViewArray().addi(difference);
            pair.b.getGradientsViewArray().subi(difference);
        }
        return total;
    }

    private List<TiedLayers> pairs(ComputationGraph graph) {
        if (pairs == null) {
            if (graph.getFlattenedGradients() == null) {
                graph.initGradientsView();
            }
            pairs = resolve(graph);
        }
        return pairs;
    }

    private List<TiedLayers> resolve(ComputationGraph graph) {
        List<TiedLayers> resolved = new ArrayList<>();
        for (SharedLayout.Tie tie : ties) {
            String first = tie.scopes().get(0) + "/";
            for (Layer layer : graph.getLayers()) {
                String name = layer.conf().getLayer().getLayerName();
                if (!name.startsWith(first) || layer.numParams() == 0) {
                    continue;
                }
                String below = name.substring(first.length());
                List<Layer> corresponding = new ArrayList<>();
                for (String scope : tie.scopes()) {
                    Layer other = graph.getLayer(scope + "/" + below);
                    if (other == null || other.numParams() != layer.numParams()) {
                        throw new IllegalStateException("tied towers differ: '" + name + "' has no counterpart of the same size in '"
                                + scope + "'");
                    }
                    corresponding.add(other);
                }
                for (int i = 0; i < corresponding.size(); i++) {
                    for (int j = i + 1; j < corresponding.size(); j++) {
                        resolved.add(new TiedLayers(corresponding.get(i), corresponding.get(j), tie.coefficient()));
                    }
                }
            }
        }
        return List.copyOf(resolved);
    }

    private record TiedLayers(Layer a, Layer b, double coefficient) {
    }
}
