package dev.mtl4j.runtime.model;

import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.TrainingCheckpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code mtl4j/checkpoint.yaml}: a checkpoint's plain values and its run's identity. Doubles are
 * written by SnakeYAML as Java's shortest round-trip text, so they read back to the same bits (a
 * resumed run compares its early stopping and divergence rule against exactly the saved numbers;
 * SnakeYAML writes NaN as {@code .NaN} and reads it back as NaN).
 */
final class CheckpointState {
    static final int FORMAT = 1;

    private CheckpointState() {
    }

    static Map<String, Object> toMap(TrainingCheckpoint checkpoint, RunIdentity identity, int epochs) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("format", FORMAT);
        map.put("epochsDone", checkpoint.epochsDone());
        map.put("epochs", epochs);
        map.put("pipelineSha256", identity.pipelineSha256());
        map.put("pipeline", identity.pipeline());
        map.put("dataFiles", identity.dataFiles());
        map.put("iterationCount", checkpoint.iterationCount());
        map.put("epochCount", checkpoint.epochCount());
        map.put("randomRoot", checkpoint.randomRoot());
        map.put("randomNode", checkpoint.randomNode());
        map.put("divergenceStarts", java.util.Arrays.stream(checkpoint.divergenceStarts()).boxed().toList());
        TrainingCheckpoint.Stopping stopping = checkpoint.stopping();
        Map<String, Object> stop = new LinkedHashMap<>();
        stop.put("best", stopping.best());
        stop.put("bestEpoch", stopping.bestEpoch());
        stop.put("sinceBest", stopping.sinceBest());
        stop.put("bestParams", stopping.bestParams() != null);
        map.put("earlyStopping", stop);
        List<Map<String, Object>> history = new ArrayList<>();
        for (EpochReport report : checkpoint.history()) {
            Map<String, Object> epoch = new LinkedHashMap<>();
            epoch.put("epoch", report.epoch());
            epoch.put("trainLoss", report.trainLoss());
            epoch.put("validationLoss", report.validationLoss());
            epoch.put("seconds", report.seconds());
            epoch.put("metrics", report.metrics());
            epoch.put("taskLosses", report.taskLosses());
            epoch.put("weights", report.weights());
            epoch.put("validationTaskLosses", report.validationTaskLosses());
            epoch.put("trainMetrics", report.trainMetrics());
            epoch.put("weighting", report.weighting());
            history.add(epoch);
        }
        map.put("history", history);
        map.put("weighting", checkpoint.weighting());
        return map;
    }

    static RunIdentity identity(Map<String, Object> map) {
        return new RunIdentity(text(map, "pipeline"), list(map, "dataFiles").stream().map(entry -> {
            Map<?, ?> file = (Map<?, ?>) entry;
            Map<String, String> copy = new LinkedHashMap<>();
            copy.put("file", String.valueOf(file.get("file")));
            copy.put("sha256", String.valueOf(file.get("sha256")));
            return copy;
        }).toList());
    }

    /** The plain values of a checkpoint around the arrays read from its other entries. */
    static TrainingCheckpoint fromMap(Map<String, Object> map, INDArray params, INDArray updaterState, INDArray bestParams) {
        Map<?, ?> stop = (Map<?, ?>) map.get("earlyStopping");
        TrainingCheckpoint.Stopping stopping = new TrainingCheckpoint.Stopping(number(stop, "best"),
                whole(stop, "bestEpoch"), bestParams, whole(stop, "sinceBest"));
        List<EpochReport> history = new ArrayList<>();
        for (Object item : list(map, "history")) {
            Map<?, ?> epoch = (Map<?, ?>) item;
            history.add(new EpochReport(whole(epoch, "epoch"), number(epoch, "trainLoss"), number(epoch, "validationLoss"),
                    metrics(epoch.get("metrics")), number(epoch, "seconds"), numbers(epoch.get("taskLosses")),
                    numbers(epoch.get("weights")), epoch.get("validationTaskLosses") == null ? Map.of() : numbers(epoch.get("validationTaskLosses")),
                    epoch.get("trainMetrics") == null ? Map.of() : metrics(epoch.get("trainMetrics")),
                    epoch.get("weighting") instanceof String type ? type : dev.mtl4j.api.spec.TrainingSpec.DEFAULT_WEIGHTING));
        }
        Map<String, Object> weighting = new LinkedHashMap<>();
        if (map.get("weighting") instanceof Map<?, ?> saved) {
            saved.forEach((key, value) -> weighting.put(String.valueOf(key), value));
        }
        return new TrainingCheckpoint(whole(map, "epochsDone"), params, updaterState, whole(map, "iterationCount"),
                whole(map, "epochCount"), ((Number) map.get("randomRoot")).longValue(),
                ((Number) map.get("randomNode")).longValue(),
                list(map, "divergenceStarts").stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray(), stopping, history,
                weighting);
    }

    static boolean hasBestParams(Map<String, Object> map) {
        return Boolean.TRUE.equals(((Map<?, ?>) map.get("earlyStopping")).get("bestParams"));
    }

    private static Map<String, Map<String, Double>> metrics(Object value) {
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((task, values) -> metrics.put((String) task, numbers(values)));
        return metrics;
    }

    private static Map<String, Double> numbers(Object value) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((name, v) -> numbers.put((String) name, ((Number) v).doubleValue()));
        return numbers;
    }

    static int whole(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof Integer number)) {
            throw new IllegalArgumentException("'" + key + "' is not a whole number: " + value);
        }
        return number;
    }

    private static double number(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("'" + key + "' is not a number: " + value);
        }
        return number.doubleValue();
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("'" + key + "' is not text: " + value);
        }
        return text;
    }

    private static List<?> list(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("'" + key + "' is not a list: " + value);
        }
        return list;
    }
}
