package dev.mtl4j.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.spi.ComponentFactory;
import dev.mtl4j.api.spi.LossWeights;
import dev.mtl4j.api.spi.Param;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ParamBinderTest {

    enum Activation { RELU, LEAKY_RELU }

    record Config(
            @Param(doc = "Hidden layer widths.", min = 1) List<Integer> hidden,
            @Param(doc = "Activation.", defaultValue = "relu") Activation activation,
            @Param(doc = "Dropout.", defaultValue = "0.5", min = 0, max = 0.9) double dropout,
            @Param(doc = "Seed.", defaultValue = "7") long seed,
            @Param(doc = "Bias.", defaultValue = "true") boolean bias,
            @Param(doc = "Classes.", defaultValue = Param.NONE, min = 2) Integer classes,
            @Param(doc = "Loss.", defaultValue = "mse", oneOf = {"mse", "mae"}) String loss,
            @Param(doc = "Scales.", defaultValue = "[1.0, 2]") List<Double> scales,
            @Param(doc = "Missing cells.", defaultValue = "[\"\", NA]") List<String> missing) {
    }

    record Factory(Class<Config> configType) implements ComponentFactory<Config> {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public String description() {
            return "a test component";
        }
    }

    record Weighted(@Param(doc = "Weights.", defaultValue = Param.NONE) LossWeights weights) {
    }

    @Test
    void lossWeightsAreANumberAWordOrAMapOfNumbers() {
        assertThat(ParamBinder.bind(new WeightedFactory(), Map.of("weights", 3)).orElseThrow().weights())
                .isEqualTo(LossWeights.of(3));
        assertThat(ParamBinder.bind(new WeightedFactory(), Map.of("weights", "auto")).orElseThrow().weights())
                .isEqualTo(LossWeights.word("auto"));
        assertThat(ParamBinder.bind(new WeightedFactory(), Map.of("weights", Map.of("fraud", 10))).orElseThrow().weights())
                .isEqualTo(LossWeights.byClass(Map.of("fraud", 10.0)));
        assertThat(ParamBinder.bind(new WeightedFactory(), Map.of()).orElseThrow().weights()).isNull();
        assertThat(ParamBinder.bind(new WeightedFactory(), Map.of("weights", "often")).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("expected a number, 'auto', 'balanced'"));
        assertThat(ParamBinder.bind(new WeightedFactory(), Map.of("weights", Map.of("fraud", "high"))).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("expected a number for 'fraud', got 'high'"));
        assertThat(ParamBinder.bind(new WeightedFactory(), Map.of("weights", 0)).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must be a positive number"));
    }

    record WeightedFactory() implements ComponentFactory<Weighted> {
        @Override
        public String name() {
            return "weighted";
        }

        @Override
        public String description() {
            return "a component with loss weights";
        }

        @Override
        public Class<Weighted> configType() {
            return Weighted.class;
        }
    }

    record Unannotated(@Param(doc = "fine") int a, int b) {
    }

    record BadDefault(@Param(doc = "width", defaultValue = "wide") int width) {
    }

    record BoxlessNone(@Param(doc = "classes", defaultValue = Param.NONE) int classes) {
    }

    record SelfChecking(@Param(doc = "low") int low, @Param(doc = "high") int high) {
        SelfChecking {
            if (low > high) {
                throw new IllegalArgumentException("low must not exceed high");
            }
        }
    }

    private static Binding<Config> bind(Map<String, Object> params) {
        return ParamBinder.bind(new Factory(Config.class), params);
    }

    @Test
    void fillsDefaultsAndLeavesNoneAbsent() {
        Config config = bind(Map.of("hidden", List.of(64, 32))).orElseThrow();

        assertThat(config).isEqualTo(new Config(List.of(64, 32), Activation.RELU, 0.5, 7L, true, null, "mse",
                List.of(1.0, 2.0), List.of("", "NA")));
    }

    @Test
    void convertsYamlShapedValues() {
        Config config = bind(Map.of("hidden", List.of(8), "activation", "leaky-relu", "dropout", 0,
                "seed", 3_000_000_000L, "bias", false, "classes", 3, "scales", List.of(1, 0.5),
                "missing", List.of("?", 2024))).orElseThrow();

        assertThat(config.activation()).isEqualTo(Activation.LEAKY_RELU);
        assertThat(config.dropout()).isEqualTo(0.0);
        assertThat(config.seed()).isEqualTo(3_000_000_000L);
        assertThat(config.scales()).containsExactly(1.0, 0.5);
        assertThat(config.missing()).containsExactly("?", "2024");
    }

    @Test
    void unknownKeySuggestsTheClosestParameter() {
        assertThat(bind(Map.of("hidden", List.of(8), "dropuot", 0.1)).problems())
                .containsExactly(new ParamProblem("dropuot", "unknown key 'dropuot'; did you mean 'dropout'?"));
    }

    @Test
    void unknownKeyWithoutCloseMatchListsTheParameters() {
        assertThat(bind(Map.of("hidden", List.of(8), "zzzzzzzz", 1)).problems()).singleElement()
                .extracting(ParamProblem::message).isEqualTo("unknown key 'zzzzzzzz'; valid keys are "
                        + "[hidden, activation, dropout, seed, bias, classes, loss, scales, missing]");
    }

    @Test
    void wrongTypeNamesTheExpectedType() {
        assertThat(bind(Map.of("hidden", List.of(64, "abc"))).problems())
                .containsExactly(new ParamProblem("hidden", "expected a list of integers, got 'abc'"));
        assertThat(bind(Map.of("hidden", "abc")).problems())
                .containsExactly(new ParamProblem("hidden", "expected a list of integers, got 'abc'"));
        assertThat(bind(Map.of("hidden", List.of(8), "classes", 2.5)).problems())
                .containsExactly(new ParamProblem("classes", "expected an integer, got 2.5"));
        assertThat(bind(Map.of("hidden", List.of(8), "bias", "yes")).problems())
                .containsExactly(new ParamProblem("bias", "expected true or false, got 'yes'"));
    }

    @Test
    void outOfRangeSaysTheBound() {
        assertThat(bind(Map.of("hidden", List.of(64, 0))).problems())
                .containsExactly(new ParamProblem("hidden", "must be >= 1, got 0"));
        assertThat(bind(Map.of("hidden", List.of(8), "dropout", 1.5)).problems())
                .containsExactly(new ParamProblem("dropout", "must be <= 0.9, got 1.5"));
    }

    @Test
    void valuesOutsideOneOfOrTheEnumAreListed() {
        assertThat(bind(Map.of("hidden", List.of(8), "loss", "huber", "activation", "gelu")).problems())
                .containsExactly(
                        new ParamProblem("activation", "must be one of [relu, leaky-relu], got 'gelu'"),
                        new ParamProblem("loss", "must be one of [mse, mae], got 'huber'"));
    }

    @Test
    void missingRequiredParameterIsReported() {
        assertThat(bind(Map.of()).problems()).containsExactly(new ParamProblem("hidden", "is required"));
    }

    @Test
    void collectsEveryProblem() {
        assertThat(bind(Map.of("hiden", List.of(8), "dropout", -1)).problems()).extracting(ParamProblem::key)
                .containsExactly("hiden", "hidden", "dropout");
    }

    @Test
    void theRecordsOwnValidationBecomesAProblem() {
        assertThat(ParamBinder.bind(SelfChecking.class, Map.of("low", 2, "high", 1)).problems())
                .containsExactly(new ParamProblem("(parameters)", "low must not exceed high"));
    }

    @Test
    void componentWithoutParamIsAPluginBug() {
        assertThatThrownBy(() -> ParamBinder.bind(Unannotated.class, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Unannotated.class.getName() + ".b has no @Param");
    }

    @Test
    void invalidDefaultIsAPluginBug() {
        assertThatThrownBy(() -> ParamBinder.describe(BadDefault.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(BadDefault.class.getName() + ".width has an invalid default 'wide': "
                        + "expected an integer, got 'wide'");
        assertThatThrownBy(() -> ParamBinder.describe(BoxlessNone.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("boxed");
    }

    @Test
    void describesEveryParameter() {
        List<ParamDoc> docs = ParamBinder.describe(Config.class);

        assertThat(docs).extracting(ParamDoc::name).containsExactly(
                "hidden", "activation", "dropout", "seed", "bias", "classes", "loss", "scales", "missing");
        assertThat(docs.get(0)).isEqualTo(new ParamDoc("hidden", "list of integers", "required",
                "Hidden layer widths.", ">= 1"));
        assertThat(docs.get(1)).isEqualTo(new ParamDoc("activation", "name", "relu", "Activation.",
                "one of [relu, leaky-relu]"));
        assertThat(docs.get(2)).isEqualTo(new ParamDoc("dropout", "number", "0.5", "Dropout.", "0 to 0.9"));
        assertThat(docs.get(5)).isEqualTo(new ParamDoc("classes", "integer", "none", "Classes.", ">= 2"));
        assertThat(docs.get(6).constraint()).isEqualTo("one of [mse, mae]");
        assertThat(docs.get(4).constraint()).isEmpty();
    }
}
