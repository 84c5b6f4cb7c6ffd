package dev.mtl4j.runtime.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.ComponentSource;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Transfers;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Repository;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Domain adaptation from scratch on the bundled two-moons files (target rotated 35°): the device
 * trains and is gone from the saved model, the target's labelled rows are measured, the device's
 * measure is reported every epoch, and the source-only baseline comes beside it. (Whether DANN beats
 * source-only on the moons is measured by the MoonsAdaptation example program, docs/domain-adaptation.md:
 * single seeds move with the BLAS kernel, so no test asserts it.)
 */
final class DomainAdaptationTest {
    private static MtlRuntime runtime;
    private static TransferResult dann;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        runtime = MtlRuntime.create();
        dann = run(Transfers.domainAdversarial().hidden(8), true);
    }

    private static PipelineSpec spec(ComponentSource strategy, String targetFile) {
        var builder = Mtl.pipeline("moons")
                .data(Data.csv(Repository.file("examples/data/moons_source.csv").toString()).numeric("x1", "x2").split(0.2, 3)
                        .target(Data.csv(targetFile).split(0.5, 3)))
                .encoder(Encoders.mlp().hidden(8))
                .task("label", Heads.binary())
                .training(t -> t.epochs(4).batchSize(32).adam(1e-2).seed(3));
        return strategy == null ? builder.build() : builder.strategy(strategy).build();
    }

    private static TransferResult run(ComponentSource strategy, boolean baseline) {
        return runtime.train(spec(strategy, Repository.file("examples/data/moons_target.csv").toString()),
                Path.of("").toAbsolutePath(), TrainingListener.SILENT, baseline);
    }

    @Test
    void theSavedModelPredictsTheTasksAloneAndPlainDl4jOpensIt() throws IOException {
        ComputationGraph trained = dann.transferred().model().graph();
        assertThat(trained.getConfiguration().getNetworkOutputs()).containsExactly("task/label/output");
        assertThat(trained.getConfiguration().getVertices().keySet()).noneMatch(v -> v.startsWith("device/"));

        Path file = dir.resolve("model.zip");
        runtime.save(dann.transferred().model(), file);
        ComputationGraph plain = ComputationGraph.load(file.toFile(), false);
        INDArray rows = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 2);

        assertThat(plain.getConfiguration().toJson()).doesNotContain("GradientReversal");
        assertThat(plain.output(rows)[0]).isEqualTo(trained.output(rows)[0]);
    }

    @Test
    void theTargetsLabelledTestRowsAreMeasuredForTheAdaptedModelAndItsSourceOnlyBaseline() {
        assertThat(dann.baselineName()).isEqualTo("source-only");
        for (TrainingResult result : new TrainingResult[] {dann.transferred(), dann.baseline()}) {
            assertThat(result.metric(DomainAdaptation.TARGET, "label", "accuracy")).isBetween(0.0, 1.0);
            assertThat(result.metric("test", "label", "accuracy")).isBetween(0.0, 1.0);
        }
    }

    @Test
    void theDomainClassifiersAccuracyIsReportedEveryEpoch() {
        assertThat(dann.transferred().history().epochs()).hasSize(4);
        for (EpochReport epoch : dann.transferred().history().epochs()) {
            assertThat(epoch.metrics().get(DomainAdaptation.DOMAIN).get("accuracy")).isBetween(0.0, 1.0);
        }
        assertThat(dann.baseline().history().epochs().get(0).metrics()).doesNotContainKey(DomainAdaptation.DOMAIN);
    }

    @Test
    void coralReportsTheCovarianceDistanceEveryEpoch() {
        TransferResult coral = run(Transfers.coral().weight(5), false);

        assertThat(coral.baseline()).isNull();
        assertThat(coral.transferred().history().epochs().get(3).metrics().get(DomainAdaptation.DOMAIN).get("distance"))
                .isGreaterThanOrEqualTo(0.0);
        assertThat(coral.transferred().model().graph().getConfiguration().getNetworkOutputs()).containsExactly("task/label/output");
    }

    @Test
    void aTargetFileWithoutAFeatureColumnIsAnErrorNamingTheColumnAndTheKey() throws IOException {
        Path target = dir.resolve("target.csv");
        Files.writeString(target, "x1,label\n0.5,1\n0.1,0\n0.2,1\n0.3,0\n");

        assertThatThrownBy(() -> runtime.train(spec(Transfers.domainAdversarial(), target.toString()),
                Path.of("").toAbsolutePath(), TrainingListener.SILENT, false))
                .isInstanceOfSatisfying(MtlException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.DATA_INVALID);
                    assertThat(e.getMessage()).startsWith("data.target.source: ").contains("target.csv").contains("[x2]");
                });
    }

    @Test
    void aStrategyThatNeedsASourceModelOrTargetRowsWithoutTheStrategyAreConfigErrors() {
        PipelineSpec noTarget = Mtl.pipeline("moons")
                .data(Data.csv(Repository.file("examples/data/moons_source.csv").toString()).numeric("x1", "x2"))
                .encoder(Encoders.mlp().hidden(8)).task("label", Heads.binary()).strategy(Transfers.coral()).build();
        PipelineSpec fineTune = noTarget.withStrategy(Transfers.fineTune().toSpec());

        assertThatThrownBy(() -> runtime.train(noTarget, Path.of(""), TrainingListener.SILENT, false))
                .isInstanceOf(MtlException.class).hasMessageStartingWith("data.target: strategy 'coral' aligns");
        assertThatThrownBy(() -> runtime.train(fineTune, Path.of(""), TrainingListener.SILENT, false))
                .isInstanceOf(MtlException.class).hasMessageStartingWith("strategy: 'fine-tune' carries a trained model");
        assertThatThrownBy(() -> spec(null, "t.csv"))
                .isInstanceOf(dev.mtl4j.api.spec.SpecException.class).hasMessageStartingWith("data.target: ");
    }
}
