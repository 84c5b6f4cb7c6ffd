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

    public static Heads.Head classification() {
        return Heads.classification();
    }
}
