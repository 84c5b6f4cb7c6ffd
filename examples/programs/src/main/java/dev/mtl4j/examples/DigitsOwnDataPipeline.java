package dev.mtl4j.examples;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Samplers;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.api.spec.PipelineSpec;

/** {@code examples/pipelines/digits-own-data.yaml} in the Java DSL: two tasks, each with its own data set. */
public final class DigitsOwnDataPipeline {
    private DigitsOwnDataPipeline() {
    }

    /** @param dataFolder the folder of the two files, as the YAML file writes it relative to its own folder */
    public static PipelineSpec spec(String dataFolder) {
        return Mtl.pipeline("digits-own-data")
                .data(Data.features().numeric("px*"))
                .encoder(Encoders.mlp().hidden(128, 64).activation("relu"))
                .sharing(Sharing.hard())
                .task("digit", Heads.classification(10))
                .ownData(Data.csv(dataFolder + "/digits_digit_1200.csv").split(0.25, 7))
                .task("parity", Heads.classification(2))
                .ownData(Data.csv(dataFolder + "/digits_parity_300.csv").split(0.25, 7).drop("sample_id"))
                .training(t -> t.epochs(15).batchSize(32).adam(1e-3).seed(42).sampler(Samplers.temperature(2.0)))
                .build();
    }
}
