package dev.mtl4j.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * README's Maven snippet, tested the way a user meets it: a separate project that imports the BOM
 * and depends on the starter is built offline ({@code mvn -o}) against a fresh local repository
 * holding only what this build installs, and its test trains a model; and the custom-plugin example,
 * copied out of the checkout, builds the same way and passes the plugin testkit.
 */
final class ConsumerProjectIT {
    private static final Pattern README_BLOCK = Pattern.compile("<!-- README begin -->\\n(.*?)\\n\\s*<!-- README end -->",
            Pattern.DOTALL);

    @Test
    void readmeShowsTheConsumersDependencies() throws IOException {
        String readme = normalised(Files.readString(Checkout.root().resolve("README.md")));
        List<String> blocks = readmeBlocks(Files.readString(consumerSource().resolve("pom.xml")));

        assertThat(blocks).hasSize(2);
        assertThat(blocks).allSatisfy(block -> assertThat(readme).contains(normalised(block)));
    }

    private static Path work;
    private static LocalRepository repository;

    /** One fresh local repository with this build's artifacts installed, for every project built here. */
    @BeforeAll
    static void install() throws IOException {
        work = Checkout.scratch("consumer-it");
        delete(work);
        repository = LocalRepository.create(work.resolve("repository"), Checkout.userRepository(), Checkout.version());
        Path bom = Checkout.root().resolve("packaging/bom/pom.xml");
        List<String> installed = repository.installPublished(new Modules(Checkout.root()), bom);
        assertThat(installed).contains("mtl4j-bom", "mtl4j-starter", "mtl4j-framework-runtime", "mtl4j-plugin-testkit",
                "mtl4j-parent");
    }

    @Test
    void aProjectUsingTheBomAndTheStarterBuildsOfflineAndTrains() throws Exception {
        Path project = copy(consumerSource(), work.resolve("consumer"));
        Files.copy(Checkout.root().resolve("examples/data/digits_tasks.csv"), project.resolve("digits_tasks.csv"));

        Command.Result build = offline(project, "test");

        assertThat(build.exit()).as(build.output()).isZero();
        assertThat(build.output()).contains("Tests run: 1, Failures: 0, Errors: 0").contains("test accuracy: digit");
    }

    /** examples/custom-plugin copied out of the checkout builds against the BOM alone and passes the testkit's contract. */
    @Test
    void theCustomPluginExampleBuildsAloneAndKeepsTheContract() throws Exception {
        Path plugin = copy(Checkout.root().resolve("examples/custom-plugin"), work.resolve("custom-plugin"));

        Command.Result build = offline(plugin, "verify");

        assertThat(build.exit()).as(build.output()).isZero();
        assertThat(build.output()).containsPattern("Tests run: \\d+, Failures: 0, Errors: 0, Skipped: 0, .* in "
                + "dev.mtl4j.examples.residual.ResidualMlpContractTest");
        assertThat(plugin.resolve("target/mtl4j-example-residual-mlp-" + Checkout.version() + ".jar")).isRegularFile();
    }

    private static Command.Result offline(Path project, String phase) throws Exception {
        return Command.run(project, Map.of(), Duration.ofMinutes(8), List.of(Checkout.mvn().toString(), "-B", "-o",
                "-Dmaven.repo.local=" + repository.root(), phase));
    }

    private static Path consumerSource() {
        return Checkout.root().resolve("packaging/it/src/test/consumer");
    }

    private static List<String> readmeBlocks(String pom) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = README_BLOCK.matcher(pom);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    /** Each line trimmed, blank lines dropped: README indents the snippet its own way. */
    private static String normalised(String text) {
        return String.join("\n", text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    /** Copies a project folder, without what a build left in its target folder. */
    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(f -> !from.relativize(f).startsWith("target")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    /** Deletes a folder of an earlier run; links are removed, never followed. */
    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
