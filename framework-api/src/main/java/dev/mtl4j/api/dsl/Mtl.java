package dev.mtl4j.api.dsl;

/**
 * The DSL's entry point:
 *
 * <pre>{@code
 * PipelineSpec spec = Mtl.pipeline("digits")
 *     .data(Data.csv("examples/data/digits_tasks.csv").numeric("px*").split(0.2, 7))
 *     .encoder(Encoders.mlp().hidden(256, 256).activation("relu"))
 *     .sharing(Sharing.hard())
 *     .task("digit",  Heads.classification(10)).weight(0.5)
 *     .task("parity", Heads.classification(2)).weight(0.3)
 *     .task("ink",    Heads.regression(1)).weight(0.2)
 *     .training(t -> t.epochs(20).batchSize(64).adam(1e-3).seed(42))
 *     .build();
 * }</pre>
 */
public final class Mtl {
    private Mtl() {
    }

    public static PipelineBuilder pipeline(String name) {
        return new PipelineBuilder(name);
    }

    /**
     * A pipeline that starts from a trained model:
     *
     * <pre>{@code
     * TransferPipelineSpec spec = Mtl.transfer("income-transfer", "runs/income-pretrain/model.zip")
     *     .strategy(Transfers.featureExtraction())
     *     .data(Data.csv("income_marketing.csv").split(0.2, 7).limit(300))
     *     .task("INCOME", Heads.classification(9))
     *     .training(t -> t.epochs(30).seed(1))
     *     .build();
     * }</pre>
     *
     * @param name the new pipeline's name
     * @param sourceModel the trained model file
     */
    public static TransferBuilder transfer(String name, String sourceModel) {
        return new TransferBuilder(name, sourceModel);
    }
}
