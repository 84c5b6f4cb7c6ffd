package dev.mtl4j.runtime.memory;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * What a network's parameters will take before any is allocated, counted from its DL4J
 * configuration: each layer's parameters, as many gradients, and its updater's state (Adam keeps two
 * values a parameter, Nesterov one, SGD none), 4 bytes each. A network that cannot fit is refused with
 * a RESOURCE_EXHAUSTED error instead of growing the process until the JVM or the kernel stops it.
 * Activations and the data come on top; they grow with the batch and the rows, not the layer widths.
 *
 * @param parameters the number of parameters
 * @param updaterState the number of values the updaters keep
 * @param largestLayer the vertex holding the most parameters, or null for a network without any
 * @param largestParameters the parameters of that vertex
 */
public record NetworkMemory(long parameters, long updaterState, String largestLayer, long largestParameters) {
    private static final long BYTES_PER_VALUE = Float.BYTES;

    /** Counts a configuration; cheap: no array is made. */
    public static NetworkMemory of(ComputationGraphConfiguration configuration) {
        long parameters = 0;
        long state = 0;
        String largest = null;
        long largestCount = 0;
        for (Map.Entry<String, GraphVertex> vertex : configuration.getVertices().entrySet()) {
            if (!(vertex.getValue() instanceof LayerVertex layerVertex) || layerVertex.getLayerConf() == null) {
                continue;
            }
            Layer layer = layerVertex.getLayerConf().getLayer();
            long count = layer.initializer().numParams(layer);
            if (count == 0) {
                continue;
            }
            parameters = Math.addExact(parameters, count);
            state = Math.addExact(state, updaterState(layer, count));
            if (count > largestCount) {
                largest = vertex.getKey();
                largestCount = count;
            }
        }
        return new NetworkMemory(parameters, state, largest, largestCount);
    }

    /**
     * The values a layer's updater keeps for {@code count} parameters. A wrapper (an LSTM read at its
     * last step) answers through the layer it wraps; a layer that cannot say is counted as Adam's two
     * values a parameter, the most any optimizer here keeps.
     */
    private static long updaterState(Layer layer, long count) {
        Layer inner = layer;
        while (inner instanceof BaseWrapperLayer wrapper && wrapper.getUnderlying() != null) {
            inner = wrapper.getUnderlying();
        }
        try {
            IUpdater updater = inner.getUpdaterByParam(inner.initializer().paramKeys(inner).get(0));
            return updater == null ? 0 : updater.stateSize(count);
        } catch (UnsupportedOperationException | IndexOutOfBoundsException e) {
            return 2 * count;
        }
    }

    /** Bytes for parameters, gradients and updater state. */
    public long bytes() {
        return BYTES_PER_VALUE * (2 * parameters + updaterState);
    }

    /**
     * @param available what the arrays may still take
     * @param keyOf the pipeline key a vertex comes from ({@code encoder}, {@code tasks.T.head}), for the message
     * @throws MtlException RESOURCE_EXHAUSTED when {@link #bytes()} exceed {@code available}
     */
    public void requireFits(long available, Function<String, String> keyOf) {
        if (bytes() <= available) {
            return;
        }
        throw new MtlException(ErrorCategory.RESOURCE_EXHAUSTED, Problem.keyed(keyOf.apply(largestLayer),
                "the network has " + count(parameters) + " parameters (layer " + largestLayer + " alone "
                        + count(largestParameters) + "); training needs about " + MemoryLimits.readable(bytes())
                        + " for them, their gradients and the optimizer's state, and this process may allocate "
                        + MemoryLimits.readable(available) + " more; use smaller layers, or give it more memory if the machine has it"
                        + " (MTL_JAVA_OPTS=-Xmx<size> for ./mtl)"));
    }

    private static String count(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f billion", n / 1e9);
        } else if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f million", n / 1e6);
        }
        return Long.toString(n);
    }
}
