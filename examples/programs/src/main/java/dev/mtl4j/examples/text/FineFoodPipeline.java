package dev.mtl4j.examples.text;

import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;

/**
 * examples/pipelines/fine-food-bow.yaml in Java: review sentiment from a bag of words trained from
 * scratch. Run from the repository root.
 */
public final class FineFoodPipeline {
    private FineFoodPipeline() {
    }

    /** The pipeline; {@code dataFile} is resolved against the folder given to the runtime. */
    public static PipelineSpec spec(String dataFile) {
        return Mtl.pipeline("fine-food-bow")
                .data(Data.csv(dataFile).text("review").drop("product").splitColumn("split"))
                .encoder(Component.of("bag-of-words").param("weighting", "tf-idf").param("maxVocabulary", 10000)
                        .param("minCount", 2).param("hidden", List.of(64)).param("dropout", 0.5))
                .task("score", Heads.binary())
                .training(t -> t.epochs(5).batchSize(32).adam(1e-3).seed(42))
                .build();
    }

    public static void main(String[] args) {
        TrainingResult result = MtlRuntime.create().train(spec("../data/fine_food_reviews.csv"),
                Path.of("examples/pipelines").toAbsolutePath(), TrainingListener.SILENT);
        System.out.printf("fine-food sentiment, test accuracy %.4f%n", result.metric("test", "score", "accuracy"));
    }
}
