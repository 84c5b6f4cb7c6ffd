package dev.mtl4j.runtime.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.runtime.config.SearchDimension;
import dev.mtl4j.runtime.config.SearchSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A search's results as a table ({@code tuning.csv}) and as JSON ({@code tuning.json}, which the chart page reads too). */
public final class TuningFiles {
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One row per trial: id, rung, epochs, each searched key, the objective, each validation metric, seconds, failure. */
    public String csv(SearchSpec search, List<Trial> trials) {
        Set<String> metrics = new LinkedHashSet<>();
        trials.forEach(t -> t.validation().forEach((task, values) -> values.keySet().forEach(m -> metrics.add(task + "." + m))));
        List<String> header = new ArrayList<>(List.of("trial", "rung", "epochs"));
        search.space().forEach(d -> header.add(d.key()));
        header.add("objective");
        metrics.forEach(m -> header.add("validation." + m));
        header.addAll(List.of("seconds", "failure"));
        StringBuilder text = new StringBuilder(String.join(",", header.stream().map(TuningFiles::cell).toList())).append('\n');
        for (Trial trial : trials) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(trial.id()), Integer.toString(trial.rung()),
                    Integer.toString(trial.epochs())));
            search.space().forEach(d -> row.add(trial.values().get(d.key())));
            row.add(number(trial.objective()));
            for (String metric : metrics) {
                int dot = metric.lastIndexOf('.');
                Double value = trial.validation().getOrDefault(metric.substring(0, dot), Map.of()).get(metric.substring(dot + 1));
                row.add(value == null ? "" : number(value));
            }
            row.add(Double.toString(trial.seconds()));
            row.add(trial.failure() == null ? "" : trial.failure());
            text.append(String.join(",", row.stream().map(TuningFiles::cell).toList())).append('\n');
        }
        return text.toString();
    }

    /** The search, every trial, the best trial and the best pipeline's test runs. */
    public ObjectNode json(String pipeline, SearchSpec search, Objective objective, int configurations, List<Trial> trials,
                           Trial best, BestRuns runs) {
        ObjectNode root = json.createObjectNode();
        root.put("pipeline", pipeline).put("method", search.method().name().toLowerCase(Locale.ROOT))
                .put("objective", objective.describe()).put("higherIsBetter", objective.higherIsBetter())
                .put("configurations", configurations).put("seed", search.seed());
        ArrayNode space = root.putArray("space");
        for (SearchDimension dimension : search.space()) {
            ObjectNode node = space.addObject().put("key", dimension.key()).put("kind", dimension.kind().yamlName());
            if (dimension.kind() == SearchDimension.Kind.CHOICE) {
                dimension.choices().forEach(node.putArray("choices")::add);
            } else {
                node.put("low", dimension.low()).put("high", dimension.high());
            }
        }
        ArrayNode rows = root.putArray("trials");
        for (Trial trial : trials) {
            ObjectNode row = rows.addObject().put("trial", trial.id()).put("rung", trial.rung()).put("epochs", trial.epochs());
            row.set("values", json.valueToTree(trial.values()));
            if (Double.isNaN(trial.objective())) {
                row.putNull("objective");
            } else {
                row.put("objective", trial.objective());
            }
            row.put("seconds", trial.seconds());
            if (trial.failure() != null) {
                row.put("failure", trial.failure());
            }
        }
        ObjectNode bestNode = root.putObject("best").put("trial", best.id()).put("objective", best.objective());
        bestNode.set("values", json.valueToTree(best.values()));
        if (runs != null) {
            ObjectNode test = root.putObject("test");
            test.set("seeds", json.valueToTree(runs.seeds()));
            test.set("runs", json.valueToTree(runs.test()));
            test.set("means", json.valueToTree(runs.means()));
        }
        return root;
    }

    public String text(ObjectNode node) {
        try {
            return json.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6g", value);
    }

    private static String cell(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
