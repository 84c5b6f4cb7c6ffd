package dev.mtl4j.runtime.config;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.DataSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.runtime.plugin.ComponentCatalog;
import dev.mtl4j.runtime.plugin.Family;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a pipeline file into a {@link PipelineSpec}. The file is parsed to nodes only (see
 * {@link SafeYaml}) and read against the format itself, so every problem of the file (unknown keys,
 * wrong types, unknown component types, bad parameters, out-of-range values) is reported at once as
 * {@code FILE:LINE:COLUMN: KEY: MESSAGE} in one {@link MtlException} of category CONFIG_INVALID.
 * Data paths are left as written; the caller resolves them against the file's directory.
 */
public final class PipelineYamlReader {
    static final List<String> KEYS = List.of("pipeline", "data", "encoder", "sharing", "tasks", "training");

    private final ComponentReader components;

    public PipelineYamlReader(ComponentCatalog catalog) {
        this.components = new ComponentReader(Objects.requireNonNull(catalog, "catalog"));
    }

    public PipelineSpec read(Path file) {
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
        return read(text.startsWith("\uFEFF") ? text.substring(1) : text, file.toString());
    }

    public PipelineSpec read(String yamlText, String fileNameForMessages) {
        Problems problems = new Problems(fileNameForMessages);
        YamlValues values = new YamlValues(problems);
        Optional<Node> root = SafeYaml.compose(yamlText, problems);
        if (root.isEmpty() && !problems.isEmpty()) {
            problems.throwIfAny(); // a syntax error: nothing more can be read
        }
        if (root.isPresent() && !(root.get() instanceof MappingNode)) {
            values.wrong(root.get(), "(top level)", "a map with the keys " + KEYS);
            problems.throwIfAny();
        }
        YamlMap top = YamlMap.at(root.orElse(null), "", values);
        Optional<PipelineSpec> spec = pipeline(top);
        problems.throwIfAny();
        return spec.orElseThrow(); // no problems means every section was read
    }

    private Optional<PipelineSpec> pipeline(YamlMap top) {
        YamlValues values = top.values();
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
        TrainingSpec training = top.map("training").flatMap(TrainingReader::read).orElse(null);
        if (!values.problems().isEmpty()) {
            return Optional.empty(); // the cross-checks below would only repeat what is already reported
        }
        return top.build(() -> new PipelineSpec(name.orElseThrow(), data.orElseThrow(), encoder.orElseThrow(),
                sharing, tasks, training));
    }
}
