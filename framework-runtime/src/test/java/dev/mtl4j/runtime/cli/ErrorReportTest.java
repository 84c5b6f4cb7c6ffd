package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What the command line prints for what a command threw: one line, the category's exit code, no trace. */
final class ErrorReportTest {

    private static String[] report(Throwable thrown, String... args) {
        CommandLine commandLine = MtlCommand.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        commandLine.parseArgs(args);
        CommandLine executed = commandLine.getParseResult().subcommand() == null ? commandLine
                : commandLine.getParseResult().subcommand().commandSpec().commandLine();
        int code = ErrorReport.of(executed).report(thrown);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void runningOutOfMemoryIsResourceExhaustedAtTheCommandsInput() {
        String[] result = report(new OutOfMemoryError("Java heap space"), "train", "p.yaml");
        assertThat(result[0]).isEqualTo("8");
        assertThat(result[1]).startsWith("error: p.yaml: out of memory (Java heap space); this process may use ")
                .contains("MTL_JAVA_OPTS=-Xmx8g").doesNotContain("\tat ");
        assertThat(result[1].strip().lines()).hasSize(1);
    }

    @Test
    void anOutOfMemoryErrorWrappedByALibraryIsResourceExhaustedToo() {
        String[] result = report(new RuntimeException("DL4J failed", new OutOfMemoryError("Cannot allocate new FloatPointer(9)")),
                "predict", "m.zip", "d.csv");
        assertThat(result[0]).isEqualTo("8");
        assertThat(result[1]).startsWith("error: d.csv: out of memory (Cannot allocate new FloatPointer(9)); ");
    }

    @Test
    void debugAddsTheStackTrace() {
        String[] result = report(new OutOfMemoryError("Java heap space"), "--debug", "train", "p.yaml");
        assertThat(result[0]).isEqualTo("8");
        assertThat(result[1]).contains("\tat ");
    }

    @Test
    void anythingElseIsAnInternalErrorOnOneLine() {
        String[] result = report(new IllegalStateException("two\nlines"), "train", "p.yaml");
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[1].strip()).isEqualTo(
                "internal error: java.lang.IllegalStateException: two lines (run with --debug for the stack trace)");
    }

    @Test
    void aUsageMistakeIsOneLineWithWhereToLook() {
        CliRun run = CliRun.of("train");
        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err().strip()).isEqualTo("error: Missing required parameter: 'PIPELINE.yaml' (see 'mtl train --help')");
    }
}
