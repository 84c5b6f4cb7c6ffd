package dev.mtl4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.spec.FeatureType;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.examples.text.FineFoodPipeline;
import dev.mtl4j.runtime.MtlRuntime;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The text example pipelines load, and the Java version of the bag-of-words one equals its YAML. */
final class TextPipelinesYamlTest {
    private final MtlRuntime runtime = MtlRuntime.create();
    private final Path pipelines = ExamplesDirectory.find().resolve("pipelines");

    @Test
    void theDslGivesTheSameSpecAsTheYaml() {
        assertThat(FineFoodPipeline.spec("../data/fine_food_reviews.csv"))
                .isEqualTo(runtime.loadPipeline(pipelines.resolve("fine-food-bow.yaml")));
    }

    @Test
    void theMultiTaskTextPipelineInJavaEqualsItsYaml() {
        assertThat(dev.mtl4j.examples.text.ReviewsAndSpamPipeline.spec("../data/spam_period1.csv", "../data/fine_food_reviews.csv"))
                .isEqualTo(runtime.loadPipeline(pipelines.resolve("reviews-and-spam.yaml")));
    }

    @Test
    void everyTextExampleLoads() {
        for (String name : new String[] {"fine-food-minilm", "fine-food-cnn", "fine-food-lstm", "spam", "reviews-and-spam"}) {
            PipelineSpec spec = runtime.loadPipeline(pipelines.resolve(name + ".yaml"));
            assertThat(spec.data().features()).allSatisfy(f -> assertThat(f.type()).isEqualTo(FeatureType.TEXT));
        }
    }
}
