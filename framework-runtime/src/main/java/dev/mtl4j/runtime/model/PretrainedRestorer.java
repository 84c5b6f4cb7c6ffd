package dev.mtl4j.runtime.model;

import dev.mtl4j.api.spi.PretrainedParameters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Fills a freshly built network from a model file that left a pretrained model's frozen values out:
 * the file's own parameters from {@code mtl4j/parameters.bin}, the pretrained ones from the plugin
 * ({@link PretrainedParameters#restorePretrained}), then checks that the restored values are the ones
 * the model was trained with (their SHA-256). The layers' own declaration must match the file's.
 */
final class PretrainedRestorer {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final ModelZip zip;

    PretrainedRestorer(ModelZip zip) {
        this.zip = zip;
    }

    void restore(ComputationGraph graph) {
        Map<String, Object> map = ModelFile.yaml(zip, ModelEntries.PRETRAINED);
        PretrainedPart declared = ModelFile.parsed(zip, ModelEntries.PRETRAINED, map, PretrainedPart::fromMap);
        if (!(map.get("values") instanceof Number values) || !(map.get("sha256") instanceof String sha256)
                || !SHA256.matcher(sha256).matches()) {
            throw zip.entryInvalid(ModelEntries.PRETRAINED, "needs 'values' (a count) and 'sha256' (64 hex digits)");
        }
        PretrainedPart actual = PretrainedPart.of(graph);
        if (!actual.equals(declared)) {
            throw zip.entryInvalid(ModelEntries.PRETRAINED, "leaves out " + declared.names() + ", but the network's layers"
                    + " say their pretrained parameters are " + actual.names() + "; refusing to load");
        }
        Map<String, INDArray> kept = PretrainedPart.kept(graph, actual.names());
        long keptValues = kept.values().stream().mapToLong(INDArray::length).sum();
        if (values.longValue() != graph.numParams() - keptValues) {
            throw zip.entryInvalid(ModelEntries.PRETRAINED, "says " + values + " pretrained values, the network's layers hold "
                    + (graph.numParams() - keptValues));
        }
        INDArray own = ArrayEntry.read(zip, ModelEntries.PARAMETERS, keptValues);
        ArrayEntry.requireFinite(zip, ModelEntries.PARAMETERS, Map.of(), own);
        INDArray flat = own.reshape(own.length());
        long offset = 0;
        for (INDArray view : kept.values()) {
            long length = view.length();
            view.assign(flat.get(NDArrayIndex.interval(offset, offset + length)).reshape(view.shape()));
            offset += length;
        }
        restorePretrained(graph);
        String restored = actual.sha256(graph);
        if (!restored.equals(sha256)) {
            throw zip.entryInvalid(ModelEntries.PRETRAINED, "the pretrained weights this mtl4j's plugins restore for "
                    + models(actual) + " are not those the model was trained on (SHA-256 " + restored.substring(0, 12)
                    + "..., the file expects " + sha256.substring(0, 12) + "...); refusing to load");
        }
    }

    private void restorePretrained(ComputationGraph graph) {
        Map<String, Object> loaded = new HashMap<>();
        for (Layer layer : graph.getLayers()) {
            if (layer.conf().getLayer() instanceof PretrainedParameters pretrained && pretrained.pretrainedId() != null) {
                Set<String> keys = pretrained.frozenPretrainedParameters();
                Map<String, INDArray> views = new LinkedHashMap<>();
                layer.paramTable().forEach((key, view) -> {
                    if (keys.contains(key)) {
                        views.put(key, view);
                    }
                });
                if (views.isEmpty()) {
                    continue;
                }
                try {
                    pretrained.restorePretrained(views, loaded);
                } catch (RuntimeException e) {
                    throw zip.entryInvalid(ModelEntries.PRETRAINED, "cannot restore layer '" + layer.conf().getLayer().getLayerName()
                            + "' from pretrained model '" + pretrained.pretrainedId() + "': " + e.getMessage(), e);
                }
            }
        }
    }

    private static String models(PretrainedPart part) {
        return part.layers().stream().map(PretrainedPart.LayerPart::model).distinct().toList().toString();
    }
}
