package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Weightings;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spi.GradientSite;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Pipelines;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.config.PipelineYamlWriter;
import dev.mtl4j.runtime.model.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every weighting method through the whole pipeline: YAML and DSL give equal specs, each method
 * trains, its λ reaches the epoch reports, and its state is saved in the model file and resumed.
 */
final class WeightingPipelinesTest {
    private final MtlRuntime runtime = MtlRuntime.create();
    @TempDir
    Path dir;

    @Test
    void yamlAndDslGiveEqualSpecsAndTheWriterRoundTrips() throws IOException {
        PipelineSpec dsl = Pipelines.digits(1, 16)
                .task("digit", Heads.classification(10))
                .task("parity", Heads.binary())
                .training(t -> t.epochs(1).weighting(Weightings.at(Weightings.cagrad(0.4), GradientSite.REPRESENTATION)))
                .build();
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, new PipelineYamlWriter().write(dsl));
        PipelineSpec yaml = runtime.loadPipeline(file);
        assertThat(yaml.training().weighting()).isEqualTo(ComponentSpec.of("cagrad").with("c", 0.4)
                .with("gradients", "representation"));
        assertThat(yaml).isEqualTo(dsl);
        assertThat(Pipelines.digits(1, 16).task("digit", Heads.classification(10)).build().training().weightingOrDefault())
                .isEqualTo(ComponentSpec.of("static"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"static", "uncertainty", "dwa", "rlw", "famo", "gradnorm", "mgda", "pcgrad", "cagrad", "imtl",
            "nash-mtl", "aligned-mtl", "upgrad"})
    void everyMethodTrainsAndKeepsItsStateInTheModelFile(String type) {
        // 600 training rows: the point is that each method runs end to end, not its quality
        PipelineSpec spec = Pipelines.digits(2, 32)
                .data(dev.mtl4j.api.dsl.Data.csv(Pipelines.digitsFile()).numeric("px*").split(0.2, 7).limit(600))
                .task("digit", Heads.classification(10))
                .task("parity", Heads.binary())
                .task("ink", Heads.regression())
                .training(t -> t.epochs(2).batchSize(32).adam(3e-3).seed(4).weighting(dev.mtl4j.api.dsl.Component.of(type)))
                .build();
        TrainingResult result = runtime.train(spec, Path.of("").toAbsolutePath(), TrainingListener.SILENT);

        assertThat(result.metric("test", "digit", "accuracy")).as(type).isGreaterThan(0.25);
        EpochReport last = result.history().epochs().get(1);
        assertThat(last.weighting()).isEqualTo(type);
        assertThat(last.weights().values()).as(type).allSatisfy(w -> assertThat(w).isFinite());
        Path model = dir.resolve(type + ".zip");
        runtime.save(result.model(), model);
        TrainedModel loaded = runtime.load(model);
        // YAML reads back a whole number as the smallest type that holds it: compare numbers by value
        assertThat(byValue(loaded.weightingState())).isEqualTo(byValue(result.model().weightingState()));
        if (!result.history().weightingState().isEmpty()) {
            assertThat(loaded.weightingState()).containsEntry("type", type);
            assertThat(byValue(loaded.weightingState().get("state"))).isEqualTo(byValue(result.history().weightingState()));
        }
    }

    private static Object byValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new java.util.TreeMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), byValue(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(WeightingPipelinesTest::byValue).toList();
        }
        return value instanceof Number number ? (Object) number.doubleValue() : value;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gradnorm", "pcgrad", "mgda"})
    void perTaskGradientsOnTheSharedParametersOnDl4jsGeneralPath(String type) {
        // elu is not the fused step's: DL4J's general path, one pass a task with the same dropout masks
        PipelineSpec spec = Pipelines.income(1)
                .data(dev.mtl4j.api.dsl.Data.csv(Pipelines.incomeFile()).categorical("*").drop("DUAL.INCOMES").split(0.2, 7)
                        .limit(1500))
                .encoder(dev.mtl4j.api.dsl.Encoders.mlp().hidden(64, 32).activation("elu").dropout(0.2))
                .task("INCOME", Heads.classification())
                .task("MARITAL.STATUS", Heads.classification())
                .training(t -> t.epochs(1).batchSize(64).seed(3)
                        .weighting(dev.mtl4j.api.dsl.Component.of(type).param("gradients", "parameters")))
                .build();
        TrainingResult result = runtime.train(spec, Path.of("").toAbsolutePath(), TrainingListener.SILENT);
        EpochReport epoch = result.history().epochs().get(0);
        assertThat(epoch.trainLoss()).isFinite().isPositive();
        assertThat(epoch.weights().values()).allSatisfy(w -> assertThat(w).isFinite().isPositive());
        assertThat(result.metric("test", "MARITAL.STATUS", "accuracy")).isGreaterThan(0.4);
    }

    /** Thrown where a kill would land: right after a checkpoint is saved. */
    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dwa", "uncertainty", "cagrad"})
    void aRunResumedFromACheckpointGoesOnWithTheMethodsState(String type) {
        PipelineSpec spec = Pipelines.digits(3, 32)
                .data(dev.mtl4j.api.dsl.Data.csv(Pipelines.digitsFile()).numeric("px*").split(0.2, 7).limit(600))
                .task("digit", Heads.classification(10))
                .task("parity", Heads.binary())
                .training(t -> t.epochs(3).batchSize(32).seed(4).checkpoint(1).weighting(dev.mtl4j.api.dsl.Component.of(type)))
                .build();
        PreparedPipeline whole = runtime.prepare(spec, Path.of(""));
        TrainingResult uninterrupted = runtime.train(whole, TrainingListener.SILENT,
                dev.mtl4j.runtime.model.CheckpointFile.of(dir.resolve("whole.zip"), spec, whole.dataFiles(), false));
        Path file = dir.resolve("checkpoint.zip");
        PreparedPipeline first = runtime.prepare(spec, Path.of(""));
        dev.mtl4j.runtime.model.CheckpointFile saving = dev.mtl4j.runtime.model.CheckpointFile.of(file, spec, first.dataFiles(), false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.train(first, TrainingListener.SILENT, new Checkpointing() {
            @Override
            public int every() {
                return 1;
            }

            @Override
            public java.util.Optional<TrainingCheckpoint> resume(org.deeplearning4j.nn.graph.ComputationGraph graph) {
                return java.util.Optional.empty();
            }

            @Override
            public void save(TrainingCheckpoint checkpoint) {
                saving.save(checkpoint);
                if (checkpoint.epochsDone() == 2) {
                    throw new Killed();
                }
            }
        })).isInstanceOf(Killed.class);
        PreparedPipeline second = runtime.prepare(spec, Path.of(""));
        TrainingResult resumed = runtime.train(second, TrainingListener.SILENT,
                dev.mtl4j.runtime.model.CheckpointFile.of(file, spec, second.dataFiles(), true));

        // the method went on from its state: the third epoch's λ and the parameters are those of the run never stopped
        assertThat(resumed.history().epochs().get(2).weights()).isEqualTo(uninterrupted.history().epochs().get(2).weights());
        assertThat(resumed.model().graph().params()).isEqualTo(uninterrupted.model().graph().params());
        assertThat(byValue(resumed.history().weightingState())).isEqualTo(byValue(uninterrupted.history().weightingState()));
    }

    @Test
    void continuingFromASavedModelResumesTheMethod() {
        PipelineSpec spec = Pipelines.digits(2, 32)
                .task("digit", Heads.classification(10))
                .task("parity", Heads.binary())
                .training(t -> t.epochs(2).batchSize(64).seed(4).weighting(Weightings.dwa(2.0)))
                .build();
        PreparedPipeline prepared = runtime.prepare(spec, Path.of("").toAbsolutePath());
        TrainingResult first = runtime.train(prepared, TrainingListener.SILENT);
        Path file = dir.resolve("dwa.zip");
        runtime.save(first.model(), file);
        TrainedModel saved = runtime.load(file);

        TrainingHistory resumed = WeightingRules.trainer(runtime.resolver(), spec, TrainingListener.SILENT, saved.weightingState())
                .fit(saved.graph(), spec.training(), spec.tasks(), saved.preprocessor(), prepared.train(), null);
        TrainingHistory fresh = WeightingRules.trainer(runtime.resolver(), spec, TrainingListener.SILENT)
                .fit(saved.graph(), spec.training(), spec.tasks(), saved.preprocessor(), prepared.train(), null);

        // DWA saw two epochs before: the resumed run weighs by their loss ratios at once, a fresh one starts at 1
        Map<String, Double> first3 = resumed.epochs().get(0).weights();
        List<Double> saidLosses = first.history().epochs().stream().map(e -> e.taskLosses().get("digit")).toList();
        assertThat(saidLosses.get(1)).isLessThan(saidLosses.get(0));
        assertThat(first3.get("digit")).isNotCloseTo(1.0, within(1e-6));
        assertThat(first3.get("digit") + first3.get("parity")).isCloseTo(2.0, within(1e-9));
        assertThat(fresh.epochs().get(0).weights().get("digit")).isCloseTo(1.0, within(1e-12));
    }
}
