package dev.mtl4j.runtime.transfer;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.LayerSchedule;
import dev.mtl4j.api.spi.TransferStrategy;
import dev.mtl4j.runtime.compile.GraphCompiler;
import dev.mtl4j.runtime.compile.NetworkBlueprint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A network that starts from a source model: each encoder depth gets the learning rate and the
 * first epoch the strategy schedules for it, then the source's encoder parameters (and the kept
 * tasks' heads) are copied in.
 */
final class SourceStart implements NetworkStart {
    private final TransferStrategy strategy;
    private final ComputationGraph source;
    private final PipelineSpec spec;
    private final Set<String> kept;

    SourceStart(TransferStrategy strategy, ComputationGraph source, PipelineSpec spec, Set<String> kept) {
        this.strategy = strategy;
        this.source = source;
        this.spec = spec;
        this.kept = Set.copyOf(kept);
    }

    @Override
    public void adjust(NetworkBlueprint blueprint) {
        LayerRates.apply(blueprint, schedule(blueprint), spec.training().optimizer());
    }

    @Override
    public void copyInto(NetworkBlueprint blueprint, ComputationGraph graph) {
        try {
            List<String> layers = encoderLayers(blueprint);
            if (graph.getConfiguration().getVertices().containsKey(GraphCompiler.EMBEDDING_LAYER)) {
                // the columns' embeddings (the source model's encoding) start where the source left them
                layers.add(0, GraphCompiler.EMBEDDING_LAYER);
            }
            ParameterCopier.copy(source, graph, layers);
        } catch (IllegalStateException e) {
            // soft towers and cgc's task experts belong to tasks: a new task's have no source to come from
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("transfer.from", e.getMessage() + "; sharing '"
                    + spec.sharing().type() + "' gives the new tasks encoder layers the source model does not have. "
                    + "Transfer from a model with a shared encoder (hard, hierarchical, attention mmoe or mtan)"));
        }
        ParameterCopier.copy(source, graph, keptHeadLayers(blueprint));
    }

    /** The kept source tasks' head layers: they come along with their trained parameters. */
    List<String> keptHeadLayers(NetworkBlueprint blueprint) {
        List<String> layers = new ArrayList<>();
        for (String vertex : blueprint.configuration().getVertices().keySet()) {
            for (String task : kept) {
                if (vertex.startsWith("task/" + task + "/")) {
                    layers.add(vertex);
                }
            }
        }
        return layers;
    }

    /**
     * One schedule per encoder depth: the strategy's, over the depths that have something to train;
     * a depth with nothing to train is left as it is (null).
     */
    private List<LayerSchedule> schedule(NetworkBlueprint blueprint) {
        List<Integer> trainable = TrainableDepths.of(blueprint);
        List<String> names = trainable.stream().map(blueprint.encoderLayers()::get).toList();
        try {
            List<LayerSchedule> schedule = strategy.schedule(names, spec.training().optimizer().learningRate(),
                    spec.training().epochs());
            if (schedule.size() != names.size()) {
                throw new IllegalStateException("transfer strategy gave " + schedule.size() + " schedules for " + names.size() + " layers");
            }
            List<LayerSchedule> perDepth = new ArrayList<>(Collections.nCopies(blueprint.encoderDepths().size(), null));
            for (int i = 0; i < trainable.size(); i++) {
                perDepth.set(trainable.get(i), schedule.get(i));
            }
            return perDepth;
        } catch (SpecException e) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, e.problem().under("transfer.strategy"));
        }
    }

    private static List<String> encoderLayers(NetworkBlueprint blueprint) {
        List<String> layers = new ArrayList<>();
        blueprint.encoderDepths().forEach(layers::addAll);
        return layers;
    }
}
