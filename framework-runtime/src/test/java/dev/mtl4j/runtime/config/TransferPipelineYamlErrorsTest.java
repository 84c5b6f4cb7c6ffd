package dev.mtl4j.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each bad transfer pipeline on its own: the exact one-line problem, with file, line, column and key. */
final class TransferPipelineYamlErrorsTest {
    private static final String TRANSFER = "transfer: { from: m.zip, strategy: { type: fine-tune }, keep: [A] }\n";
    private static final String DATA = "data: { source: { type: csv, path: d.csv } }\n";
    private static final String TASKS = "tasks: { y: { head: { type: binary } } }\n";

    private final PipelineYamlReader reader = new PipelineYamlReader(new TestCatalog());

    private List<String> problems(String yaml) {
        MtlException e = catchThrowableOfType(MtlException.class, () -> reader.readTransfer(yaml, "t.yaml"));
        assertThat(e).as("expected the file to be refused").isNotNull();
        assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG_INVALID);
        return e.lines();
    }

    @Test
    void theSourceModelIsRequired() {
        assertThat(problems("pipeline: t\ntransfer: { strategy: { type: fine-tune } }\n" + DATA + TASKS))
                .containsExactly("t.yaml:2:11: transfer.from: is required");
    }

    @Test
    void unknownStrategySuggestsAKnownOne() {
        assertThat(problems("pipeline: t\ntransfer: { from: m.zip, strategy: { type: fine-tun } }\n" + DATA + TASKS))
                .containsExactly("t.yaml:2:44: transfer.strategy.type: unknown transfer strategy type 'fine-tun'; "
                        + "did you mean 'fine-tune'? (known: feature-extraction, fine-tune, gradual-unfreezing)");
    }

    @Test
    void strategyParametersAreCheckedAgainstTheStrategy() {
        assertThat(problems("pipeline: t\ntransfer: { from: m.zip, strategy: { type: fine-tune, freeze: -1 } }\n"
                + DATA + TASKS))
                .containsExactly("t.yaml:2:63: transfer.strategy.freeze: must be >= 0, got -1");
        assertThat(problems("pipeline: t\ntransfer: { from: m.zip, strategy: { type: feature-extraction, lr: 0.1 } }\n"
                + DATA + TASKS)).singleElement().asString()
                .startsWith("t.yaml:2:64: transfer.strategy.lr: unknown key 'lr'");
    }

    @Test
    void featuresComeFromTheSourceModel() {
        assertThat(problems("pipeline: t\n" + TRANSFER
                + "data: { source: { type: csv, path: d.csv }, features: { x: numeric }, unseen: other }\n" + TASKS))
                .containsExactly(
                        "t.yaml:3:45: data.features: a transfer pipeline takes its features from the source model;"
                                + " remove 'features'",
                        "t.yaml:3:71: data.unseen: a transfer pipeline takes its features from the source model;"
                                + " remove 'unseen'");
    }

    @Test
    void theEncoderAndSharingComeFromTheSourceModel() {
        assertThat(problems("pipeline: t\n" + TRANSFER + DATA + TASKS
                + "encoder: { type: mlp, hidden: [8] }\nsharing: { type: hard }\n"))
                .containsExactly(
                        "t.yaml:5:1: encoder: a transfer pipeline uses the source model's encoder; remove 'encoder'",
                        "t.yaml:6:1: sharing: a transfer pipeline uses the source model's sharing strategy;"
                                + " remove 'sharing'");
    }

    @Test
    void aKeptTaskCannotAlsoBeANewTask() {
        assertThat(problems("pipeline: t\n" + TRANSFER + DATA + "tasks:\n  A: { head: { type: binary } }\n"))
                .containsExactly("t.yaml:5:6: tasks.A: is declared twice (as a new task and in transfer.keep, or twice)");
    }

    @Test
    void aTaskIsNeededWhenNoneIsKept() {
        assertThat(problems("pipeline: t\ntransfer: { from: m.zip, strategy: { type: fine-tune } }\n" + DATA))
                .containsExactly("t.yaml:1:1: tasks: declare at least one new task, or keep a source task (transfer.keep)");
    }

    @Test
    void aTaskKeptTwiceIsReportedAtKeep() {
        assertThat(problems("pipeline: t\ntransfer: { from: m.zip, strategy: { type: fine-tune }, keep: [A, A] }\n"
                + DATA)).containsExactly("t.yaml:2:63: transfer.keep: names a task twice");
    }

    @Test
    void aNegativeLimitIsReportedAtTheLimit() {
        assertThat(problems("pipeline: t\n" + TRANSFER
                + "data: { source: { type: csv, path: d.csv }, split: { limit: -3 } }\n" + TASKS))
                .containsExactly("t.yaml:3:61: data.split.limit: must be >= 0 (0: every training row), got -3");
    }

    @Test
    void everyProblemOfATransferFileIsReportedTogetherInFileOrder() {
        assertThat(problems("""
                pipeline: t
                transfer: { strategy: { type: fine-tune, frezee: 1 } }
                data: { source: { type: csv, path: d.csv }, drop: [x], split: { limit: -3 } }
                encoder: { type: mlp, hidden: [8] }
                """)).containsExactly(
                "t.yaml:2:11: transfer.from: is required",
                "t.yaml:2:42: transfer.strategy.frezee: unknown key 'frezee'; did you mean 'freeze'?",
                "t.yaml:3:45: data.drop: a transfer pipeline takes its features from the source model; remove 'drop'",
                "t.yaml:3:72: data.split.limit: must be >= 0 (0: every training row), got -3",
                "t.yaml:4:1: encoder: a transfer pipeline uses the source model's encoder; remove 'encoder'");
    }

    @Test
    void topLevelMustBeAMapWithTheTransferKeys() {
        assertThat(problems("- pipeline: t\n")).containsExactly("t.yaml:1:1: (top level): expected a map with the keys "
                + "[pipeline, transfer, data, tasks, training], got a list");
    }

    @Test
    void anOrdinaryPipelineReaderRefusesATransferPipeline() {
        MtlException e = catchThrowableOfType(MtlException.class,
                () -> reader.read("pipeline: t\n" + TRANSFER + DATA + TASKS, "t.yaml"));

        assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG_INVALID);
        assertThat(e.lines()).containsExactly(
                "t.yaml:2:1: transfer: this is a transfer pipeline; run it with `mtl transfer`");
    }
}
