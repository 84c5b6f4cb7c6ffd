package dev.mtl4j.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema an editor checks pipelines with: what the loader accepts passes, a mistake the loader refuses fails. */
final class PipelineSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final PipelineSchema schema = new PipelineSchema(new TestCatalog());
    private final JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(schema.schema());

    @Test
    void aPipelineTheLoaderReadsPasses() throws Exception {
        new PipelineYamlReader(new TestCatalog()).read(PipelineYamlReaderTest.INCOME, "p.yaml");

        assertThat(problems(PipelineYamlReaderTest.INCOME)).isEmpty();
    }

    @Test
    void aTransferPipelineIsCheckedAsOne() throws Exception {
        String transfer = """
                pipeline: t
                transfer: { from: ../../runs/income/model.zip, strategy: { type: fine-tune, lr: 1.0e-4 }, keep: [INCOME] }
                data: { source: { type: csv, path: new.csv }, split: { test: 0.2, limit: 300 } }
                tasks:
                  NEW: { head: { type: classification } }
                """;

        assertThat(problems(transfer)).isEmpty();
        assertThat(problems(transfer.replace("data: {", "encoder: { type: mlp, hidden: [4] }\ndata: {")))
                .anySatisfy(p -> assertThat(p).contains("encoder"));
    }

    @Test
    void theMistakesTheLoaderRefusesFail() throws Exception {
        assertThat(problems(PipelineYamlReaderTest.INCOME.replace("epochs: 20", "epoch: 20"))).anySatisfy(p -> assertThat(p).contains("epoch"));
        assertThat(problems(PipelineYamlReaderTest.INCOME.replace("hidden: [64, 64]", "hidden: [0, 64]")))
                .anySatisfy(p -> assertThat(p).contains("hidden"));
        assertThat(problems(PipelineYamlReaderTest.INCOME.replace("activation: relu", "activation: rleu")))
                .anySatisfy(p -> assertThat(p).contains("activation"));
        assertThat(problems(PipelineYamlReaderTest.INCOME.replace("type: mlp,", "type: mlpp,")))
                .anySatisfy(p -> assertThat(p).contains("type"));
        assertThat(problems(PipelineYamlReaderTest.INCOME.replace("test: 0.2,", "test: 1.5,")))
                .anySatisfy(p -> assertThat(p).contains("test"));
        assertThat(problems(PipelineYamlReaderTest.INCOME.replace("encoder: {", "encoders: {"))).isNotEmpty();
    }

    @Test
    void eachComponentTypeDocumentsItsParameters() {
        JsonNode mlp = schema.schema().at("/definitions/encoder/allOf/0/then/properties");

        assertThat(schema.schema().at("/definitions/encoder/properties/type/enum").toString()).isEqualTo("[\"mlp\"]");
        assertThat(mlp.at("/hidden/items/minimum").asInt()).isEqualTo(1);
        assertThat(mlp.at("/activation/default").asText()).isEqualTo("relu");
        assertThat(mlp.at("/dropout/description").asText()).isEqualTo("dropout");
        assertThat(schema.schema().at("/definitions/encoder/allOf/0/then/required").toString()).isEqualTo("[\"hidden\"]");
    }

    private List<String> problems(String yaml) throws Exception {
        return validator.validate(YAML.readTree(yaml)).stream().map(ValidationMessage::getMessage).toList();
    }
}
