package dev.mtl4j.runtime.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Repository;
import dev.mtl4j.runtime.config.PipelineYamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing of the two readers a user's files go through: the pipeline YAML reader (over every example
 * pipeline) and the CSV reader (over the start of every example data file). Each case is a seeded
 * random mutation ({@link Mutator}); whatever the bytes, a reader either reads them or throws an
 * {@link MtlException} whose every problem is one line, never anything else.
 *
 * <p>{@code mvn verify} runs 1,500 cases of each. A longer run (the seed and count are system
 * properties):
 * {@code mvn -B -o -pl framework-runtime -am test -Dtest=ReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfuzz.cases=50000 -Dfuzz.seed=7}. A failing case is written to {@code target/fuzz-failures/} to replay.
 */
final class ReaderFuzzTest {
    private static final int CASES = Integer.getInteger("fuzz.cases", 1_500);
    private static final long SEED = Long.getLong("fuzz.seed", 1L);
    private static final int CSV_SEED_LINES = 40;

    private final MtlRuntime runtime = MtlRuntime.create();

    @TempDir
    Path dir;

    @Test
    void thePipelineReaderThrowsNothingButItsOwnErrors() throws IOException {
        PipelineYamlReader reader = new PipelineYamlReader(runtime.registry());
        List<byte[]> seeds = new ArrayList<>();
        for (Path file : files("examples/pipelines", ".yaml")) {
            seeds.add(Files.readAllBytes(file));
        }
        Path file = dir.resolve("fuzzed.yaml");
        Map<String, Integer> outcomes = run("yaml", seeds, file, () -> {
            if (reader.kind(file) == PipelineYamlReader.Kind.TRANSFER) {
                reader.readTransfer(file);
            } else {
                reader.read(file);
            }
        });
        System.out.println("pipeline reader fuzzing: " + CASES + " cases, seed " + SEED + ": " + outcomes);
    }

    @Test
    void theCsvReaderThrowsNothingButItsOwnErrors() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (Path file : files("examples/data", ".csv")) {
            try (Stream<String> lines = Files.lines(file)) {
                seeds.add((String.join("\n", lines.limit(CSV_SEED_LINES).toList()) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        Path file = dir.resolve("fuzzed.csv");
        ComponentSpec csv = ComponentSpec.of("csv").with("path", file.toString());
        Map<String, Integer> outcomes = run("csv", seeds, file,
                () -> runtime.resolver().dataset(csv, "data.source", new DataContext(dir)).read());
        System.out.println("CSV reader fuzzing: " + CASES + " cases, seed " + SEED + ": " + outcomes);
    }

    /** Runs every case, counting outcomes; fails on the first exception that is not an MtlException. */
    private Map<String, Integer> run(String kind, List<byte[]> seeds, Path file, Runnable read) throws IOException {
        assertThat(seeds).isNotEmpty();
        Mutator mutator = new Mutator(SEED, seeds);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < CASES; i++) {
            byte[] input = mutator.next();
            Files.write(file, input);
            String outcome;
            try {
                read.run();
                outcome = "read";
            } catch (MtlException e) {
                for (Problem problem : e.problems()) {
                    assertThat(problem.render()).as("case " + i).doesNotContain("\n").doesNotContain("\r").isNotBlank();
                }
                assertThat(e.getMessage().lines().count()).as("case " + i)
                        .isEqualTo(e.problems().size() == 1 ? 1 : e.problems().size() + 1);
                outcome = e.category().name();
            } catch (Throwable t) { // an Error too (a stack overflow): a user's file must never cause one
                Path kept = Repository.file("framework-runtime/target/fuzz-failures").resolve(kind + "-seed" + SEED + "-case" + i);
                Files.createDirectories(kept.getParent());
                Files.write(kept, input);
                fail("case " + i + " (seed " + SEED + ", input kept in " + kept + ") escaped as " + t, t);
                return outcomes;
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        return outcomes;
    }

    private static List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(Repository.file(folder))) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
