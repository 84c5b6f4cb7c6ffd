package dev.mtl4j.runtime.transfer;

import dev.mtl4j.runtime.compile.NetworkBlueprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The encoder depths a transfer strategy schedules: those with a parameter that trains. A depth
 * with nothing to train (a pretrained transformer's frozen embeddings and lower layers, its pooling)
 * is not counted, so that {@code freeze: 1}, {@code decay} and gradual unfreezing's pace act on the
 * layers that learn — the transformer's tuned blocks and the dense layers above them.
 */
final class TrainableDepths {
    private TrainableDepths() {
    }

    /** The indices, bottom first, of the depths of {@code blueprint}'s encoder that have a parameter that trains. */
    static List<Integer> of(NetworkBlueprint blueprint) {
        Map<String, GraphVertex> vertices = blueprint.configuration().getVertices();
        List<Integer> trainable = new ArrayList<>();
        for (int depth = 0; depth < blueprint.encoderDepths().size(); depth++) {
            if (blueprint.encoderDepths().get(depth).stream().anyMatch(name -> trains(vertices.get(name)))) {
                trainable.add(depth);
            }
        }
        return trainable;
    }

    /** A layer trains when one of its parameters has an optimizer; a pretrained layer's frozen weights have none (NoOp). */
    private static boolean trains(GraphVertex vertex) {
        if (!(vertex instanceof LayerVertex layerVertex) || layerVertex.getLayerConf() == null) {
            return false;
        }
        Layer layer = layerVertex.getLayerConf().getLayer();
        return layer.initializer().paramKeys(layer).stream().anyMatch(key -> !(layer.getUpdaterByParam(key) instanceof NoOp));
    }
}
