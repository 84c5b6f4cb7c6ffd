package dev.mtl4j.runtime.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Sharing;
import dev.mtl4j.api.dsl.Transfers;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TransferPipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Repository;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transfer from models whose sharing is not hard: shared experts carry over, per-task towers cannot. */
final class SharingTransferTest {
    @TempDir
    static Path dir;

    private static MtlRuntime runtime;

    @BeforeAll
    static void runtime() {
        runtime = MtlRuntime.create();
    }

    private static Path pretrain(String name, Component sharing) {
        var result = runtime.train(Mtl.pipeline(name)
                .data(Data.csv(Repository.file("examples/data/digits_0to4.csv").toString()).numeric("px*").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(16))
                .sharing(sharing)
                .task("digit", Heads.classification(5))
                .task("parity", Heads.binary())
                .training(t -> t.epochs(1).seed(42))
                .build());
        Path file = dir.resolve(name + ".zip");
        runtime.save(result.model(), file);
        return file;
    }

    /** Fine-tunes on digits 5-9 as a task of the given name (reading the digit column), new to the source. */
    private static TransferResult transfer(Path source, String task) {
        TransferPipelineSpec written = Mtl.transfer("to-5to9", source.toString())
                .strategy(Transfers.fineTune().freeze(1))
                .data(Data.csv(Repository.file("examples/data/digits_5to9.csv").toString()).split(0.5, 7).limit(100))
                .task("digit", Heads.classification(5), 1.0)
                .training(t -> t.epochs(1).batchSize(32).seed(3))
                .build();
        TransferPipelineSpec renamed = new TransferPipelineSpec(written.name(), written.transfer(), written.data(),
                List.of(new TaskSpec(task, Heads.classification(5).toSpec(), 1.0, List.of("digit"))), written.training());
        return runtime.transfer(renamed, Path.of("").toAbsolutePath(), TrainingListener.SILENT, false);
    }

    @Test
    void mixtureOfExpertsCarriesItsExpertsOverAndGivesTheNewTaskAFreshGate() {
        Path source = pretrain("mmoe", Sharing.attention("mmoe").experts(2));
        ComputationGraph before = runtime.load(source).graph();

        ComputationGraph after = transfer(source, "upper_digit").transferred().model().graph();

        // freeze(1) freezes the only encoder depth: every expert keeps the source's parameters
        assertThat(after.getLayer("shared/expert_1/dense_0").params())
                .isEqualTo(before.getLayer("shared/expert_1/dense_0").params());
        assertThat(after.getLayer("shared/gate/upper_digit")).isNotNull();
    }

    @Test
    void perTaskTowersCannotServeANewTask() {
        Path source = pretrain("soft", Sharing.soft());

        assertThatThrownBy(() -> transfer(source, "upper_digit"))
                .isInstanceOf(MtlException.class)
                .hasMessageStartingWith("transfer.from: layer 'shared/tower_upper_digit/dense_0'")
                .hasMessageContaining("sharing 'soft' gives the new tasks encoder layers the source model does not have");
    }
}
