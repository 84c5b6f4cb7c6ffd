package dev.mtl4j.runtime.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.runtime.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * JSON through Jackson for run files (history, evaluation details, baselines, affinity): a
 * non-finite number is written as {@code null} (JSON has no NaN), files are written atomically.
 */
public final class Json {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    public ArrayNode array() {
        return mapper.createArrayNode();
    }

    /** {@code value}, or null when it is NaN or infinite. */
    public static void put(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    public static void add(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add(value);
        } else {
            array.addNull();
        }
    }

    /** Name to number, in the map's order. */
    public ObjectNode numbers(Map<String, Double> values) {
        ObjectNode node = object();
        values.forEach((key, value) -> put(node, key, value));
        return node;
    }

    public ArrayNode numbers(double[] values) {
        ArrayNode array = array();
        for (double value : values) {
            add(array, value);
        }
        return array;
    }

    /** On one line, for a page's script. */
    public String compact(JsonNode node) {
        return node.toString();
    }

    public String text(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written: " + e.getMessage(), e);
        }
    }

    public void write(JsonNode node, Path file, String what) {
        byte[] bytes = (text(node) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, what, out -> out.write(bytes));
    }

    /** A JSON file of a run folder; DATA_INVALID naming it when it is not JSON. */
    public JsonNode read(Path file) {
        try {
            return mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new MtlException(ErrorCategory.DATA_INVALID, file + ": not JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MtlException(ErrorCategory.IO_FAILED, file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public JsonNode parse(String text, String origin) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MtlException(ErrorCategory.DATA_INVALID, origin + ": not JSON: " + e.getOriginalMessage());
        }
    }
}
