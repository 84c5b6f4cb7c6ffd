package dev.mtl4j.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The history as one CSV row per epoch, for a spreadsheet or pandas: {@code epoch, seconds,
 * train_loss, validation_loss}, a {@code learning_rate[GROUP]} column per layer group, then per task
 * {@code weight[TASK]}, {@code train_METRIC[TASK]} and {@code validation_METRIC[TASK]}. A missing value
 * is an empty cell. Written from the history's JSON, so both files always say the same.
 */
final class HistoryCsv {
    private HistoryCsv() {
    }

    static String of(JsonNode history) {
        List<String> header = new ArrayList<>(List.of("epoch", "seconds", "train_loss", "validation_loss"));
        List<String[]> paths = new ArrayList<>();
        for (String group : names(history, "learningRates", null)) {
            header.add("learning_rate[" + group + "]");
            paths.add(new String[] {"learningRates", group});
        }
        for (JsonNode taskNode : history.get("tasks")) {
            String task = taskNode.asText();
            header.add("weight[" + task + "]");
            paths.add(new String[] {"tasks", task, "weight"});
            for (String split : List.of("train", "validation")) {
                for (String metric : names(history, split, task)) {
                    header.add(split + "_" + metric + "[" + task + "]");
                    paths.add(new String[] {"tasks", task, split, metric});
                }
            }
        }
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", header.stream().map(HistoryCsv::quote).toList())).append('\n');
        for (JsonNode epoch : history.get("epochs")) {
            List<String> row = new ArrayList<>();
            row.add(epoch.get("epoch").asText());
            row.add(number(epoch.path("seconds")));
            row.add(number(epoch.path("loss").path("train")));
            row.add(number(epoch.path("loss").path("validation")));
            for (String[] path : paths) {
                JsonNode value = epoch;
                for (String step : path) {
                    value = value.path(step);
                }
                row.add(number(value));
            }
            csv.append(String.join(",", row)).append('\n');
        }
        return csv.toString();
    }

    /** Every key seen in any epoch under {@code learningRates}, or under a task's split. */
    private static Set<String> names(JsonNode history, String field, String task) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode epoch : history.get("epochs")) {
            JsonNode node = task == null ? epoch.path(field) : epoch.path("tasks").path(task).path(field);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
        }
        return names;
    }

    private static String number(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%s", value.asDouble()) : "";
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
