package dev.mtl4j.runtime.data;

import dev.mtl4j.api.spec.FeatureSpec;

/**
 * One column used as a feature, with the declaration that matched it.
 *
 * @param column the column's name
 * @param spec the feature declaration that decides its encoding
 */
public record FeatureColumn(String column, FeatureSpec spec) {
}
