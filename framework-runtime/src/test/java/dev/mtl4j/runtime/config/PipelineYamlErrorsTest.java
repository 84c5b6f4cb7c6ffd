package dev.mtl4j.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input on its own: the exact one-line problem, with file, line, column and key. */
final class PipelineYamlErrorsTest {
    private static final String DATA = "data: { source: { type: csv, path: d.csv }, features: { x: numeric } }\n";
    private static final String ENCODER = "encoder: { type: mlp, hidden: [8] }\n";
    private static final String TASKS = "tasks: { y: { head: { type: binary } } }\n";

    private final PipelineYamlReader reader = new PipelineYamlReader(new TestCatalog());

    private List<String> problems(String yaml) {
        MtlException e = catchThrowableOfType(MtlException.class, () -> reader.read(yaml, "p.yaml"));
        assertThat(e).as("expected the file to be refused").isNotNull();
        assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG_INVALID);
        return e.lines();
    }

    @Test
    void unknownKeySuggestsTheClosestKey() {
        assertThat(problems("pipeline: p\n" + DATA + ENCODER + TASKS + "training:\n  epoch: 5\n"))
                .containsExactly("p.yaml:6:3: training.epoch: unknown key 'epoch'; did you mean 'epochs'?");
    }

    @Test
    void unknownKeyWithoutCloseMatchListsTheValidKeys() {
        assertThat(problems("pipeline: p\n" + DATA + ENCODER + TASKS + "colour: red\n"))
                .containsExactly("p.yaml:5:1: colour: unknown key 'colour'; valid keys are "
                        + "[pipeline, data, encoder, sharing, tasks, training, strategy, search]");
    }

    @Test
    void unknownParameterSuggestsTheClosestParameter() {
        assertThat(problems("pipeline: p\n" + DATA + "encoder: { type: mlp, hidden: [8], dropuot: 0.1 }\n" + TASKS))
                .containsExactly("p.yaml:3:36: encoder.dropuot: unknown key 'dropuot'; did you mean 'dropout'?");
    }

    @Test
    void wrongParameterTypeSaysWhatWasExpected() {
        assertThat(problems("pipeline: p\n" + DATA + "encoder: { type: mlp, hidden: abc }\n" + TASKS))
                .containsExactly("p.yaml:3:31: encoder.hidden: expected a list of integers, got 'abc'");
    }

    @Test
    void wrongTypeInTheFormatItselfSaysWhatWasExpected() {
        assertThat(problems("pipeline: p\n" + DATA + ENCODER + TASKS + "training: { epochs: ten }\n"))
                .containsExactly("p.yaml:5:21: training.epochs: expected an integer, got 'ten'");
    }

    @Test
    void outOfRangeValueIsReportedByTheSpecAtItsKey() {
        assertThat(problems("pipeline: p\n" + DATA + ENCODER + TASKS + "training:\n  epochs: 0\n"))
                .containsExactly("p.yaml:6:11: training.epochs: must be >= 1, got 0");
    }

    @Test
    void unknownWeightInitialisationListsTheKnownOnes() {
        assertThat(problems("pipeline: p\n" + DATA + ENCODER + TASKS + "training:\n  init: kaiming\n"))
                .containsExactly("p.yaml:6:9: training.init: must be one of auto, he, xavier, lecun, uniform, got 'kaiming'");
    }

    @Test
    void outOfRangeParameterSaysTheBound() {
        assertThat(problems("pipeline: p\n" + DATA + ENCODER
                + "tasks:\n  parity:\n    head: { type: classification, classes: 1 }\n"))
                .containsExactly("p.yaml:6:44: tasks.parity.head.classes: must be >= 2, got 1");
    }

    @Test
    void missingRequiredParameterPointsAtTheComponentsType() {
        assertThat(problems("pipeline: p\n" + DATA + "encoder: { type: mlp }\n" + TASKS))
                .containsExactly("p.yaml:3:12: encoder.hidden: is required");
    }

    @Test
    void unknownComponentTypeSuggestsAKnownOne() {
        assertThat(problems("pipeline: p\n" + DATA + "encoder: { type: mlpp, hidden: [8] }\n" + TASKS))
                .containsExactly("p.yaml:3:18: encoder.type: unknown encoder type 'mlpp'; did you mean 'mlp'? (known: mlp)");
    }

    @Test
    void javaClassTagIsRefusedAtItsNode() {
        assertThat(problems("pipeline: p\n"
                + "data: { source: { type: csv, path: !!java.net.URL \"http://x\" }, features: { x: numeric } }\n"
                + ENCODER + TASKS))
                .containsExactly("p.yaml:2:36: data.source.path: tag '!!java.net.URL' is not allowed");
    }

    @Test
    void scriptEngineGadgetIsRefusedWithoutBeingInstantiated() {
        assertThat(problems("pipeline: !!javax.script.ScriptEngineManager "
                + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]\n" + DATA + ENCODER + TASKS))
                .containsExactly("p.yaml:1:11: pipeline: tag '!!javax.script.ScriptEngineManager' is not allowed");
    }

    @Test
    void duplicateKeyPointsAtTheSecondOccurrence() {
        assertThat(problems("pipeline: p\n" + DATA + ENCODER + TASKS + "pipeline: q\n"))
                .containsExactly("p.yaml:5:1: pipeline: duplicate key 'pipeline' (first at line 1)");
    }

    @Test
    void yamlSyntaxErrorIsReportedWhereTheParserStopped() {
        assertThat(problems("pipeline: p\n" + DATA + "encoder: { type: mlp, hidden: [8 }\n" + TASKS))
                .containsExactly("p.yaml:3:34: syntax: expected ',' or ']', but got }");
    }

    @Test
    void missingFileIsReportedByName(@TempDir Path dir) {
        Path file = dir.resolve("nowhere.yaml");

        MtlException e = catchThrowableOfType(MtlException.class, () -> reader.read(file));

        assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG_INVALID);
        assertThat(e.lines()).containsExactly(file + ": pipeline file not found");
    }

    @Test
    void missingSectionsAreRequired() {
        assertThat(problems("pipeline: p\n" + DATA))
                .containsExactly("p.yaml:1:1: encoder: is required", "p.yaml:1:1: tasks: is required");
    }

    @Test
    void emptyFileNeedsEverySection() {
        assertThat(problems("")).containsExactly("p.yaml:1:1: pipeline: is required", "p.yaml:1:1: data: is required",
                "p.yaml:1:1: encoder: is required", "p.yaml:1:1: tasks: is required");
    }

    @Test
    void crossChecksOfThePipelineFindTheirKey() {
        String dataWithValidation = "data: { source: { type: csv, path: d.csv }, features: { x: numeric }, split: { validation: 0.1 } }\n";
        assertThat(problems("pipeline: p\n" + dataWithValidation + ENCODER + TASKS
                + "training: { earlyStopping: { task: z, metric: accuracy, patience: 2 } }\n"))
                .containsExactly("p.yaml:5:36: training.earlyStopping.task: there is no task 'z'; tasks are [y]");
        assertThat(problems("pipeline: p\n" + DATA + ENCODER + TASKS
                + "training: { earlyStopping: { metric: loss, patience: 2 } }\n"))
                .containsExactly("p.yaml:5:28: training.earlyStopping: needs validation rows; set data.split.validation (e.g. 0.1)");
    }

    @Test
    void aliasBombIsStoppedByTheAliasLimit() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'h'; c++) {
            char previous = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [").append(("*" + previous + ", ").repeat(9))
                    .append('*').append(previous).append("]\n");
        }

        assertThat(problems(yaml.toString())).singleElement().asString().startsWith("p.yaml:").contains("syntax:");
    }

    @Test
    void everyProblemOfAFileIsReportedTogetherInFileOrder() {
        MtlException e = catchThrowableOfType(MtlException.class, () -> reader.read("""
                pipeline: p
                data: { source: { type: csv, path: d.csv }, features: { x: numeric } }
                encoder: { type: mlp, hidden: [8], activation: sigmoid }
                tasks:
                  y: { head: { type: binry }, wieght: 2 }
                training: { epochs: 0, batchSize: 64 }
                """, "p.yaml"));

        assertThat(e.lines()).containsExactly(
                "p.yaml:3:48: encoder.activation: must be one of [relu, tanh], got 'sigmoid'",
                "p.yaml:5:22: tasks.y.head.type: unknown head type 'binry'; did you mean 'binary'? "
                        + "(known: binary, classification, multilabel, regression)",
                "p.yaml:5:31: tasks.y.wieght: unknown key 'wieght'; did you mean 'weight'?",
                "p.yaml:6:21: training.epochs: must be >= 1, got 0");
        assertThat(e.getMessage()).startsWith("4 problems:" + System.lineSeparator() + "  1) p.yaml:3:48: ")
                .contains("  4) p.yaml:6:21: training.epochs");
    }

    @Test
    void negativeSplitLimitIsReportedAtTheLimit() {
        assertThat(problems("pipeline: p\n"
                + "data: { source: { type: csv, path: d.csv }, features: { x: numeric }, split: { limit: -3 } }\n"
                + ENCODER + TASKS))
                .containsExactly("p.yaml:2:87: data.split.limit: must be >= 0 (0: every training row), got -3");
        assertThat(problems("pipeline: p\n"
                + "data: { source: { type: csv, path: d.csv }, features: { x: numeric }, split: { limit: 0.5 } }\n"
                + ENCODER + TASKS))
                .containsExactly("p.yaml:2:87: data.split.limit: expected an integer, got '0.5'");
    }

    @Test
    void aTransferPipelineIsRefusedWithTheCommandThatRunsIt() {
        assertThat(problems("pipeline: p\n" + DATA + ENCODER + TASKS
                + "transfer: { from: m.zip, strategy: { type: fine-tune } }\n"))
                .containsExactly("p.yaml:5:1: transfer: this is a transfer pipeline; run it with `mtl transfer`");
    }

    @Test
    void topLevelMustBeAMap() {
        assertThat(problems("- pipeline: p\n")).containsExactly("p.yaml:1:1: (top level): expected a map with the keys "
                + "[pipeline, data, encoder, sharing, tasks, training, strategy, search], got a list");
    }

    @Test
    void labelAndLabelsTogetherAreAmbiguous() {
        assertThat(problems("pipeline: p\n" + DATA + ENCODER + "tasks:\n  y: { head: { type: binary }, label: a, labels: [b] }\n"))
                .containsExactly("p.yaml:5:32: tasks.y.label: give either 'label' or 'labels', not both");
    }

    @Test
    void explicitTagThatDoesNotFitItsTextIsReported() {
        assertThat(problems("pipeline: p\n" + DATA + ENCODER + TASKS + "training: { seed: !!int abc }\n"))
                .containsExactly("p.yaml:5:19: training.seed: 'abc' is not a valid integer");
    }

    @Test
    void unknownFeatureTypeIsReportedAtItsValue() {
        assertThat(problems("pipeline: p\n"
                + "data: { source: { type: csv, path: d.csv }, features: { x: numerical } }\n" + ENCODER + TASKS))
                .containsExactly("p.yaml:2:60: data.features.x: must be one of numeric, categorical, ordinal, text, got 'numerical'");
    }

    @Test
    void selfReferencingAliasInAParameterIsRefused() {
        assertThat(problems("pipeline: p\n" + DATA + "encoder: { type: mlp, hidden: &h [8, *h] }\n" + TASKS))
                .containsExactly("p.yaml:3:31: encoder.hidden[1]: refers to itself through an alias");
    }

    @Test
    void aliasesThatExpandToMillionsOfValuesAreRefused() {
        StringBuilder yaml = new StringBuilder("pipeline: p\n" + DATA + ENCODER + TASKS + "sharing:\n  type: hard\n"
                + "  a0: &a0 [x, x]\n");
        for (int i = 1; i <= 24; i++) {
            yaml.append("  a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append("]\n");
        }

        assertThat(problems(yaml.toString())).singleElement().asString()
                .contains(": sharing.a").endsWith("expands to more than 100000 values through aliases");
    }
}
