package dev.mtl4j.api;

import java.util.List;
import java.util.Objects;

/**
 * The one exception type mtl4j raises for a user's mistake. Its message is meant to be shown as is:
 * each problem is one line that says where (file:line:column, or file, row and column) and what.
 */
public final class MtlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCategory category;
    private final List<String> problems;

    public MtlException(ErrorCategory category, String problem) {
        this(category, List.of(problem), null);
    }

    public MtlException(ErrorCategory category, String problem, Throwable cause) {
        this(category, List.of(problem), cause);
    }

    public MtlException(ErrorCategory category, List<String> problems, Throwable cause) {
        super(render(problems), cause);
        this.category = Objects.requireNonNull(category, "category");
        this.problems = List.copyOf(problems);
    }

    public ErrorCategory category() {
        return category;
    }

    /** Every problem found, one line each; a configuration file reports all of its problems at once. */
    public List<String> problems() {
        return problems;
    }

    private static String render(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an MtlException needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0);
        }
        StringBuilder text = new StringBuilder(problems.size() + " problems:");
        for (int i = 0; i < problems.size(); i++) {
            text.append(System.lineSeparator()).append("  ").append(i + 1).append(") ").append(problems.get(i));
        }
        return text.toString();
    }
}
