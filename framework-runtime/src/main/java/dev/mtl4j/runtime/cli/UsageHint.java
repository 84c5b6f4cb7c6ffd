package dev.mtl4j.runtime.cli;

import dev.mtl4j.api.Problem;
import dev.mtl4j.runtime.suggest.FuzzyMatcher;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The one-line text of a usage mistake, with a "did you mean" for a misspelt command or option:
 * {@code unknown command 'trian'; did you mean 'train'?}.
 */
final class UsageHint {
    private UsageHint() {
    }

    static String message(CommandLine.ParameterException ex) {
        String plain = Problem.of(ex.getMessage()).message();
        if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return plain;
        }
        String word = unmatched.getUnmatched().get(0);
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        if (!word.startsWith("-") && !spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
            return "unknown command '" + word + "'" + suggestion(word, List.copyOf(spec.subcommands().keySet()))
                    .orElse("; the commands are " + String.join(", ", spec.subcommands().keySet()));
        }
        if (word.startsWith("-")) {
            String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            return "unknown option '" + option + "'" + suggestion(option, spec.options().stream()
                    .flatMap(o -> List.of(o.names()).stream()).toList()).orElse("");
        }
        return plain;
    }

    private static Optional<String> suggestion(String word, List<String> candidates) {
        return FuzzyMatcher.closest(word, candidates).map(match -> "; did you mean '" + match + "'?");
    }
}
