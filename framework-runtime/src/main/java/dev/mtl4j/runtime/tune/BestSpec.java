package dev.mtl4j.runtime.tune;

import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.DataSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.config.PipelineYamlWriter;
import java.nio.file.Path;

/**
 * The best pipeline as a file in the output folder ({@code best.yaml}): written by the pipeline
 * writer (so {@code mtl train best.yaml} reads back the same spec), with the data file's relative
 * path made relative to the output folder, where the file now lives.
 */
public final class BestSpec {
    private BestSpec() {
    }

    public static String yaml(PipelineSpec spec, Path pipelineDirectory, Path outputDirectory) {
        DataSpec data = spec.data();
        ComponentSpec source = data.source();
        if (source != null && source.params().get("path") instanceof String path && !Path.of(path).isAbsolute()) {
            Path file = pipelineDirectory.resolve(path).toAbsolutePath().normalize();
            String moved = outputDirectory.toAbsolutePath().normalize().relativize(file).toString().replace('\\', '/');
            data = new DataSpec(source.with("path", moved), data.features(), data.drop(), data.split(), data.unseen(),
                    data.target());
            spec = new PipelineSpec(spec.name(), data, spec.encoder(), spec.sharing(), spec.tasks(), spec.training(),
                    spec.strategy());
        }
        return "# The best pipeline mtl tune found (tuning.json has the search); train it with mtl train.\n"
                + new PipelineYamlWriter().write(spec);
    }
}
