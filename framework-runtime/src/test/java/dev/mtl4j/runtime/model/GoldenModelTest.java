package dev.mtl4j.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Predictions;
import dev.mtl4j.runtime.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A model saved by format 1 (mtl4j 0.1.0) keeps loading and predicting what it predicted then.
 * When the format changes, keep this file and add a golden file of the new format beside it.
 */
final class GoldenModelTest {

    @Test
    void formatOneModelLoadsAndPredictsAsWhenSaved() throws IOException, URISyntaxException {
        Path golden = Path.of(getClass().getResource("/golden/digits-format1.zip").toURI());
        MtlRuntime runtime = MtlRuntime.create();

        TrainedModel model = runtime.load(golden);
        Predictions predictions = runtime.predict(model, Repository.file("examples/data/digits_tasks.csv"));

        StringWriter csv = new StringWriter();
        predictions.writeCsv(csv);
        List<String> lines = Arrays.asList(csv.toString().split("\n"));
        List<String> expected;
        try (InputStream in = getClass().getResourceAsStream("/golden/digits-format1-predictions.csv")) {
            expected = Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        assertThat(lines.subList(0, expected.size())).isEqualTo(expected);
        assertThat(model.provenance().seed()).isEqualTo(5);
        assertThat(model.spec().name()).isEqualTo("golden-digits");
    }
}
