package dev.mtl4j.runtime.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.runtime.compare.MetricComparison;
import dev.mtl4j.runtime.compare.TaskComparison;
import java.util.List;
import java.util.Locale;

/**
 * A comparison of two models as JSON ({@code baselines.json}, {@code transfer-comparison.json}): per
 * task each metric's means, difference, 95% interval and outcome, and the verdict.
 */
public final class ComparisonJson {
    private ComparisonJson() {
    }

    /**
     * @param labels what A and B are, e.g. {@code ["multi-task", "alone"]}
     * @param subject who the verdict speaks of, e.g. {@code multi-task learning}
     */
    public static ObjectNode of(Json json, List<String> labels, String subject, String split, List<Long> seeds,
                                List<TaskComparison> tasks, double deltaM, double deltaMFirst) {
        ObjectNode root = json.object();
        ArrayNode names = root.putArray("labels");
        labels.forEach(names::add);
        root.put("split", split);
        ArrayNode seedList = root.putArray("seeds");
        seeds.forEach(seedList::add);
        root.put("rule", "95% interval of the mean difference over seeds: Student's t over the seeds' differences and a "
                + "paired bootstrap over the rows, combined in quadrature; better or worse when it excludes 0");
        Json.put(root, "deltaM", deltaM);
        Json.put(root, "deltaMFirst", deltaMFirst);
        ArrayNode list = root.putArray("tasks");
        for (TaskComparison task : tasks) {
            ObjectNode node = list.addObject();
            node.put("task", task.task());
            node.put("kind", task.verdict().kind().name().toLowerCase(Locale.ROOT));
            node.put("verdict", task.verdict().text(subject, labels.get(1)));
            ArrayNode metrics = node.putArray("metrics");
            for (MetricComparison m : task.metrics()) {
                ObjectNode entry = metrics.addObject();
                entry.put("metric", m.metric());
                Json.put(entry, "a", m.a());
                Json.put(entry, "b", m.b());
                Json.put(entry, "difference", m.difference());
                Json.put(entry, "low", m.low());
                Json.put(entry, "high", m.high());
                entry.put("outcome", m.outcome().name().toLowerCase(Locale.ROOT));
            }
        }
        return root;
    }
}
