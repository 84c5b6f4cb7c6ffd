package dev.mtl4j.runtime.model;

import dev.mtl4j.api.spi.PretrainedParameters;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of a network that are a pretrained model's frozen values (see
 * {@link PretrainedParameters}): a model file leaves them out and restores them from the plugin on
 * load. Parameters are named as in the network's parameter table ({@code layer_key}), in its order.
 *
 * @param layers each layer with such parameters, in network order
 */
record PretrainedPart(List<LayerPart> layers) {
    private static final int CHUNK = 1 << 20;

    /**
     * One layer's pretrained parameters.
     *
     * @param layer the layer's name in the network
     * @param model the pretrained model's id
     * @param parameters the layer's keys of its frozen pretrained parameters
     */
    record LayerPart(String layer, String model, List<String> parameters) {
        LayerPart {
            parameters = List.copyOf(parameters);
        }
    }

    PretrainedPart {
        layers = List.copyOf(layers);
    }

    /** The part of {@code graph} that its layers say is pretrained and frozen (empty when none is). */
    static PretrainedPart of(ComputationGraph graph) {
        List<LayerPart> layers = new ArrayList<>();
        for (Layer layer : graph.getLayers()) {
            if (layer.conf().getLayer() instanceof PretrainedParameters pretrained && pretrained.pretrainedId() != null) {
                Set<String> keys = pretrained.frozenPretrainedParameters();
                List<String> ordered = layer.paramTable().keySet().stream().filter(keys::contains).toList();
                if (!ordered.isEmpty()) {
                    layers.add(new LayerPart(layer.conf().getLayer().getLayerName(), pretrained.pretrainedId(), ordered));
                }
            }
        }
        return new PretrainedPart(layers);
    }

    boolean isEmpty() {
        return layers.isEmpty();
    }

    /** The network's parameter-table names of the pretrained parameters. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        layers.forEach(l -> l.parameters().forEach(p -> names.add(l.layer() + "_" + p)));
        return names;
    }

    /** The other parameters, in the network's order. */
    static Map<String, INDArray> kept(ComputationGraph graph, Set<String> pretrained) {
        Map<String, INDArray> kept = new LinkedHashMap<>();
        graph.paramTable(false).forEach((name, value) -> {
            if (!pretrained.contains(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /** The SHA-256 of the pretrained parameters' values, as little-endian floats in the network's order. */
    String sha256(ComputationGraph graph) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        Map<String, INDArray> table = graph.paramTable(false);
        for (String name : names()) {
            INDArray flat = table.get(name).reshape(table.get(name).length());
            for (long start = 0; start < flat.length(); start += CHUNK) {
                float[] values = flat.get(NDArrayIndex.interval(start, Math.min(flat.length(), start + CHUNK))).toFloatVector();
                ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asFloatBuffer().put(values);
                digest.update(bytes.array());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** As written in {@code mtl4j/pretrained.yaml}, with the values' count and checksum. */
    Map<String, Object> toMap(long values, String sha256) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (LayerPart part : layers) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("layer", part.layer());
            map.put("model", part.model());
            map.put("parameters", new ArrayList<>(part.parameters()));
            list.add(map);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("layers", list);
        map.put("values", values);
        map.put("sha256", sha256);
        return map;
    }

    /** @throws IllegalArgumentException naming what is malformed */
    static PretrainedPart fromMap(Map<String, Object> map) {
        if (!(map.get("layers") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("'layers' is not a non-empty list");
        }
        List<LayerPart> layers = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> entry) || !(entry.get("layer") instanceof String layer)
                    || !(entry.get("model") instanceof String model) || !(entry.get("parameters") instanceof List<?> keys)
                    || keys.isEmpty() || !keys.stream().allMatch(String.class::isInstance)) {
                throw new IllegalArgumentException("a layer is not {layer, model, parameters (a list of names)}: " + item);
            }
            layers.add(new LayerPart(layer, model, keys.stream().map(String.class::cast).toList()));
        }
        return new PretrainedPart(layers);
    }
}
