package dev.mtl4j.runtime.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A pipeline's data read, split, fitted and encoded: what training needs.
 *
 * @param preprocessor fitted on the training rows (or a source model's, extended)
 * @param train training rows
 * @param validation validation rows, or null
 * @param test test rows, or null
 * @param dataSetSizes when tasks bring their own data sets: how many of {@code train}'s rows each data
 *     set has, in order (they are stacked), for the task sampler; null when every task reads the
 *     pipeline's rows
 * @param files the files read, for provenance
 */
public record PreparedData(Preprocessor preprocessor, EncodedData train, EncodedData validation, EncodedData test,
                           int[] dataSetSizes, List<Path> files) {

    public PreparedData {
        dataSetSizes = dataSetSizes == null ? null : dataSetSizes.clone();
        files = List.copyOf(files);
    }

    @Override
    public int[] dataSetSizes() {
        return dataSetSizes == null ? null : dataSetSizes.clone();
    }
}
