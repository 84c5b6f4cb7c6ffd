package dev.mtl4j.runtime.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.runtime.predict.Prediction;
import dev.mtl4j.runtime.predict.Predictor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The three endpoints, and the one place a failed request becomes a status and a JSON error. */
final class Routes implements HttpHandler {
    private final Exchanges exchanges;
    private final Predictor predictor;
    private final ServerOptions options;

    Routes(Exchanges exchanges, Predictor predictor, ServerOptions options) {
        this.exchanges = exchanges;
        this.predictor = predictor;
        this.options = options;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/predict" -> predict(exchange);
                case "/model" -> exchanges.send(exchange, 200, only(exchange, "GET", predictor.info()));
                case "/health" -> exchanges.send(exchange, 200, only(exchange, "GET", Map.of("status", "ok")));
                default -> throw HttpProblem.of(404, "no endpoint " + path + "; POST /predict, GET /model, GET /health").raise();
            }
        } catch (HttpProblem.Refused refused) {
            exchanges.refuse(exchange, refused.problem());
        } catch (RuntimeException e) {
            exchanges.refuse(exchange, HttpProblem.of(500, e instanceof MtlException ? e.getMessage() : "internal error: " + e));
        } finally {
            exchange.close();
        }
    }

    private void predict(HttpExchange exchange) throws IOException {
        only(exchange, "POST", null);
        JsonNode body = exchanges.body(exchange, options.maxBodyBytes());
        if (body.isObject()) {
            exchanges.send(exchange, 200, predictions(List.of(record(body, "record"))).get(0).tasks());
        } else if (body.isArray()) {
            if (body.size() > options.maxRecords()) {
                throw HttpProblem.of(413, body.size() + " records in one request; at most " + options.maxRecords()).raise();
            }
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
                records.add(record(body.get(i), "records[" + i + "]"));
            }
            exchanges.send(exchange, 200, predictions(records).stream().map(Prediction::tasks).toList());
        } else {
            throw HttpProblem.of(400, "expected a record (a JSON object) or an array of records").raise();
        }
    }

    private List<Prediction> predictions(List<Map<String, Object>> records) {
        try {
            return predictor.predict(records);
        } catch (MtlException e) {
            if (e.category() == ErrorCategory.DATA_INVALID) {
                throw new HttpProblem(422, e.lines()).raise();
            }
            throw e;
        }
    }

    private Map<String, Object> record(JsonNode node, String where) {
        if (!node.isObject()) {
            throw HttpProblem.of(400, where + ": expected a JSON object of column names to values").raise();
        }
        return exchanges.map(node);
    }

    private static <T> T only(HttpExchange exchange, String method, T result) {
        if (!exchange.getRequestMethod().equals(method)) {
            exchange.getResponseHeaders().set("Allow", method);
            throw HttpProblem.of(405, exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + ": only " + method).raise();
        }
        return result;
    }
}
