package dev.mtl4j.runtime;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.compile.CompiledNetwork;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.train.DataSetRows;
import java.nio.file.Path;
import java.util.List;

/**
 * A pipeline ready to train: its data read, split and encoded, its network compiled and initialised
 * (seeded, so two preparations of one spec start from the same weights).
 *
 * @param spec the pipeline
 * @param network the untrained network
 * @param preprocessor fitted on the training rows
 * @param train training rows
 * @param validation validation rows, or null
 * @param test test rows, or null
 * @param dataFiles the files read, for provenance
 * @param dataSets when tasks bring their own data sets: the training rows of each, stacked in
 *     {@code train}'s order, for the task sampler; null when every task reads the pipeline's rows
 */
public record PreparedPipeline(PipelineSpec spec, CompiledNetwork network, Preprocessor preprocessor,
                               EncodedData train, EncodedData validation, EncodedData test, List<Path> dataFiles,
                               DataSetRows dataSets) {

    public PreparedPipeline {
        dataFiles = List.copyOf(dataFiles);
    }

    public PreparedPipeline(PipelineSpec spec, CompiledNetwork network, Preprocessor preprocessor, EncodedData train,
                            EncodedData validation, EncodedData test, List<Path> dataFiles) {
        this(spec, network, preprocessor, train, validation, test, dataFiles, null);
    }
}
