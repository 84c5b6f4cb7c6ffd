package dev.mtl4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems of the command line's error output, checked for its shape: {@code error: PROBLEM} on
 * one line, or {@code error: N problems:} followed by exactly N lines {@code   i) PROBLEM}, at the
 * end of standard error (progress lines may come before it) and only once.
 */
final class ErrorLines {
    private ErrorLines() {
    }

    static List<String> problems(String err) {
        List<String> all = err.strip().lines().toList();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("error: ")) {
                starts.add(i);
            }
        }
        assertThat(starts).as("one error, standard error:\n" + err).hasSize(1);
        List<String> lines = all.subList(starts.get(0), all.size());
        String first = lines.get(0);
        assertThat(first).as("standard error:\n" + err).startsWith("error: ");
        String head = first.substring("error: ".length());
        List<String> problems = new ArrayList<>();
        if (head.matches("\\d+ problems:")) {
            int count = Integer.parseInt(head.substring(0, head.indexOf(' ')));
            assertThat(lines).as("one line per problem:\n" + err).hasSize(count + 1);
            for (int i = 1; i <= count; i++) {
                String prefix = "  " + i + ") ";
                assertThat(lines.get(i)).as(err).startsWith(prefix);
                problems.add(lines.get(i).substring(prefix.length()));
            }
        } else {
            assertThat(lines).as("one line:\n" + err).hasSize(1);
            problems.add(head);
        }
        return problems;
    }
}
