package dev.mtl4j.runtime;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.compile.CompiledNetwork;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.Preprocessor;
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
 */
public record PreparedPipeline(PipelineSpec spec, CompiledNetwork network, Preprocessor preprocessor,
                               EncodedData train, EncodedData validation, EncodedData test, List<Path> dataFiles) {

    public PreparedPipeline {
        dataFiles = List.copyOf(dataFiles);
    }
}
