package dev.mtl4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.config.PipelineSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every example pipeline passes the JSON Schema that {@code mtl schema} prints for the built-in
 * plugins (checked with networknt's validator, as an editor would), and the schema catches a typo.
 */
final class ExamplePipelinesMatchTheSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(new ObjectMapper().readTree(new PipelineSchema(MtlRuntime.create().registry()).json()));

    ExamplePipelinesMatchTheSchemaTest() throws IOException {
    }

    @Test
    void everyExamplePipelineValidates() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(ExamplesDirectory.find().resolve("pipelines"))) {
            files = listed.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }

        assertThat(files).hasSizeGreaterThan(15);
        for (Path file : files) {
            Set<ValidationMessage> problems = schema.validate(YAML.readTree(file.toFile()));
            assertThat(problems).as(file.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void aPluginParameterTypoFails() throws IOException {
        String income = Files.readString(ExamplesDirectory.find().resolve("pipelines/income.yaml"));

        Set<ValidationMessage> problems = schema.validate(YAML.readTree(income.replace("dropout: 0.2", "dropuot: 0.2")));

        assertThat(problems).extracting(ValidationMessage::getMessage).anySatisfy(m -> assertThat(m).contains("dropuot"));
    }
}
