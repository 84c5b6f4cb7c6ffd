package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** picocli's conventions: help everywhere, "did you mean", results on stdout; describe knows every section. */
final class CliConventionsTest {

    @Test
    void everySubcommandHasHelpOnStdout() {
        for (String name : MtlCommand.commandLine().getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            CliRun run = CliRun.of(name, "--help");
            assertThat(run.exitCode()).as(name + ": " + run.err()).isZero();
            assertThat(run.out()).as(name).startsWith("Usage: mtl " + name).contains("--help");
            assertThat(run.err()).as(name).isEmpty();
        }
    }

    @Test
    void aMisspeltCommandGetsADidYouMean() {
        CliRun run = CliRun.of("trian", "x.yaml");
        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err().strip()).isEqualTo("error: unknown command 'trian'; did you mean 'train'? (see 'mtl --help')");
    }

    @Test
    void aMisspeltOptionGetsADidYouMean() {
        CliRun run = CliRun.of("transfer", "x.yaml", "--baselin");
        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err().strip()).isEqualTo("error: unknown option '--baselin'; did you mean '--baseline'? (see 'mtl transfer --help')");
    }

    @Test
    void describeShowsEveryPipelineSection() {
        for (String section : new String[] {"pipeline", "data", "split", "features", "tasks", "task-data", "training",
                "optimizer", "adam", "sgd", "earlyStopping", "transfer"}) {
            CliRun run = CliRun.of("describe", section);
            assertThat(run.exitCode()).as(section + ": " + run.err()).isZero();
            assertThat(run.out()).as(section).contains("(pipeline section, at ");
        }
        CliRun training = CliRun.of("describe", "training");
        assertThat(training.out()).containsPattern("epochs +integer >= 1 +default 10 +passes over the training rows")
                .contains("batchSize", "optimizer", "earlyStopping", "sampler", "init");
        assertThat(CliRun.of("describe", "adam").out()).containsPattern("lr +number > 0 +default 0.001");
        assertThat(CliRun.of("describe", "earlyStopping").out()).containsPattern("patience +integer >= 1 +required");

        CliRun misspelt = CliRun.of("describe", "trainig");
        assertThat(misspelt.exitCode()).isEqualTo(2);
        assertThat(misspelt.err()).contains("did you mean 'training'?");
    }
}
