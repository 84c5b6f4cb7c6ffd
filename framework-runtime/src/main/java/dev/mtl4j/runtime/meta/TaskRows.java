package dev.mtl4j.runtime.meta;

import dev.mtl4j.runtime.data.EncodedData;

/**
 * One task's rows of a meta-learning data set, encoded.
 *
 * @param name the task column's value
 * @param rows the task's rows
 */
public record TaskRows(String name, EncodedData rows) {

    public int size() {
        return rows.size();
    }
}
