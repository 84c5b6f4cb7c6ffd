package dev.mtl4j.runtime.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/** Reading a bounded JSON body and writing JSON answers. */
final class Exchanges {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final ObjectMapper json;

    Exchanges(ObjectMapper json) {
        this.json = json;
    }

    /** The request body as JSON; refused (413) past {@code limit} bytes, whatever Content-Length says. */
    JsonNode body(HttpExchange exchange, int limit) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw HttpProblem.of(415, "Content-Type " + type + "; send application/json").raise();
        }
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && parse(declared) > limit) {
            throw HttpProblem.of(413, "a body of " + declared + " bytes; at most " + limit).raise();
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(limit + 1);
        }
        if (body.length > limit) {
            throw HttpProblem.of(413, "a body over " + limit + " bytes").raise();
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw HttpProblem.of(400, "an empty body; send a record (a JSON object) or an array of records").raise();
            }
            return node;
        } catch (JsonProcessingException e) {
            throw HttpProblem.of(400, "not JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")").raise();
        }
    }

    Map<String, Object> map(JsonNode object) {
        return json.convertValue(object, MAP);
    }

    void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The error as {@code {"error": first problem, "problems": [...]}}; nothing when the answer was already started. */
    void refuse(HttpExchange exchange, HttpProblem problem) throws IOException {
        if (exchange.getResponseCode() != -1) {
            return;
        }
        send(exchange, problem.status(), Map.of("error", problem.problems().get(0), "problems", problem.problems()));
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw HttpProblem.of(400, "Content-Length is not a number: " + length).raise();
        }
    }
}
