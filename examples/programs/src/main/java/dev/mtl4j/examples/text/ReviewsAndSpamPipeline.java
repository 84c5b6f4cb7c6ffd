package dev.mtl4j.examples.text;

import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Samplers;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;

/**
 * examples/pipelines/reviews-and-spam.yaml in Java: review sentiment, spam and hard ham, each task
 * with its own data set, on one shared bag-of-words encoder. Run from the repository root.
 */
public final class ReviewsAndSpamPipeline {
    private ReviewsAndSpamPipeline() {
    }

    /** The pipeline; data paths are resolved against the folder given to the runtime. */
    public static PipelineSpec spec(String spamFile, String reviewsFile) {
        return Mtl.pipeline("reviews-and-spam")
                .data(Data.csv(spamFile).text("body").split(0.2, 7))
                .encoder(Component.of("bag-of-words").param("weighting", "tf-idf").param("maxVocabulary", 20000)
                        .param("minCount", 2).param("hidden", List.of(64)).param("dropout", 0.5))
                .sharing(Sharing.hard())
                .task("sentiment", Heads.binary()).labels("score")
                .ownData(Data.csv(reviewsFile).splitColumn("split").rename("review", "body"))
                .task("is_spam", Heads.binary())
                .task("hard_ham", Heads.binary())
                .training(t -> t.epochs(6).batchSize(32).adam(1e-3).sampler(Samplers.proportional()).seed(42))
                .build();
    }

    public static void main(String[] args) {
        TrainingResult result = MtlRuntime.create().train(spec("../data/spam_period1.csv", "../data/fine_food_reviews.csv"),
                Path.of("examples/pipelines").toAbsolutePath(), TrainingListener.SILENT);
        for (String task : List.of("sentiment", "is_spam", "hard_ham")) {
            System.out.printf("%s: test accuracy %.4f%n", task, result.metric("test", task, "accuracy"));
        }
    }
}
