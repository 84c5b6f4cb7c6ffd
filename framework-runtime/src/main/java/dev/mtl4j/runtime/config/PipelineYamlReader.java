package dev.mtl4j.runtime.config;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.DataSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spec.TransferDataSpec;
import dev.mtl4j.api.spec.TransferPipelineSpec;
import dev.mtl4j.api.spec.TransferSpec;
import dev.mtl4j.runtime.plugin.ComponentCatalog;
import dev.mtl4j.runtime.plugin.Family;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a pipeline file into a {@link PipelineSpec}, or a transfer pipeline file (one with a
 * top-level {@code transfer:} section) into a {@link TransferPipelineSpec}. The file is parsed to
 * nodes only (see {@link SafeYaml}) and read against the format itself, so every problem of the file
 * (unknown keys, wrong types, unknown component types, bad parameters, out-of-range values) is
 * reported at once as {@code FILE:LINE:COLUMN: KEY: MESSAGE} in one {@link MtlException} of category
 * CONFIG_INVALID. Data and model paths are left as written; the caller resolves them against the
 * file's directory.
 */
public final class PipelineYamlReader {
    static final List<String> KEYS = Sections.PIPELINE.names();
    static final List<String> TRANSFER_KEYS = Sections.TRANSFER_PIPELINE.names();

    /** The top-level key that makes a file a transfer pipeline. */
    static final String TRANSFER = "transfer";
    static final String NOT_A_PIPELINE = "this is a transfer pipeline; run it with `mtl transfer`";
    static final Map<String, String> REFUSED_TRANSFER_KEYS = refusedTransferKeys();

    /** Which of the two pipeline formats a file is written in. */
    public enum Kind {
        /** An ordinary pipeline: {@link #read(Path)}. */
        PIPELINE,
        /** A transfer pipeline, with a top-level {@code transfer:} section: {@link #readTransfer(Path)}. */
        TRANSFER
    }

    private final ComponentReader components;

    public PipelineYamlReader(ComponentCatalog catalog) {
        this.components = new ComponentReader(Objects.requireNonNull(catalog, "catalog"));
    }

    /**
     * Whether a file is a transfer pipeline (its top-level map has a {@code transfer} key) or, in
     * every other case, an ordinary one: so that a caller can say which command runs it. Never
     * throws: a missing, unreadable or invalid file is {@link Kind#PIPELINE}, and reading it reports why.
     */
    public Kind kind(Path file) {
        try {
            return kind(text(file), file.toString());
        } catch (RuntimeException e) {
            return Kind.PIPELINE;
        }
    }

    /** {@link #kind(Path)} of a file's text; never throws. */
    public Kind kind(String yamlText) {
        try {
            return kind(yamlText, "(kind)");
        } catch (RuntimeException e) {
            return Kind.PIPELINE;
        }
    }

    private static Kind kind(String yamlText, String fileName) {
        Optional<Node> root = SafeYaml.compose(yamlText, new Problems(fileName));
        if (root.isPresent() && root.get() instanceof MappingNode mapping) {
            for (NodeTuple entry : mapping.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key && key.getValue().equals(TRANSFER)) {
                    return Kind.TRANSFER;
                }
            }
        }
        return Kind.PIPELINE;
    }

    /** Reads an ordinary pipeline file; a transfer pipeline is refused with one line saying how to run it. */
    public PipelineSpec read(Path file) {
        return read(text(file), file.toString());
    }

    public PipelineSpec read(String yamlText, String fileNameForMessages) {
        return parse(yamlText, fileNameForMessages, List.of(), KEYS, this::pipeline);
    }

    /** Reads an ordinary pipeline file with {@code --set} overrides applied to it (see {@link PipelineOverride}). */
    public PipelineSpec read(Path file, List<PipelineOverride> overrides) {
        return read(text(file), file.toString(), overrides);
    }

    public PipelineSpec read(String yamlText, String fileNameForMessages, List<PipelineOverride> overrides) {
        return parse(yamlText, fileNameForMessages, overrides, KEYS, this::pipeline);
    }

    /** Reads a transfer pipeline file. */
    public TransferPipelineSpec readTransfer(Path file) {
        return readTransfer(text(file), file.toString());
    }

    public TransferPipelineSpec readTransfer(String yamlText, String fileNameForMessages) {
        return parse(yamlText, fileNameForMessages, List.of(), TRANSFER_KEYS, this::transferPipeline);
    }

    static String text(Path file) {
        if (Files.isDirectory(file)) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, file + ": is a directory, not a pipeline file");
        }
        String text;
        try {
            // A strict decoder: a file in another encoding is reported, not read as garbled names.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, file + ": pipeline file not found");
        } catch (CharacterCodingException e) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, file + ": is not UTF-8 text", e);
        } catch (IOException e) {
            throw new MtlException(ErrorCategory.IO_FAILED, file + ": cannot be read: " + e.getMessage(), e);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static <T> T parse(String yamlText, String fileName, List<PipelineOverride> overrides, List<String> keys,
                               Function<YamlMap, Optional<T>> reader) {
        Problems problems = new Problems(fileName);
        YamlValues values = new YamlValues(problems);
        Optional<Node> root = SafeYaml.compose(yamlText, problems);
        if (root.isEmpty() && !problems.isEmpty()) {
            problems.throwIfAny(); // a syntax error: nothing more can be read
        }
        if (root.isPresent() && !(root.get() instanceof MappingNode)) {
            values.wrong(root.get(), "(top level)", "a map with the keys " + keys);
            problems.throwIfAny();
        }
        if (root.isPresent() && !overrides.isEmpty()) {
            Overrides.apply((MappingNode) root.get(), overrides, problems);
        }
        YamlMap top = YamlMap.at(root.orElse(null), "", values);
        Optional<T> spec = reader.apply(top);
        problems.throwIfAny();
        return spec.orElseThrow(); // no problems means every section was read
    }

    private Optional<PipelineSpec> pipeline(YamlMap top) {
        YamlValues values = top.values();
        if (top.keys().contains(TRANSFER)) {
            // Read as an ordinary pipeline, a transfer file would only add follow-on problems
            // (no encoder, no features) to the one that matters.
            values.problems().at(top.keyNode(TRANSFER).orElseThrow(), TRANSFER, NOT_A_PIPELINE);
            return Optional.empty();
        }
        top.allowOnly(KEYS);
        Optional<String> name = top.required("pipeline").flatMap(v -> values.text(v, "pipeline"));
        Optional<DataSpec> data = top.required("data").flatMap(v -> YamlMap.of(v, "data", values))
                .flatMap(new DataReader(components)::read);
        Optional<ComponentSpec> encoder = top.required("encoder")
                .flatMap(v -> components.read(v, "encoder", Family.ENCODER, values));
        ComponentSpec sharing = top.value("sharing")
                .flatMap(v -> components.read(v, "sharing", Family.SHARING, values)).orElse(null);
        List<TaskSpec> tasks = top.required("tasks").flatMap(v -> YamlMap.of(v, "tasks", values))
                .map(new TaskReader(components)::read).orElse(List.of());
        TrainingSpec training = top.map("training").flatMap(t -> TrainingReader.read(t, components)).orElse(null);
        ComponentSpec strategy = top.value("strategy")
                .flatMap(v -> components.read(v, "strategy", Family.TRANSFER, values)).orElse(null);
        if (!values.problems().isEmpty()) {
            return Optional.empty(); // the cross-checks below would only repeat what is already reported
        }
        return top.build(() -> new PipelineSpec(name.orElseThrow(), data.orElseThrow(), encoder.orElseThrow(),
                sharing, tasks, training, strategy));
    }

    private Optional<TransferPipelineSpec> transferPipeline(YamlMap top) {
        YamlValues values = top.values();
        TransferReader transferReader = new TransferReader(components);
        top.allowOnly(TRANSFER_KEYS, REFUSED_TRANSFER_KEYS);
        Optional<String> name = top.required("pipeline").flatMap(v -> values.text(v, "pipeline"));
        Optional<TransferSpec> transfer = top.required(TRANSFER).flatMap(v -> YamlMap.of(v, TRANSFER, values))
                .flatMap(transferReader::read);
        Optional<TransferDataSpec> data = top.required("data").flatMap(v -> YamlMap.of(v, "data", values))
                .flatMap(transferReader::data);
        // Optional here: a transfer may only go on training kept source tasks.
        List<TaskSpec> tasks = top.map("tasks").map(new TaskReader(components)::read).orElse(List.of());
        TrainingSpec training = top.map("training").flatMap(t -> TrainingReader.read(t, components)).orElse(null);
        if (!values.problems().isEmpty()) {
            return Optional.empty(); // the cross-checks below would only repeat what is already reported
        }
        return top.build(() -> new TransferPipelineSpec(name.orElseThrow(), transfer.orElseThrow(), data.orElseThrow(),
                tasks, training));
    }

    /** The ordinary pipeline's sections that a transfer pipeline takes from its source model. */
    private static Map<String, String> refusedTransferKeys() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.putAll(TransferReader.refused(List.of("encoder"), "a transfer pipeline uses the source model's encoder"));
        refused.putAll(TransferReader.refused(List.of("sharing"),
                "a transfer pipeline uses the source model's sharing strategy"));
        return Map.copyOf(refused);
    }
}
