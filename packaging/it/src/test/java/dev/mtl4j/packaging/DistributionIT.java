package dev.mtl4j.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive {@code mvn package} makes runs {@code mtl train} on the income example, unpacked far
 * from the checkout, and {@code mtl serve} answers with the model it trained.
 */
final class DistributionIT {
    @TempDir
    Path elsewhere;

    @Test
    void theUnpackedArchiveTrainsTheIncomeExample() throws Exception {
        String name = "mtl-" + Checkout.version();
        Path archive = Checkout.root().resolve("packaging/distribution/target").resolve(name + ".tar.gz");
        assertThat(archive).isRegularFile();
        Command.Result unpack = Command.run(elsewhere, Map.of(), Duration.ofMinutes(2),
                List.of("tar", "xzf", archive.toString()));
        assertThat(unpack.exit()).as(unpack.output()).isZero();
        Path home = elsewhere.resolve(name);
        assertThat(home.resolve("bin/mtl")).isExecutable();
        assertThat(home.resolve("lib")).isDirectoryContaining("glob:**/mtl4j-framework-runtime-*.jar")
                .isDirectoryContaining("glob:**/picocli-*.jar").isDirectoryContaining("glob:**/slf4j-nop-*.jar");

        Path out = elsewhere.resolve("runs/income");
        Command.Result train = Command.run(home, Map.of("OMP_NUM_THREADS", "1"), Duration.ofMinutes(5),
                List.of("bin/mtl", "train", "examples/pipelines/income.yaml", "--out", out.toString()));

        assertThat(train.exit()).as(train.output()).isZero();
        assertThat(out.resolve("model.zip")).isRegularFile();
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        // Learned, not just run: the majority class of MARITAL.STATUS is 0.41 of the rows, of INCOME 0.19.
        assertThat(metrics.at("/MARITAL.STATUS/test/accuracy").asDouble()).isGreaterThan(0.6);
        assertThat(metrics.at("/INCOME/test/accuracy").asDouble()).isGreaterThan(0.25);

        servesTheModel(home, out.resolve("model.zip"));
    }

    /** {@code bin/mtl serve MODEL --port 0} answers a record over HTTP until it is stopped. */
    private static void servesTheModel(Path home, Path model) throws Exception {
        Process server = new ProcessBuilder("bin/mtl", "serve", model.toString(), "--port", "0").directory(home.toFile())
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> started = CompletableFuture.supplyAsync(() -> output.lines()
                    .filter(line -> line.startsWith("serving ")).findFirst().orElse("(ended without serving)"));
            String line = started.get(3, TimeUnit.MINUTES);
            Matcher address = Pattern.compile("on (http://[^:]+:\\d+)").matcher(line);
            assertThat(address.find()).as(line).isTrue();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(address.group(1) + "/predict"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"SEX\": \"Female\", \"AGE\": \"35-44\", \"EDUCATION\": \"College graduate\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> info = client.send(HttpRequest.newBuilder(URI.create(address.group(1) + "/model")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(info.statusCode()).isEqualTo(200);
            JsonNode features = new ObjectMapper().readTree(info.body()).get("features");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422); // the other features are missing
            assertThat(answer.body()).contains("missing");
            StringBuilder full = new StringBuilder("{");
            features.forEach(f -> full.append(full.length() > 1 ? ", " : "").append('"').append(f.asText()).append("\": null"));
            HttpResponse<String> predicted = client.send(HttpRequest.newBuilder(URI.create(address.group(1) + "/predict"))
                    .POST(HttpRequest.BodyPublishers.ofString(full.append('}').toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(predicted.statusCode()).as(predicted.body()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(predicted.body()).at("/MARITAL.STATUS/label").asText()).isNotBlank();
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
