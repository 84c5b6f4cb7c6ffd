package dev.mtl4j.examples.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.spec.TransferPipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.config.PipelineYamlReader;
import dev.mtl4j.runtime.config.PipelineYamlWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The section 4.2 example, in YAML and in Java: one spec, and the spec survives YAML both ways. */
final class DigitsTransferYamlAndDslTest {

    @Test
    void yamlAndDslGiveEqualSpecs() {
        Path examples = find();
        PipelineYamlReader reader = new PipelineYamlReader(MtlRuntime.create().registry());
        TransferPipelineSpec fromYaml = reader.readTransfer(examples.resolve("pipelines/digits-transfer.yaml"));
        TransferPipelineSpec fromDsl = DigitsTransferPipeline.spec("../../runs/digits-0to4/model.zip", "../data/digits_5to9.csv");

        assertThat(fromDsl).isEqualTo(fromYaml);
        assertThat(reader.readTransfer(new PipelineYamlWriter().write(fromDsl), "written.yaml")).isEqualTo(fromDsl);
        assertThat(reader.readTransfer(examples.resolve("pipelines/income-transfer.yaml")).transfer().strategy().type())
                .isEqualTo("fine-tune");
    }

    private static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("examples/pipelines"))) {
                return dir.resolve("examples");
            }
        }
        throw new IllegalStateException("examples/pipelines not found");
    }
}
