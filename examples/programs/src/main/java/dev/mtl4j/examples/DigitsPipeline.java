package dev.mtl4j.examples;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.api.spec.PipelineSpec;

/** The digits pipeline of {@code examples/pipelines/digits.yaml}, written in the Java DSL. */
public final class DigitsPipeline {
    private DigitsPipeline() {
    }

    /**
     * @param dataFile the digits_tasks.csv path, as the YAML file writes it relative to its folder
     */
    public static PipelineSpec spec(String dataFile) {
        return Mtl.pipeline("digits")
                .data(Data.csv(dataFile).numeric("px*").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(256, 256).activation("relu"))
                .sharing(Sharing.hard())
                .task("digit", Heads.classification(10)).weight(0.5)
                .task("parity", Heads.classification(2)).weight(0.3)
                .task("ink", Heads.regression(1)).weight(0.2)
                .training(t -> t.epochs(20).batchSize(64).adam(1e-3).seed(42))
                .build();
    }
}
