package dev.mtl4j.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Transfers;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.Predictions;
import dev.mtl4j.runtime.Repository;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.Splits;
import dev.mtl4j.runtime.data.Splitter;
import dev.mtl4j.runtime.eval.Predictor;
import dev.mtl4j.runtime.model.TrainedModel;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Text columns end to end: the text encoders train real networks, and saved models featurise new text alike. */
final class TextPipelinesTest {
    private static MtlRuntime runtime;

    @TempDir
    static Path folder;

    private static Path small;

    @BeforeAll
    static void setUp() throws IOException {
        runtime = MtlRuntime.create();
        small = SmallReviews.write(folder, 200);
    }

    @Test
    void aBagOfWordsLearnsFineFoodSentimentFromScratch() {
        PipelineSpec spec = Mtl.pipeline("fine-food-bow-test")
                .data(Data.csv(Repository.file("examples/data/fine_food_reviews.csv").toString()).text("review")
                        .splitColumn("split"))
                .encoder(Component.of("bag-of-words").param("maxVocabulary", 3000).param("hidden", List.of(32)))
                .task("score", Heads.binary())
                .training(t -> t.epochs(3).batchSize(64).adam(1e-3).seed(42))
                .build();
        TrainingResult result = runtime.train(spec);
        // the majority class ("great") is 0.658 of the test split
        assertThat(result.metric("test", "score", "accuracy")).isGreaterThan(0.76);
    }

    static Stream<Component> encoders() {
        return Stream.of(
                Component.of("bag-of-words").param("weighting", "tf-idf").param("minCount", 2).param("hidden", List.of()),
                Component.of("embedding").param("body", "cnn").param("maxLength", 40).param("dimension", 16).param("units", 16),
                Component.of("embedding").param("body", "lstm").param("maxLength", 20).param("dimension", 8).param("units", 8)
                        .param("pooling", "last"),
                Component.of("minilm").param("hidden", List.of(16)).param("cache", folder.resolve("cache").toString()));
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void aSavedTextModelPredictsExactlyAsTheTrainedOne(Component encoder) {
        TrainingResult trained = runtime.train(smallPipeline(encoder, 2), folder, TrainingListener.SILENT);
        Path file = folder.resolve(encoder.toSpec().type() + "-" + encoder.toSpec().params().hashCode() + ".zip");
        runtime.save(trained.model(), file);
        TrainedModel loaded = runtime.load(file);
        assertThat(loaded.spec()).isEqualTo(trained.model().spec());

        Predictions before = runtime.predict(trained.model(), small);
        Predictions after = runtime.predict(loaded, small);
        assertThat(after).isEqualTo(before);
        assertThat(runtime.evaluate(loaded, small)).isEqualTo(runtime.evaluate(trained.model(), small));
        assertThat(after.columns()).containsExactly("score", "score.probability");
        // what `mtl train` writes after training lays the network out again over the fitted vocabulary
        assertThat(runtime.gates(trained.model(), small).byTask()).isEmpty();
    }

    @Test
    void aSecondMiniLmRunReadsTheCacheAndGivesIdenticalResults() throws IOException {
        Path cache = folder.resolve("second-run-cache");
        Component minilm = Component.of("minilm").param("hidden", List.of(16)).param("cache", cache.toString());
        TrainingResult first = runtime.train(smallPipeline(minilm, 3), folder, TrainingListener.SILENT);
        long[] sizes = cacheSizes(cache);
        TrainingResult second = runtime.train(smallPipeline(minilm, 3), folder, TrainingListener.SILENT);
        assertThat(cacheSizes(cache)).as("nothing new was embedded").containsExactly(sizes);
        assertThat(second.metrics()).isEqualTo(first.metrics());
        assertThat(second.model().graph().params()).isEqualTo(first.model().graph().params());
    }

    @ParameterizedTest
    @MethodSource("sequenceEncoders")
    void paddingIsMaskedSoWhatLiesBeyondATextNeverChangesItsOutput(Component encoder) {
        PreparedPipeline prepared = runtime.prepare(smallPipeline(encoder, 1), folder);
        EncodedData test = prepared.test();
        assertThat(test.featureMask()).isNotNull();
        INDArray garbage = test.features().dup();
        // every padding slot gets a real word's id; the mask still says it is padding
        garbage.addi(test.featureMask().rsub(1).mul(3));
        INDArray clean = Predictor.outputs(prepared.network().graph(), test.features(), test.featureMask())[0];
        INDArray dirty = Predictor.outputs(prepared.network().graph(), garbage, test.featureMask())[0];
        assertThat(dirty.equalsWithEps(clean, 1e-6)).isTrue();
        INDArray unmasked = Predictor.outputs(prepared.network().graph(), garbage, null)[0];
        assertThat(unmasked.equalsWithEps(clean, 1e-6)).as("without the mask the padding would count").isFalse();
    }

    static Stream<Component> sequenceEncoders() {
        return Stream.of(
                Component.of("embedding").param("body", "cnn").param("maxLength", 60).param("dimension", 8).param("units", 8),
                Component.of("embedding").param("body", "cnn").param("maxLength", 60).param("dimension", 8).param("units", 8)
                        .param("pooling", "avg"),
                Component.of("embedding").param("body", "lstm").param("maxLength", 60).param("dimension", 8).param("units", 8)
                        .param("pooling", "last"),
                Component.of("embedding").param("body", "lstm").param("maxLength", 60).param("dimension", 8).param("units", 8));
    }

    @Test
    void aTextModelTransfersWithItsFeaturisationAndMasks() {
        Component cnn = Component.of("embedding").param("body", "cnn").param("maxLength", 40).param("dimension", 8)
                .param("units", 8);
        TrainingResult source = runtime.train(smallPipeline(cnn, 1), folder, TrainingListener.SILENT);
        Path model = folder.resolve("cnn-source.zip");
        runtime.save(source.model(), model);
        var spec = Mtl.transfer("cnn-transfer", model.toString()).strategy(Transfers.featureExtraction())
                .data(Data.csv(small.toString()).split(0.2, 7)).task("score", Heads.binary())
                .training(t -> t.epochs(2).batchSize(32).adam(1e-3).seed(42)).build();
        TrainedModel transferred = runtime.transfer(spec, folder, TrainingListener.SILENT, false).transferred().model();
        // the frozen encoder reads the new rows through the source's vocabulary, masked as in training
        assertThat(transferred.preprocessor().features().text().state()).isEqualTo(source.model().preprocessor()
                .features().text().state());
        Path saved = folder.resolve("cnn-transferred.zip");
        runtime.save(transferred, saved);
        assertThat(runtime.predict(runtime.load(saved), small)).isEqualTo(runtime.predict(transferred, small));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theVocabularyIsLearnedFromTheTrainingRowsAlone() {
        PipelineSpec spec = smallPipeline(Component.of("bag-of-words").param("minCount", 1).param("maxVocabulary", 100000), 1);
        PreparedPipeline prepared = runtime.prepare(spec, folder);
        RawTable table = runtime.resolver().dataset(spec.data().source(), "data.source", new DataContext(folder)).read();
        Splits splits = Splitter.split(spec.data().split(), table);
        Set<String> trainWords = words(table, splits.train());
        Set<String> testOnly = words(table, splits.test());
        testOnly.removeAll(trainWords);
        List<String> vocabulary = (List<String>) prepared.preprocessor().features().text().state().get("words");
        assertThat(testOnly).isNotEmpty();
        assertThat(new HashSet<>(vocabulary)).isEqualTo(trainWords);
    }

    private static Set<String> words(RawTable table, int[] rows) {
        int review = table.columnIndex("review");
        Set<String> words = new HashSet<>();
        for (int row : rows) {
            for (String word : table.cell(row, review).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    words.add(word.length() > 40 ? word.substring(0, 40) : word);
                }
            }
        }
        return words;
    }

    @Test
    void textColumnsNeedATextEncoder() {
        PipelineSpec spec = Mtl.pipeline("no-text-encoder").data(Data.csv(small.toString()).text("review").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(8)).task("score", Heads.binary())
                .training(t -> t.epochs(1)).build();
        assertThatThrownBy(() -> runtime.train(spec, folder, TrainingListener.SILENT)).isInstanceOf(MtlException.class)
                .hasMessageContaining("data.features: [review] are text, and the encoder does not read text")
                .extracting(e -> ((MtlException) e).category()).isEqualTo(ErrorCategory.CONFIG_INVALID);
    }

    @Test
    void aTextEncoderWithoutTextColumnsIsRefusedBeforeAnyDataIsRead() {
        PipelineSpec spec = Mtl.pipeline("no-text").data(Data.csv(folder.resolve("absent.csv").toString()).numeric("x"))
                .encoder(dev.mtl4j.api.dsl.Component.of("bag-of-words")).task("score", Heads.binary()).build();
        assertThatThrownBy(() -> runtime.prepare(spec, folder)).isInstanceOf(MtlException.class)
                .hasMessage("encoder: a text encoder needs text columns; declare one in data.features (e.g. review: text)")
                .extracting(e -> ((MtlException) e).category()).isEqualTo(ErrorCategory.CONFIG_INVALID);
    }

    @Test
    void tokenSequencesTakeTheTextColumnsAlone() {
        PipelineSpec spec = Mtl.pipeline("sequence-and-category").data(Data.csv(small.toString()).text("review")
                        .categorical("product").split(0.2, 7))
                .encoder(Component.of("embedding")).task("score", Heads.binary())
                .training(t -> t.epochs(1)).build();
        assertThatThrownBy(() -> runtime.train(spec, folder, TrainingListener.SILENT)).isInstanceOf(MtlException.class)
                .hasMessageContaining("product is not text");
    }

    private static PipelineSpec smallPipeline(Component encoder, int epochs) {
        return Mtl.pipeline("small-text").data(Data.csv(small.toString()).text("review").split(0.2, 7))
                .encoder(encoder).task("score", Heads.binary())
                .training(t -> t.epochs(epochs).batchSize(32).adam(1e-3).seed(42)).build();
    }

    private static long[] cacheSizes(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.sorted().mapToLong(f -> f.toFile().length()).toArray();
        }
    }
}
