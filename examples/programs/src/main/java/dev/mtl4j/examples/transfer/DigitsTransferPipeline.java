package dev.mtl4j.examples.transfer;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Transfers;
import dev.mtl4j.api.spec.TransferPipelineSpec;

/** {@code examples/pipelines/digits-transfer.yaml} in the Java DSL: a frozen pretrained encoder feeding one new head. */
public final class DigitsTransferPipeline {
    private DigitsTransferPipeline() {
    }

    /**
     * @param sourceModel the model trained by digits-0to4.yaml, as the YAML file writes it relative to its folder
     * @param dataFile digits_5to9.csv, likewise
     */
    public static TransferPipelineSpec spec(String sourceModel, String dataFile) {
        return Mtl.transfer("digits-transfer", sourceModel)
                .strategy(Transfers.featureExtraction())
                .data(Data.csv(dataFile).split(0.5, 7).limit(50))
                .task("digit", Heads.classification(5))
                .training(t -> t.epochs(40).batchSize(32).adam(1e-3).seed(1))
                .build();
    }
}
