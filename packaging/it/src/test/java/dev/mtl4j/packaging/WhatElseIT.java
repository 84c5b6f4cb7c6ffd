package dev.mtl4j.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "What else the command line does" block, run as written, top to bottom: every line is an
 * {@code ./mtl} command, run with the unpacked distribution's {@code bin/mtl} (what {@code ./mtl}
 * runs once built) in a folder laid out like the repository (the archive's examples, and the example
 * plugin's jar where the block names it), and every one must succeed.
 */
final class WhatElseIT {
    private static final String SECTION = "## What else the command line does";

    @TempDir
    Path elsewhere;

    @Test
    void readmesWhatElseBlockRunsAsWritten() throws Exception {
        List<List<String>> commands = block(Files.readString(Checkout.root().resolve("README.md")));
        assertThat(commands).hasSizeGreaterThan(10).allMatch(c -> c.get(0).equals("./mtl"));

        String name = "mtl-" + Checkout.version();
        Path archive = Checkout.root().resolve("packaging/distribution/target").resolve(name + ".tar.gz");
        Command.Result unpack = Command.run(elsewhere, Map.of(), Duration.ofMinutes(2), List.of("tar", "xzf", archive.toString()));
        assertThat(unpack.exit()).as(unpack.output()).isZero();
        Path home = elsewhere.resolve(name);
        Path plugin = Checkout.root().resolve("examples/custom-plugin/target").resolve("mtl4j-example-residual-mlp-"
                + Checkout.version() + ".jar");
        Files.createDirectories(home.resolve("examples/custom-plugin/target"));
        Files.copy(plugin, home.resolve("examples/custom-plugin/target").resolve(plugin.getFileName()));

        StringBuilder transcript = new StringBuilder();
        for (List<String> command : commands) {
            List<String> line = new ArrayList<>(command);
            line.set(0, home.resolve("bin/mtl").toString());
            Command.Result result = Command.run(home, Map.of("OMP_NUM_THREADS", "1"), Duration.ofMinutes(15), line);
            transcript.append("$ ").append(String.join(" ", command)).append('\n').append(result.output());
            assertThat(result.exit()).as(transcript.toString()).isZero();
        }
        String all = transcript.toString();
        assertThat(home.resolve("runs/digits/report.html")).isRegularFile();
        assertThat(home.resolve("predictions.csv")).isRegularFile();
        assertThat(all).containsPattern("\\ndigit: (multi-task learning helped|multi-task learning hurt|no clear difference)")
                .containsPattern("\\nINCOME: (transfer helped|transfer hurt|no clear difference)")
                .contains("expert_0", "residual-mlp", "epochs");
    }

    /** The commands of the section's first code block: one per line, a trailing {@code # comment} dropped. */
    static List<List<String>> block(String readme) {
        int section = readme.indexOf(SECTION);
        int start = readme.indexOf("```\n", section) + 4;
        int end = readme.indexOf("```", start);
        List<List<String>> commands = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            String command = line.contains(" #") ? line.substring(0, line.indexOf(" #")) : line;
            if (!command.isBlank()) {
                commands.add(Arrays.asList(command.trim().split("\\s+")));
            }
        }
        return commands;
    }
}
