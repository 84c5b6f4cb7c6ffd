package dev.mtl4j.runtime.data;

import static dev.mtl4j.runtime.data.ExampleData.row;
import static dev.mtl4j.runtime.data.ExampleData.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.UnseenCategory;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TargetKind;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.yaml.snakeyaml.Yaml;

final class PreprocessorTest {

    @Test
    void incomeEncodesFeaturesLabelsAndMasksInTaskOrder() {
        RawTable income = ExampleData.income();
        PipelineSpec spec = ExampleData.incomeSpec();
        Splits splits = Splitter.split(spec.data().split(), income);
        Preprocessor preprocessor = Preprocessor.fit(spec, income, splits.train(), ExampleData.incomeKinds());
        assertThat(preprocessor.tasks()).containsExactly("INCOME", "MARITAL.STATUS");
        assertThat(preprocessor.targetInfo("INCOME").classes()).hasSize(9);
        assertThat(preprocessor.targetInfo("MARITAL.STATUS").classes()).hasSize(5);

        EncodedData test = preprocessor.encode(income, splits.test());
        assertThat(test.size()).isEqualTo(splits.test().length);
        assertThat(test.features().shape()).containsExactly(splits.test().length, preprocessor.featureWidth());
        assertThat(test.labels()).extracting(a -> a.size(1)).containsExactly(9L, 5L);
        assertThat(test.masks().get(0)).isNull();
        assertThat(test.masks().get(1)).isNotNull();
        assertThat(preprocessor.features().columns()).doesNotContain("INCOME", "MARITAL.STATUS", "DUAL.INCOMES");
    }

    @Test
    void digitsFeaturesAreStandardisedOnTheTrainingRows() {
        RawTable digits = ExampleData.digitsTasks();
        PipelineSpec spec = digitsSpec();
        Splits splits = Splitter.split(spec.data().split(), digits);
        Preprocessor preprocessor = Preprocessor.fit(spec, digits, splits.train(),
                TargetRequest.defaults(Map.of("digit", TargetKind.CATEGORICAL, "parity", TargetKind.BINARY, "ink", TargetKind.NUMERIC)));
        assertThat(preprocessor.featureWidth()).isEqualTo(64);
        assertThat(preprocessor.targetInfo("digit").classes())
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(preprocessor.target("parity").className(1)).isEqualTo("odd");

        EncodedData train = preprocessor.encode(digits, splits.train());
        INDArray features = train.features();
        double[] means = features.mean(0).toDoubleVector();
        double[] stds = features.std(false, 0).toDoubleVector();
        for (int i = 0; i < 64; i++) {
            assertThat(means[i]).as("mean of px" + i).isCloseTo(0, within(1e-4));
            // constant pixels (always 0 in training) keep std 1 and encode as 0
            assertThat(stds[i]).as("std of px" + i).satisfiesAnyOf(s -> assertThat(s).isCloseTo(1, within(1e-4)),
                    s -> assertThat(s).isCloseTo(0, within(1e-9)));
        }
        INDArray ink = train.labels().get(2);
        assertThat(ink.meanNumber().doubleValue()).isCloseTo(0, within(1e-4));
        INDArray restored = preprocessor.target("ink").restore(ink);
        int inkColumn = digits.columnIndex("ink");
        assertThat(restored.getDouble(0, 0)).isCloseTo(Double.parseDouble(digits.cell(splits.train()[0], inkColumn)),
                within(1e-5));
    }

    @Test
    void stateSurvivesYamlAndEncodesIdentically() {
        RawTable income = ExampleData.income();
        PipelineSpec spec = ExampleData.incomeSpec(Data.csv("x.csv").categorical("*")
                .ordinal("AGE", "14-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+")
                .drop("DUAL.INCOMES").unseen(UnseenCategory.OTHER));
        Splits splits = Splitter.split(spec.data().split(), income);
        Preprocessor original = Preprocessor.fit(spec, income, splits.train(), ExampleData.incomeKinds());
        Yaml yaml = new Yaml();
        String text = yaml.dump(original.toState());
        Map<String, Object> loaded = yaml.load(text);
        assertThat(loaded).isEqualTo(original.toState());
        Preprocessor restored = Preprocessor.fromState(loaded, spec);
        EncodedData a = original.encode(income, splits.test());
        EncodedData b = restored.encode(income, splits.test());
        assertThat(b.features()).isEqualTo(a.features());
        assertThat(b.labels()).isEqualTo(a.labels());
        assertThat(b.masks()).isEqualTo(a.masks());
        assertThat(restored.features().inputNames()).isEqualTo(original.features().inputNames());

        RawTable digits = ExampleData.digitsTasks();
        PipelineSpec digitsSpec = digitsSpec();
        Map<String, TargetRequest> kinds =
                TargetRequest.defaults(Map.of("digit", TargetKind.CATEGORICAL, "parity", TargetKind.BINARY, "ink", TargetKind.NUMERIC));
        Preprocessor numeric = Preprocessor.fit(digitsSpec, digits, Splitter.all(digits), kinds);
        Map<String, Object> reloaded = yaml.load(yaml.dump(numeric.toState()));
        assertThat(reloaded).as("doubles survive exactly").isEqualTo(numeric.toState());
        assertThat(Preprocessor.fromState(reloaded, digitsSpec).encode(digits, Splitter.all(digits)).labels())
                .isEqualTo(numeric.encode(digits, Splitter.all(digits)).labels());
    }

    @Test
    void stateWithoutATaskIsAnInvalidModel() {
        RawTable income = ExampleData.income();
        Preprocessor preprocessor = Preprocessor.fit(ExampleData.incomeSpec(), income, Splitter.all(income),
                ExampleData.incomeKinds());
        PipelineSpec other = Mtl.pipeline("p").data(Data.csv("x.csv").categorical("*"))
                .encoder(Encoders.mlp()).task("SEX", Heads.binary()).build();
        assertThatThrownBy(() -> Preprocessor.fromState(preprocessor.toState(), other))
                .isInstanceOfSatisfying(MtlException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.MODEL_INVALID))
                .hasMessageContaining("no label encoding for task 'SEX'");
    }

    @Test
    void predictionFilesNeedOnlyTheFeatureColumnsInAnyOrder() {
        RawTable training = table(row("a", "b", "y"), row("x", "1", "p"), row("z", "2", "q"), row("x", "3", "p"));
        PipelineSpec spec = Mtl.pipeline("p").data(Data.csv("t.csv").categorical("a").numeric("b"))
                .encoder(Encoders.mlp()).task("y", Heads.classification()).build();
        Preprocessor preprocessor = Preprocessor.fit(spec, training, new int[] {0, 1, 2},
                TargetRequest.defaults(Map.of("y", TargetKind.CATEGORICAL)));
        RawTable prediction = table(row("b", "a"), row("1", "x"), row("2", "z"));
        EncodedData encoded = preprocessor.encodeFeaturesOnly(prediction, new int[] {0, 1});
        assertThat(encoded.labels()).isEmpty();
        assertThat(encoded.masks()).isEmpty();
        assertThat(encoded.features()).isEqualTo(preprocessor.encode(training, new int[] {0, 1}).features());
        RawTable lacking = table(row("b"), row("1"));
        assertThatThrownBy(() -> preprocessor.encodeFeaturesOnly(lacking, new int[] {0}))
                .hasMessageStartingWith("t.csv: no column 'a', which the model reads as a feature");
    }

    private static PipelineSpec digitsSpec() {
        return Mtl.pipeline("digits")
                .data(Data.csv("digits_tasks.csv").numeric("px*").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(16))
                .task("digit", Heads.classification(10))
                .task("parity", Heads.binary())
                .task("ink", Heads.regression(1))
                .build();
    }
}
