package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus: every mistake a user can make with a pipeline, a data file, a model file or a
 * command line gets a clear one-line error with its location and the exit code of its category, and
 * never a stack trace, an internal error (exit 1) or success (exit 0).
 *
 * <h2>A case</h2>
 * One folder under {@code src/test/resources/bad-inputs/}, named {@code KIND-what-is-wrong}, where
 * KIND is {@code pipeline}, {@code data}, {@code model} or {@code command} (what the bad input is).
 * It holds:
 * <ul>
 *   <li>{@code command}: the {@code mtl} arguments on one line, separated by spaces, e.g.
 *       {@code train {dir}/p.yaml --out {out}};</li>
 *   <li>{@code expect}: lines {@code exit: N} (the category's exit code: 2 to 8, or 64 for a usage
 *       mistake), {@code where: LOCATION} (how the error line starts after {@code error: }, e.g.
 *       {@code {dir}/p.yaml:9:13: training.epoch}; {@code -} for a mistake on the command line itself,
 *       which has no file), and optionally {@code says: TEXT} (a part of the message) and
 *       {@code jvm: OPTIONS} (run in a child JVM with these options, e.g. {@code -Xmx128m}, for what
 *       cannot happen inside the test's JVM), and optionally {@code busy: FOLDER} (the test holds that
 *       output folder while the command runs, as a run writing into it would);</li>
 *   <li>the input files (pipelines, CSVs, model zips) the command names.</li>
 * </ul>
 * In {@code command}, {@code expect} and every {@code .yaml} file, {@code {dir}} is replaced by the
 * case's folder (copied to a temporary folder first), {@code {out}} by an output folder in it,
 * {@code {shared}} by the corpus's {@code _shared} folder (files several cases read: a small CSV, a
 * model), {@code {examples}} by the repository's {@code examples} folder and {@code {golden}} by the
 * golden model zip of the test resources. Run the command by hand with those replaced to see its output.
 *
 * <h2>What every case must show</h2>
 * The expected exit code; no stack trace; the error as {@code error: PROBLEM}, or {@code error: N
 * problems:} followed by one numbered line each; every problem starting with its location (a file,
 * {@code FILE:LINE:COLUMN} or a data file's row and column), the first one with {@code where}; and
 * no model or metrics written. The counts by kind and category are printed after the run and written,
 * with each case's exit code and message, to {@code framework-runtime/target/bad-inputs-report.txt}.
 */
final class BadInputCorpusTest {
    private static final Path CORPUS = Repository.file("framework-runtime/src/test/resources/bad-inputs");
    private static final Map<String, String> RESULTS = new ConcurrentSkipListMap<>();
    private static final Map<String, String> MESSAGES = new ConcurrentSkipListMap<>();

    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicTest> everyBadInputGetsALocatedOneLineErrorWithItsExitCode() throws IOException {
        List<Path> cases;
        try (Stream<Path> folders = Files.list(CORPUS)) {
            cases = folders.filter(Files::isDirectory).filter(f -> !f.getFileName().toString().equals(CorpusCase.SHARED))
                    .sorted().toList();
        }
        assertThat(cases).as("corpus cases").isNotEmpty();
        return cases.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> check(folder)));
    }

    private static void check(Path folder) throws IOException {
        CorpusCase corpusCase = CorpusCase.copy(folder, work.resolve(folder.getFileName().toString()));
        CliRun run = corpusCase.run();
        String shown = "case " + folder.getFileName() + " (exit " + run.exitCode() + ")\nstderr:\n" + run.err()
                + "\nstdout (end):\n" + tail(run.out());
        assertThat(corpusCase.exit()).as("expected exit of " + folder.getFileName()).isNotIn(0, 1);
        assertThat(run.exitCode()).as(shown).isEqualTo(corpusCase.exit());
        assertThat(run.err() + run.out()).as(shown).doesNotContain("\tat ").doesNotContain("Caused by:")
                .doesNotContain("Exception in thread");
        List<String> problems = ErrorLines.problems(run.err());
        assertThat(problems).as(shown).isNotEmpty();
        if (!corpusCase.where().equals("-")) {
            assertThat(problems.get(0)).as(shown).startsWith(corpusCase.where());
            for (String problem : problems) {
                assertThat(problem).as("every problem starts with its location\n" + shown).startsWith("/");
            }
        }
        corpusCase.says().ifPresent(text -> assertThat(String.join("\n", problems)).as(shown).contains(text));
        assertThat(corpusCase.out().resolve("model.zip")).as("a failed run writes no model\n" + shown).doesNotExist();
        assertThat(corpusCase.out().resolve("metrics.json")).as(shown).doesNotExist();
        RESULTS.put(folder.getFileName().toString(), corpusCase.kind() + " " + category(run.exitCode()));
        MESSAGES.put(folder.getFileName().toString(), run.exitCode() + " " + String.join(" | ", problems)
                .replace(work.resolve(folder.getFileName().toString()).toString(), "{dir}"));
    }

    private static String tail(String text) {
        return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
    }

    private static String category(int exit) {
        if (exit == ErrorReport.USAGE_ERROR) {
            return "USAGE";
        }
        return Stream.of(dev.mtl4j.api.ErrorCategory.values()).filter(c -> c.exitCode() == exit)
                .map(Enum::name).findFirst().orElse("exit " + exit);
    }

    @AfterAll
    static void reportCounts() {
        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, Integer> byCategory = new TreeMap<>();
        RESULTS.values().forEach(result -> {
            String[] parts = result.split(" ");
            byKind.merge(parts[0], 1, Integer::sum);
            byCategory.merge(parts[1], 1, Integer::sum);
        });
        String report = "bad-input corpus: " + RESULTS.size() + " cases passed; by kind " + byKind + "; by category "
                + byCategory + System.lineSeparator();
        System.out.print(report);
        try {
            Path target = Repository.file("framework-runtime/target");
            Files.createDirectories(target);
            StringBuilder listing = new StringBuilder(report);
            MESSAGES.forEach((name, message) -> listing.append(name).append(": ").append(message).append(System.lineSeparator()));
            Files.writeString(target.resolve("bad-inputs-report.txt"), listing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
