package dev.mtl4j.runtime.tune;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trials file of a search ({@code trials.jsonl} in the output folder): one JSON line per
 * finished trial, appended and flushed as each finishes, so a killed search loses only the trials
 * in flight. A re-run reads it and skips what it holds; a last line cut short by a kill is ignored.
 */
public final class TrialJournal {
    public static final String FILE = "trials.jsonl";
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() { };
    private static final TypeReference<Map<String, Map<String, Double>>> METRICS = new TypeReference<>() { };

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Trial> finished = new LinkedHashMap<>();

    public TrialJournal(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            read();
        }
    }

    private void read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MtlException(ErrorCategory.IO_FAILED, file + ": cannot be read: " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            try {
                JsonNode node = json.readTree(lines.get(i));
                Trial trial = new Trial(node.get("trial").asInt(), node.get("rung").asInt(), node.get("epochs").asInt(),
                        json.convertValue(node.get("values"), VALUES), node.get("objective").isNull() ? Double.NaN
                        : node.get("objective").asDouble(), json.convertValue(node.get("validation"), METRICS),
                        node.get("seconds").asDouble(), node.hasNonNull("failure") ? node.get("failure").asText() : null);
                finished.put(trial.key(), trial);
            } catch (IOException | RuntimeException e) {
                if (i < lines.size() - 1) {
                    throw new MtlException(ErrorCategory.DATA_INVALID, file + ": line " + (i + 1) + " is not a trial record "
                            + "(" + e.getMessage() + "); remove the file or use another --out");
                }
                // the last line of a killed run: the trial runs again
            }
        }
    }

    public Path file() {
        return file;
    }

    /** The finished trial at this id and rung, if any. */
    public synchronized Trial finished(int id, int rung) {
        return finished.get(id + "@" + rung);
    }

    /** Records a finished trial: one line, appended and forced to disk. */
    public synchronized void append(Trial trial) {
        ObjectNode node = json.createObjectNode();
        node.put("trial", trial.id()).put("rung", trial.rung()).put("epochs", trial.epochs());
        node.set("values", json.valueToTree(trial.values()));
        if (Double.isNaN(trial.objective())) {
            node.putNull("objective");
        } else {
            node.put("objective", trial.objective());
        }
        node.set("validation", json.valueToTree(finite(trial.validation())));
        node.put("seconds", trial.seconds());
        if (trial.failure() != null) {
            node.put("failure", trial.failure());
        }
        try {
            byte[] line = (json.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
            try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(java.nio.ByteBuffer.wrap(line));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finished.put(trial.key(), trial);
    }

    private static Map<String, Map<String, Double>> finite(Map<String, Map<String, Double>> metrics) {
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        metrics.forEach((task, values) -> {
            Map<String, Double> kept = new LinkedHashMap<>();
            values.forEach((name, value) -> kept.put(name, value.isNaN() || value.isInfinite() ? null : value));
            copy.put(task, kept);
        });
        return copy;
    }
}
