package dev.mtl4j.runtime.model;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.config.PipelineYamlReader;
import dev.mtl4j.runtime.config.PipelineYamlWriter;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.io.AtomicFiles;
import dev.mtl4j.runtime.plugin.ComponentCatalog;
import dev.mtl4j.runtime.plugin.TextEncoders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One zip per model. At its root the entries of DL4J's own model format, so plain
 * {@code ComputationGraph.load(file, true)} opens it; under {@code mtl4j/} the pipeline as YAML,
 * the preprocessing state, the provenance and (format 2 on) a manifest of every other entry's size
 * and SHA-256, all as YAML text. Written to a temporary file beside the target and renamed over it,
 * so a crash never leaves half a model.
 *
 * <p>Loading trusts nothing in the file: see {@link ModelZip} (structure, allowed entries, caps,
 * the manifest), {@link NetworkReader} (the arrays against the configuration, finite values) and
 * {@link ModelConsistency} (the preprocessing against the network). Format 2 requires the
 * manifest; a format-1 file (written before the manifest existed) is checked by everything else.
 * Any entry DL4J would read with Java deserialization is refused, so a model file can never make us
 * instantiate a class it names. Every failure is MODEL_INVALID, naming the file and the entry.
 */
public final class ModelFile {
    /** The format of a file that holds every parameter. */
    public static final int FORMAT_VERSION = 2;
    /**
     * The format of a file that leaves a pretrained model's frozen values out ({@link PretrainedPart}):
     * a file declares the oldest format that reads it, so an older mtl4j refuses it as "newer".
     */
    public static final int PRETRAINED_FORMAT = 3;
    /** The newest format this mtl4j reads. */
    private static final int NEWEST_FORMAT = PRETRAINED_FORMAT;
    /** Files of format 1 have no manifest. */
    private static final int FIRST_FORMAT_WITH_MANIFEST = 2;

    private final ComponentCatalog catalog;

    public ModelFile(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    public void save(TrainedModel model, Path target) {
        save(model, target, null);
    }

    /**
     * As {@link #save(TrainedModel, Path)}, with the training's per-epoch history as one more entry
     * ({@code mtl4j/history.json}, in the manifest like every other); loading a model never reads it.
     *
     * @param historyJson the history as JSON text, or null for none
     */
    public void save(TrainedModel model, Path target, String historyJson) {
        AtomicFiles.write(target, "the model", out -> {
            try (ManifestedZip zip = new ManifestedZip(out)) {
                boolean pretrained = putNetwork(zip, model.graph());
                zip.put(ModelEntries.PIPELINE, text(new PipelineYamlWriter().write(model.spec())));
                zip.put(ModelEntries.PREPROCESSING, text(PlainYaml.dump(model.preprocessor().toState())));
                Map<String, Object> provenance = model.provenance().toMap();
                if (pretrained) {
                    provenance.put("format", PRETRAINED_FORMAT);
                }
                zip.put(ModelEntries.PROVENANCE, text(PlainYaml.dump(provenance)));
                if (historyJson != null) {
                    zip.put(ModelEntries.HISTORY, text(historyJson));
                }
                if (!model.weightingState().isEmpty()) {
                    zip.put(ModelEntries.WEIGHTING, text(PlainYaml.dump(model.weightingState())));
                }
                zip.finish(ModelEntries.MANIFEST);
            }
        });
    }

    /**
     * The network: every parameter, or — when some layers hold a pretrained model's frozen values —
     * only the others, with the pretrained model's id and the SHA-256 of the values left out.
     *
     * @return whether values were left out
     */
    private static boolean putNetwork(ManifestedZip zip, ComputationGraph graph) throws java.io.IOException {
        PretrainedPart pretrained = PretrainedPart.of(graph);
        if (pretrained.isEmpty()) {
            zip.putDl4jEntries(graph);
            return false;
        }
        zip.putDl4jEntries(graph, false);
        INDArray[] kept = PretrainedPart.kept(graph, pretrained.names()).values().stream()
                .map(v -> v.reshape(v.length())).toArray(INDArray[]::new);
        INDArray parameters = Nd4j.concat(0, kept);
        zip.putArray(ModelEntries.PARAMETERS, parameters);
        zip.put(ModelEntries.PRETRAINED, text(PlainYaml.dump(pretrained.toMap(graph.numParams() - parameters.length(),
                pretrained.sha256(graph)))));
        return true;
    }

    /** The training history a model file carries (checked against its manifest), if it has one. */
    public java.util.Optional<String> history(Path file) {
        try (ModelZip zip = ModelZip.open(file, ModelEntries.LAYOUT)) {
            if (zip.has(ModelEntries.MANIFEST)) {
                parsed(zip, ModelEntries.MANIFEST, Manifest::fromMap).verify(zip);
            }
            return zip.has(ModelEntries.HISTORY) ? java.util.Optional.of(zip.text(ModelEntries.HISTORY)) : java.util.Optional.empty();
        }
    }

    public TrainedModel load(Path file) {
        try (ModelZip zip = ModelZip.open(file, ModelEntries.LAYOUT)) {
            if (!zip.has(ModelEntries.COEFFICIENTS) && !zip.has(ModelEntries.PRETRAINED)) {
                throw ModelZip.invalid(file, "entry '" + ModelEntries.COEFFICIENTS + "' is missing; not an mtl4j model");
            }
            if (zip.has(ModelEntries.MANIFEST)) {
                parsed(zip, ModelEntries.MANIFEST, Manifest::fromMap).verify(zip);
            }
            Map<String, Object> provenanceMap = yaml(zip, ModelEntries.PROVENANCE);
            int format = formatOf(zip, provenanceMap);
            if (format >= FIRST_FORMAT_WITH_MANIFEST && !zip.has(ModelEntries.MANIFEST)) {
                throw zip.entryInvalid(ModelEntries.MANIFEST, "missing; a format-" + format + " model file has one");
            }
            Provenance provenance = parsed(zip, ModelEntries.PROVENANCE, provenanceMap, Provenance::fromMap);
            PipelineSpec spec;
            try {
                spec = pipeline(zip);
            } catch (MtlException e) {
                throw MissingPlugins.explain(file, provenance, catalog.pluginClasses(), e);
            }
            Preprocessor preprocessor = parsed(zip, ModelEntries.PREPROCESSING, yaml(zip, ModelEntries.PREPROCESSING),
                    state -> Preprocessor.fromState(state, spec, TextEncoders.of(catalog, spec.encoder())));
            if (zip.has(ModelEntries.PRETRAINED) && format < PRETRAINED_FORMAT) {
                throw zip.entryInvalid(ModelEntries.PRETRAINED, "in a format-" + format + " model file; only format "
                        + PRETRAINED_FORMAT + " on leaves pretrained parameters out");
            }
            ComputationGraph graph = new NetworkReader(zip).read();
            ModelConsistency.check(zip, spec, preprocessor, graph);
            Map<String, Object> weighting = zip.has(ModelEntries.WEIGHTING) ? yaml(zip, ModelEntries.WEIGHTING) : null;
            return new TrainedModel(spec, graph, preprocessor, provenance, weighting);
        }
    }

    private static int formatOf(ModelZip zip, Map<String, Object> provenance) {
        Object format = provenance.get("format");
        if (!(format instanceof Integer number) || number < 1 || number > NEWEST_FORMAT) {
            throw zip.entryInvalid(ModelEntries.PROVENANCE, "format " + format + " is not one this mtl4j reads (1 to "
                    + NEWEST_FORMAT + ")" + (format instanceof Integer n && n > NEWEST_FORMAT
                    ? "; the model was written by a newer mtl4j" : ""));
        }
        return (Integer) format;
    }

    private PipelineSpec pipeline(ModelZip zip) {
        String yaml = zip.text(ModelEntries.PIPELINE);
        try {
            return new PipelineYamlReader(catalog).read(yaml, zip.file() + "!/" + ModelEntries.PIPELINE);
        } catch (MtlException e) {
            // Located as file!/entry:line:column already; whatever went wrong, the model file cannot be used.
            throw new MtlException(ErrorCategory.MODEL_INVALID, e.problems(), e);
        }
    }

    static Map<String, Object> yaml(ModelZip zip, String name) {
        String text = zip.text(name);
        try {
            return PlainYaml.load(text);
        } catch (RuntimeException e) {
            throw zip.entryInvalid(name, "not a YAML map: " + firstLine(e), e);
        }
    }

    private static <T> T parsed(ModelZip zip, String name, Function<Map<String, Object>, T> parser) {
        return parsed(zip, name, yaml(zip, name), parser);
    }

    static <T> T parsed(ModelZip zip, String name, Map<String, Object> map, Function<Map<String, Object>, T> parser) {
        try {
            return parser.apply(map);
        } catch (MtlException e) {
            throw zip.entryInvalid(name, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw zip.entryInvalid(name, "malformed: " + firstLine(e), e);
        }
    }

    private static byte[] text(String yaml) {
        return yaml.getBytes(StandardCharsets.UTF_8);
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
