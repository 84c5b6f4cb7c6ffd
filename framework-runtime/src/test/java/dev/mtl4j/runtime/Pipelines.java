package dev.mtl4j.runtime;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.PipelineBuilder;

/** Small pipelines over the bundled data, for tests. */
public final class Pipelines {
    private Pipelines() {
    }

    public static String digitsFile() {
        return Repository.file("examples/data/digits_tasks.csv").toString();
    }

    public static String incomeFile() {
        return Repository.file("examples/data/income_marketing.csv").toString();
    }

    /** Digits, a small shared MLP, the given tasks added by the caller. */
    public static PipelineBuilder digits(int epochs, int... hidden) {
        return Mtl.pipeline("digits-test")
                .data(Data.csv(digitsFile()).numeric("px*").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(hidden).activation("relu"))
                .training(t -> t.epochs(epochs).batchSize(64).adam(1e-3).seed(42));
    }

    public static PipelineBuilder income(int epochs) {
        return Mtl.pipeline("income-test")
                .data(Data.csv(incomeFile()).categorical("*").drop("DUAL.INCOMES").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(64, 32).activation("relu").dropout(0.2))
                .training(t -> t.epochs(epochs).batchSize(64).adam(1e-3).seed(42));
    }

    /**
     * The digit class from digits_digit_1200.csv (1,200 rows) and the parity from
     * digits_parity_300.csv (300 other rows), each task with its own file and a 25 % test split.
     *
     * @param sampler the task sampler, or null for the default
     */
    public static dev.mtl4j.api.spec.PipelineSpec ownData(int epochs, dev.mtl4j.api.dsl.ComponentSource sampler, long seed) {
        return Mtl.pipeline("own-data-test")
                .data(Data.features().numeric("px*"))
                .encoder(Encoders.mlp().hidden(64).activation("relu"))
                .task("digit", Heads.classification(10))
                .ownData(Data.csv(Repository.file("examples/data/digits_digit_1200.csv").toString()).split(0.25, 7))
                .task("parity", Heads.classification(2))
                .ownData(Data.csv(Repository.file("examples/data/digits_parity_300.csv").toString()).split(0.25, 7))
                .training(t -> {
                    t.epochs(epochs).batchSize(32).adam(3e-3).seed(seed);
                    if (sampler != null) {
                        t.sampler(sampler);
                    }
                })
                .build();
    }

    public static Heads.Head classification() {
        return Heads.classification();
    }
}
