package dev.mtl4j.runtime.model;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.config.PipelineYamlWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a checkpoint belongs to: the pipeline, as canonical YAML without its checkpoint section (how
 * often to save changes nothing a resumed run computes), and the SHA-256 of each data file read, in
 * reading order (their paths are kept for people, not compared: a moved project resumes).
 * A run resumes only a checkpoint of the same identity; any other would not end where the run it
 * interrupted would have.
 *
 * @param pipeline the canonical YAML
 * @param dataFiles each data file's absolute path and SHA-256, in reading order
 */
record RunIdentity(String pipeline, List<Map<String, String>> dataFiles) {

    static RunIdentity of(PipelineSpec spec, List<Path> files) {
        String yaml = new PipelineYamlWriter().write(spec.withTraining(spec.training().withCheckpoint(null)));
        List<Map<String, String>> data = new ArrayList<>();
        for (Path file : files) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("file", file.toAbsolutePath().normalize().toString());
            entry.put("sha256", ProvenanceRecorder.sha256(file));
            data.add(entry);
        }
        return new RunIdentity(yaml, data);
    }

    String pipelineSha256() {
        return ManifestedZip.sha256(pipeline.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws MtlException CONFIG_INVALID naming the first setting that differs, or DATA_INVALID
     *     naming the data file that changed
     */
    void requireSame(RunIdentity saved, Path checkpoint) {
        if (!saved.pipeline.equals(pipeline)) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, checkpoint + ": the checkpoint belongs to another pipeline ("
                    + YamlDifference.first(saved.pipeline, pipeline) + "); resume with the pipeline it was written by, "
                    + "or delete it to start over");
        }
        // By content, in reading order: a project moved to another folder resumes on the same data.
        for (int i = 0; i < Math.max(saved.dataFiles.size(), dataFiles.size()); i++) {
            Map<String, String> then = i < saved.dataFiles.size() ? saved.dataFiles.get(i) : Map.of();
            Map<String, String> now = i < dataFiles.size() ? dataFiles.get(i) : Map.of();
            if (!Objects.equals(then.get("sha256"), now.get("sha256"))) {
                String file = now.getOrDefault("file", then.get("file"));
                throw new MtlException(ErrorCategory.DATA_INVALID, checkpoint + ": data file " + file
                        + " is not the one the checkpoint was trained on (its SHA-256 differs, or it was not read then); "
                        + "resume on the same data, or delete the checkpoint to start over");
            }
        }
    }
}
