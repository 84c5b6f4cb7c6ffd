package dev.mtl4j.runtime.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.predict.ClassPrediction;
import dev.mtl4j.runtime.predict.Predictor;
import dev.mtl4j.runtime.predict.ShopModel;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prediction server, spoken to with the JDK's HTTP client over the loopback interface. */
final class PredictionServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    private static Predictor predictor;
    private static PredictionServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        predictor = Predictor.of(ShopModel.train(MtlRuntime.create(), folder));
        server = PredictionServer.start(predictor, new ServerOptions(new InetSocketAddress("127.0.0.1", 0), 4, 4096, 20));
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void answersHealthAndWhatTheModelReads() throws Exception {
        HttpResponse<String> health = get("/health");
        JsonNode model = JSON.readTree(get("/model").body());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("ok");
        assertThat(model.get("pipeline").asText()).isEqualTo("shop");
        assertThat(model.get("features").toString()).isEqualTo("[\"height\",\"weight\",\"colour\"]");
        assertThat(model.at("/tasks/0/classes").toString()).isEqualTo("[\"L\",\"M\",\"S\"]");
    }

    @Test
    void predictsARecordAndABatchAsThePredictorDoes() throws Exception {
        String record = "{\"height\": 90, \"weight\": 40, \"colour\": \"red\"}";

        HttpResponse<String> one = post(record);
        HttpResponse<String> batch = post("[" + record + ", {\"height\": 20, \"weight\": 3.5, \"colour\": \"green\"}]");

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode answer = JSON.readTree(one.body());
        ClassPrediction size = predictor.predict(Map.of("height", 90, "weight", 40, "colour", "red"))
                .task("size", ClassPrediction.class);
        assertThat(answer.at("/size/label").asText()).isEqualTo(size.label());
        assertThat(answer.at("/size/probabilities/L").asDouble()).isCloseTo(size.probabilities().get("L"), within(1e-6));
        assertThat(answer.at("/heavy/label").asText()).isEqualTo("yes");
        assertThat(answer.at("/tags/labels/tall").asBoolean()).isTrue();
        assertThat(answer.at("/price/values/price").asDouble()).isGreaterThan(100);
        JsonNode both = JSON.readTree(batch.body());
        assertThat(batch.statusCode()).isEqualTo(200);
        assertThat(both.size()).isEqualTo(2);
        // one forward pass for two rows: the same answer, but for the last float bits
        assertThat(both.at("/0/size/label")).isEqualTo(answer.at("/size/label"));
        assertThat(both.at("/0/price/values/price").asDouble()).isCloseTo(answer.at("/price/values/price").asDouble(), within(1e-3));
        assertThat(both.at("/1/size/label").asText()).isEqualTo("S");
    }

    @Test
    void badRequestsGetAClear4xx() throws Exception {
        assertRefused(post("{\"height\": 90, "), 400, "not JSON");
        assertRefused(post("42"), 400, "expected a record");
        assertRefused(post("[{\"height\": 90, \"weight\": 40, \"colour\": \"red\"}, 7]"), 400, "records[1]");
        assertRefused(post("{\"height\": 90, \"wieght\": 40, \"colour\": \"red\"}"), 422, "did you mean 'weight'");
        assertRefused(post("{\"height\": 90, \"weight\": 40, \"colour\": \"purple\"}"), 422, "purple");
        assertRefused(post("{\"height\": \"tall\", \"weight\": 40, \"colour\": \"red\"}"), 422, "height");
        assertRefused(post("[" + "{},".repeat(20) + "{}]"), 413, "at most 20");
        assertRefused(post("{\"colour\": \"" + "r".repeat(5000) + "\"}"), 413, "at most 4096");
        assertRefused(send(HttpRequest.newBuilder(uri("/predict")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("height,weight")).build()), 415, "application/json");
        assertRefused(get("/predict"), 405, "only POST");
        assertRefused(get("/nothing"), 404, "POST /predict");
    }

    @Test
    void servesConcurrentClients() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String body = "{\"height\": " + (10 + 2.5 * i) + ", \"weight\": 10, \"colour\": \"blue\"}";
            answers.add(client.sendAsync(HttpRequest.newBuilder(uri("/predict")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < answers.size(); i++) {
            HttpResponse<String> answer = answers.get(i).get();
            assertThat(answer.statusCode()).isEqualTo(200);
            String expected = predictor.predict(Map.of("height", 10 + 2.5 * i, "weight", 10, "colour", "blue"))
                    .task("size", ClassPrediction.class).label();
            assertThat(JSON.readTree(answer.body()).at("/size/label").asText()).isEqualTo(expected);
        }
    }

    private static void assertRefused(HttpResponse<String> response, int status, String says) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains(says);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private static HttpResponse<String> post(String json) throws Exception {
        return send(HttpRequest.newBuilder(uri("/predict")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }
}
