package dev.mtl4j.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Samplers;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Repository;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.config.PipelineYamlReader;
import dev.mtl4j.runtime.config.PipelineYamlWriter;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text tasks that bring their own data sets: reviews and spam on one bag-of-words encoder, the
 * review file's {@code review} column read as the spam file's {@code body}.
 */
final class TextTasksWithOwnDataTest {
    private static MtlRuntime runtime;
    private static Path reviews;
    private static TrainingResult trained;

    @TempDir
    static Path folder;

    @BeforeAll
    static void train() throws IOException {
        runtime = MtlRuntime.create();
        reviews = SmallReviews.write(folder, 1000);
        trained = runtime.train(spec(reviews.toString(), "review"), folder, TrainingListener.SILENT);
    }

    private static PipelineSpec spec(String reviewFile, String reviewColumn) {
        return Mtl.pipeline("reviews-and-spam")
                .data(Data.csv(Repository.file("examples/data/spam_period1.csv").toString()).text("body").split(0.2, 7))
                .encoder(Component.of("bag-of-words").param("weighting", "tf-idf").param("minCount", 2)
                        .param("hidden", List.of(32)))
                .task("sentiment", Heads.binary()).labels("score")
                .ownData(Data.csv(reviewFile).split(0.2, 7).drop("split", "product").rename(reviewColumn, "body"))
                .task("is_spam", Heads.binary())
                .training(t -> t.epochs(4).batchSize(32).adam(1e-3).seed(42).sampler(Samplers.proportional()))
                .build();
    }

    @Test
    void bothTasksLearnOnTheSharedEncoder() {
        // majority classes: 0.66 of the reviews are "other", 0.65 of period-1 mail is not spam
        assertThat(trained.metric("test", "sentiment", "accuracy")).isGreaterThan(0.72);
        assertThat(trained.metric("test", "is_spam", "accuracy")).isGreaterThan(0.92);
    }

    @Test
    void aFileInTheRenamedFormatIsEvaluatedWithTheTasksRenames() {
        Map<String, Map<String, Map<String, Double>>> byFile = runtime.evaluate(trained.model(), List.of(reviews));

        assertThat(byFile.get("reviews.csv")).containsOnlyKeys("sentiment");
        assertThat(byFile.get("reviews.csv").get("sentiment").get("accuracy")).isGreaterThan(0.72);
    }

    @Test
    void renamingAColumnTheFileDoesNotHaveIsAnErrorNamingIt() {
        assertThatThrownBy(() -> runtime.prepare(spec(reviews.toString(), "text"), folder))
                .isInstanceOf(MtlException.class)
                .satisfies(e -> assertThat(((MtlException) e).category()).isEqualTo(ErrorCategory.DATA_INVALID))
                .hasMessageContaining("tasks.sentiment.data.rename.text: " + reviews + " has no column 'text' to rename (columns: product, review, score, split)");
    }

    @Test
    void renamesRoundTripThroughYaml() {
        PipelineSpec spec = spec("reviews.csv", "review");
        PipelineYamlReader reader = new PipelineYamlReader(runtime.registry());

        String yaml = new PipelineYamlWriter().write(spec);

        assertThat(yaml).contains("rename: {review: body}");
        assertThat(reader.read(yaml, "written.yaml")).isEqualTo(spec);
    }
}
