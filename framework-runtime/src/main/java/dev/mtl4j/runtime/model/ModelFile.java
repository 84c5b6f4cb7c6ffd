package dev.mtl4j.runtime.model;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.config.PipelineYamlReader;
import dev.mtl4j.runtime.config.PipelineYamlWriter;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.io.AtomicFiles;
import dev.mtl4j.runtime.plugin.ComponentCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * One zip per model. At its root the entries of DL4J's own model format, so plain
 * {@code ComputationGraph.load(file, true)} opens it; under {@code mtl4j/} the pipeline as YAML,
 * the preprocessing state and the provenance, all as YAML text. Written to a temporary file beside
 * the target and renamed over it, so a crash never leaves half a model. Loading refuses any entry
 * DL4J would read with Java deserialization ({@code preprocessor.bin}, {@code normalizer.bin},
 * {@code objects/...}): a model file can never make us instantiate a class it names.
 */
public final class ModelFile {
    public static final int FORMAT_VERSION = 1;
    static final String PIPELINE = "mtl4j/pipeline.yaml";
    static final String PREPROCESSING = "mtl4j/preprocessing.yaml";
    static final String PROVENANCE = "mtl4j/provenance.yaml";
    private static final Set<String> DL4J_ENTRIES = Set.of("configuration.json", "coefficients.bin", "updaterState.bin",
            "noParams.marker");
    private static final Set<String> MTL4J_ENTRIES = Set.of(PIPELINE, PREPROCESSING, PROVENANCE);

    private final ComponentCatalog catalog;

    public ModelFile(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    public void save(TrainedModel model, Path target) {
        AtomicFiles.write(target, "the model", out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                copyDl4jEntries(model.graph(), zip);
                put(zip, PIPELINE, new PipelineYamlWriter().write(model.spec()));
                put(zip, PREPROCESSING, PlainYaml.dump(model.preprocessor().toState()));
                put(zip, PROVENANCE, PlainYaml.dump(model.provenance().toMap()));
            }
        });
    }

    public TrainedModel load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MtlException(ErrorCategory.MODEL_INVALID, file + ": model file not found");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            checkEntries(zip, file);
            PipelineSpec spec = new PipelineYamlReader(catalog).read(text(zip, PIPELINE, file), file + "!/" + PIPELINE);
            Preprocessor preprocessor = Preprocessor.fromState(PlainYaml.load(text(zip, PREPROCESSING, file)), spec,
                    dev.mtl4j.runtime.plugin.TextEncoders.of(catalog, spec.encoder()));
            Provenance provenance = Provenance.fromMap(PlainYaml.load(text(zip, PROVENANCE, file)));
            ComputationGraph graph = ModelSerializer.restoreComputationGraph(file.toFile(), true);
            return new TrainedModel(spec, graph, preprocessor, provenance);
        } catch (ZipException e) {
            throw new MtlException(ErrorCategory.MODEL_INVALID, file + ": not a model file (not a zip: " + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new MtlException(ErrorCategory.MODEL_INVALID, file + ": cannot read the model: " + e.getMessage(), e);
        }
    }

    private static void checkEntries(ZipFile zip, Path file) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (!DL4J_ENTRIES.contains(name) && !MTL4J_ENTRIES.contains(name)) {
                throw new MtlException(ErrorCategory.MODEL_INVALID, file + ": entry '" + name + "' is not part of an mtl4j model"
                        + (name.endsWith(".bin") || name.startsWith("objects/")
                        ? " (DL4J would read it with Java deserialization); refusing to load" : "; refusing to load"));
            }
        }
        for (String required : Set.of("configuration.json", "coefficients.bin", PIPELINE, PREPROCESSING, PROVENANCE)) {
            if (zip.getEntry(required) == null) {
                throw new MtlException(ErrorCategory.MODEL_INVALID, file + ": entry '" + required + "' is missing; not an mtl4j model");
            }
        }
    }

    private static String text(ZipFile zip, String name, Path file) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** DL4J writes its zip to a buffer; its entries are copied to the root of ours. */
    private static void copyDl4jEntries(ComputationGraph graph, ZipOutputStream zip) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ModelSerializer.writeModel(graph, buffer, true);
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(buffer.toByteArray()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
