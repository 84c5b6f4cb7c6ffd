package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.reference.ReferenceModel;
import dev.mtl4j.runtime.reference.ReferenceRuns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The network's metrics and the reference models' on the same rows ({@code --reference}). */
record References(String split, Map<String, Map<String, Map<String, Map<String, Double>>>> bySplit) {
    static final String FILE = "reference.json";
    static final String NETWORK = "mtl4j";

    /** Trains the reference models with the pipeline's seed on its training rows; the network's metrics from its result. */
    static References of(PreparedPipeline prepared, TrainingResult result) {
        Map<String, Map<String, Map<String, Map<String, Double>>>> models = ReferenceRuns.run(prepared,
                List.of(ReferenceModel.GBM, ReferenceModel.LINEAR), prepared.spec().training().seed());
        Map<String, Map<String, Map<String, Map<String, Double>>>> bySplit = new LinkedHashMap<>();
        for (String split : List.of("validation", "test")) {
            if (!result.metrics().containsKey(split)) {
                continue;
            }
            Map<String, Map<String, Map<String, Double>>> columns = new LinkedHashMap<>();
            columns.put(NETWORK, result.metrics().get(split));
            models.forEach((model, splits) -> columns.put(model, splits.get(split)));
            bySplit.put(split, columns);
        }
        String shown = bySplit.containsKey("test") ? "test" : "validation";
        return new References(shown, bySplit);
    }

    /** Split to model to task to metric to value, as reference.json holds it. */
    Map<String, Object> all() {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, String> models = new LinkedHashMap<>();
        models.put(NETWORK, "the pipeline's network");
        for (ReferenceModel model : ReferenceModel.values()) {
            models.put(model.label(), model.description());
        }
        json.put("models", models);
        json.put("splits", bySplit);
        return json;
    }

    String render() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%nthe network beside reference models on the %s rows "
                + "(same split and encoded features; docs/tuning.md):%n", split));
        for (ReferenceModel model : ReferenceModel.values()) {
            text.append("  ").append(model.label()).append(": ").append(model.description()).append('\n');
        }
        return text.append(ReferenceTable.render(bySplit.get(split))).toString();
    }
}
