package dev.mtl4j.runtime.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Predictions;
import dev.mtl4j.runtime.model.TrainedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed predictor on a model with a task of every kind: what it answers, how it fails, and that threads may share it. */
final class PredictorTest {
    @TempDir
    static Path folder;

    private static Predictor predictor;

    @BeforeAll
    static void train() {
        MtlRuntime runtime = MtlRuntime.create();
        TrainedModel model = ShopModel.train(runtime, folder);
        runtime.save(model, folder.resolve("shop.zip"));
        predictor = Predictor.open(folder.resolve("shop.zip"));
    }

    @Test
    void answersEveryTaskInItsKindAndUnits() {
        Prediction tallRedHeavy = predictor.predict(new ShopModel.Item(90, 40, "red"));
        Prediction smallGreenLight = predictor.predict(Map.of("height", 20, "weight", 3.5, "colour", "green"));

        ClassPrediction size = tallRedHeavy.task("size", ClassPrediction.class);
        assertThat(size.label()).isEqualTo("L");
        assertThat(size.probabilities()).containsOnlyKeys("L", "M", "S");
        assertThat(size.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-4));
        assertThat(size.probability()).isEqualTo(size.probabilities().get("L"));
        assertThat(smallGreenLight.task("size", ClassPrediction.class).label()).isEqualTo("S");
        assertThat(tallRedHeavy.task("heavy", ClassPrediction.class).label()).isEqualTo("yes");
        assertThat(smallGreenLight.task("heavy", ClassPrediction.class).probabilities()).containsOnlyKeys("no", "yes");
        assertThat(tallRedHeavy.task("tags", LabelsPrediction.class).labels()).containsEntry("tall", true).containsEntry("red", true);
        assertThat(smallGreenLight.task("tags", LabelsPrediction.class).labels()).containsEntry("tall", false).containsEntry("red", false);
        // price = 5 + 0.5 height + 2 weight (+ 20 for red): 150 and 22, in the target's own units
        assertThat(tallRedHeavy.task("price", ValuesPrediction.class).values().get("price")).isCloseTo(150, within(15.0));
        assertThat(smallGreenLight.task("price", ValuesPrediction.class).values().get("price")).isCloseTo(22, within(10.0));
    }

    @Test
    void answersAsMtlPredictWritesForTheSameRows() {
        MtlRuntime runtime = MtlRuntime.create();
        TrainedModel model = runtime.load(folder.resolve("shop.zip"));
        Path rows = ShopModel.write(folder.resolve("other-shop.csv"), 50, 9);
        Predictions written = runtime.predict(model, rows);
        RawTable table = runtime.resolver().dataset(ComponentSpec.of("csv").with("path", rows.toString()), "data",
                new DataContext(folder)).read();

        for (int row = 0; row < table.size(); row++) {
            Prediction typed = predictor.predict(Map.of("height", table.cell(row, 0), "weight", table.cell(row, 1),
                    "colour", table.cell(row, 2)));
            List<String> cells = written.row(row);
            assertThat(written.columns()).startsWith("size", "size.probability", "heavy", "heavy.probability", "tall", "red");
            ClassPrediction size = typed.task("size", ClassPrediction.class);
            assertThat(size.label()).isEqualTo(cells.get(0));
            assertThat(size.probability()).isCloseTo(Double.parseDouble(cells.get(1)), within(1e-5));
            assertThat(typed.task("heavy", ClassPrediction.class).label()).isEqualTo(cells.get(2));
            assertThat(typed.task("tags", LabelsPrediction.class).labels().get("tall") ? "1" : "0").isEqualTo(cells.get(4));
            assertThat(typed.task("price", ValuesPrediction.class).values().get("price"))
                    .isCloseTo(Double.parseDouble(cells.get(6)), within(1e-3));
        }
    }

    @Test
    void aBatchAnswersAsSingleCallsDo() {
        List<Map<String, ?>> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(Map.of("height", 10 + 4.5 * i, "weight", 1 + 2.4 * i, "colour", ShopModel.COLOURS.get(i % 3)));
        }

        List<Prediction> batch = predictor.predict(records);

        assertThat(batch).hasSize(20);
        for (int i = 0; i < records.size(); i++) {
            assertClose(batch.get(i), predictor.predict(records.get(i)));
        }
        assertThat(predictor.predict(List.of())).isEmpty();
    }

    @Test
    void threadsShareOnePredictor() throws Exception {
        List<Map<String, ?>> records = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            records.add(Map.of("height", 10 + 1.4 * i, "weight", 50 - 0.7 * i, "colour", ShopModel.COLOURS.get(i % 3)));
        }
        List<Prediction> alone = records.stream().map(predictor::predict).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Prediction>> together = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                records.forEach(record -> together.add(threads.submit(() -> predictor.predict(record))));
            }
            for (int i = 0; i < together.size(); i++) {
                assertClose(together.get(i).get(), alone.get(i % records.size()));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRecordItCannotReadIsADataErrorNamingRecordAndColumn() {
        Map<String, Object> typo = new HashMap<>(Map.of("height", 50, "wieght", 3, "colour", "red"));
        assertThatThrownBy(() -> predictor.predict(typo)).isInstanceOfSatisfying(MtlException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.DATA_INVALID);
            assertThat(e.lines()).anySatisfy(l -> assertThat(l).contains("records[0].wieght").contains("did you mean 'weight'"))
                    .anySatisfy(l -> assertThat(l).contains("records[0].weight").contains("missing"));
        });
        assertThatThrownBy(() -> predictor.predict(List.of(Map.of("height", 50, "weight", 3, "colour", "red"),
                Map.of("height", "tall", "weight", 3, "colour", "red"))))
                .isInstanceOf(MtlException.class).hasMessageContaining("row 2").hasMessageContaining("height");
        assertThatThrownBy(() -> predictor.predict(Map.of("height", 50, "weight", 3, "colour", "purple")))
                .isInstanceOf(MtlException.class).hasMessageContaining("colour").hasMessageContaining("purple");
        assertThatThrownBy(() -> predictor.predict(Map.of("height", 50, "weight", List.of(3), "colour", "red")))
                .isInstanceOf(MtlException.class).hasMessageContaining("records[0].weight");
    }

    @Test
    void labelColumnsInARecordAreIgnored() {
        Prediction withLabels = predictor.predict(Map.of("height", 50, "weight", 3, "colour", "red", "size", "M", "price", 1));

        assertClose(withLabels, predictor.predict(Map.of("height", 50, "weight", 3, "colour", "red")));
        assertThat(predictor.info().features()).containsExactly("height", "weight", "colour");
        assertThat(predictor.info().tasks()).extracting(ModelInfo.Task::kind)
                .containsExactly("categorical", "binary", "multilabel", "numeric");
    }

    private static void assertClose(Prediction actual, Prediction expected) {
        assertThat(actual.tasks().keySet()).isEqualTo(expected.tasks().keySet());
        ClassPrediction size = actual.task("size", ClassPrediction.class);
        assertThat(size.label()).isEqualTo(expected.task("size", ClassPrediction.class).label());
        assertThat(size.probability()).isCloseTo(expected.task("size", ClassPrediction.class).probability(), within(1e-5));
        assertThat(actual.task("tags", LabelsPrediction.class).labels())
                .isEqualTo(expected.task("tags", LabelsPrediction.class).labels());
        assertThat(actual.task("price", ValuesPrediction.class).values().get("price"))
                .isCloseTo(expected.task("price", ValuesPrediction.class).values().get("price"), within(1e-3));
    }
}
