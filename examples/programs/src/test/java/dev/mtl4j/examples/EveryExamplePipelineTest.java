package dev.mtl4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TransferPipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.config.PipelineYamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every YAML file under examples/pipelines reads without a problem, and every transfer example
 * names the model file that `./mtl train` writes for one of the example pipelines.
 */
final class EveryExamplePipelineTest {
    private final MtlRuntime runtime = MtlRuntime.create();
    private final PipelineYamlReader reader = new PipelineYamlReader(runtime.registry());

    @Test
    void everyExampleReadsAndEveryTransferStartsFromAnExample() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(ExamplesDirectory.find().resolve("pipelines"))) {
            files = listed.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        Set<String> pipelines = new HashSet<>();
        List<TransferPipelineSpec> transfers = new ArrayList<>();
        for (Path file : files) {
            if (reader.kind(file) == PipelineYamlReader.Kind.TRANSFER) {
                transfers.add(reader.readTransfer(file));
            } else {
                PipelineSpec spec = reader.read(file);
                assertThat(spec.name()).as(file.toString()).isNotBlank();
                pipelines.add(spec.name());
            }
        }
        assertThat(files).hasSizeGreaterThan(15);
        assertThat(transfers).isNotEmpty();
        for (TransferPipelineSpec transfer : transfers) {
            String from = transfer.transfer().from();
            assertThat(from).as(transfer.name()).startsWith("../../runs/").endsWith("/model.zip");
            String source = from.substring("../../runs/".length(), from.length() - "/model.zip".length());
            assertThat(pipelines).as(transfer.name() + " starts from " + from).contains(source);
        }
    }
}
