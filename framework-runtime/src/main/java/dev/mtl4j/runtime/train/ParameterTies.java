package dev.mtl4j.runtime.train;

import dev.mtl4j.api.graph.SharedLayout;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
            // d = θ_a − θ_b in a buffer of the pair's own, then level-1 BLAS: no allocation, no ND4J op a step
            Blas.axpy(1.0, pair.a.params(), pair.difference, false);
            Blas.axpy(-1.0, pair.b.params(), pair.difference, true);
            total += pair.coefficient * Blas.dot(pair.difference, pair.difference);
            double factor = 2 * pair.coefficient * gradientScale;
            Blas.axpy(factor, pair.difference, pair.a.getGradientsViewArray(), true);
            Blas.axpy(-factor, pair.difference, pair.b.getGradientsViewArray(), true);
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
                        Layer a = corresponding.get(i);
                        resolved.add(new TiedLayers(a, corresponding.get(j), tie.coefficient(),
                                Nd4j.createUninitialized(a.params().dataType(), a.params().shape(), a.params().ordering())));
                    }
                }
            }
        }
        return List.copyOf(resolved);
    }

    /** Two tied layers and room for the difference of their parameters. */
    private record TiedLayers(Layer a, Layer b, double coefficient, INDArray difference) {
    }
}
