package dev.mtl4j.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one exception type mtl4j raises for a user's mistake. It carries its {@link ErrorCategory} (the
 * command line's exit code) and one or more {@link Problem}s as data: key, location and message. Its
 * message is the problems rendered, meant to be shown as is: each problem is one line that says where
 * (file:line:column, or file, row and column) and what.
 */
public final class MtlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCategory category;
    private final transient List<Problem> problems;

    /** One problem given as its whole text (no key, no location of its own). */
    public MtlException(ErrorCategory category, String problem) {
        this(category, Problem.of(problem), null);
    }

    public MtlException(ErrorCategory category, String problem, Throwable cause) {
        this(category, Problem.of(problem), cause);
    }

    public MtlException(ErrorCategory category, Problem problem) {
        this(category, List.of(problem), null);
    }

    public MtlException(ErrorCategory category, Problem problem, Throwable cause) {
        this(category, List.of(problem), cause);
    }

    public MtlException(ErrorCategory category, List<Problem> problems, Throwable cause) {
        super(render(problems), cause);
        this.category = Objects.requireNonNull(category, "category");
        this.problems = List.copyOf(problems);
    }

    /** Problems given as their whole texts, one line each. */
    public static MtlException ofLines(ErrorCategory category, List<String> lines) {
        return new MtlException(category, lines.stream().map(Problem::of).toList(), null);
    }

    public ErrorCategory category() {
        return category;
    }

    /** Every problem found; a configuration file reports all of its problems at once. */
    public List<Problem> problems() {
        return problems;
    }

    /** Every problem rendered, one line each. */
    public List<String> lines() {
        return problems.stream().map(Problem::render).toList();
    }

    /**
     * The same exception with each keyed problem that has no location yet placed where
     * {@code locator} finds its key (the line of a pipeline file); others are kept as they are.
     * Returns this exception when nothing was placed. The cause and stack trace are kept.
     */
    public MtlException locatedBy(Function<String, Optional<Location>> locator) {
        boolean changed = false;
        List<Problem> placed = new java.util.ArrayList<>(problems.size());
        for (Problem problem : problems) {
            Optional<Location> where = problem.location() == null && problem.key() != null
                    ? locator.apply(problem.key()) : Optional.empty();
            placed.add(where.map(problem::at).orElse(problem));
            changed |= where.isPresent();
        }
        return changed ? copy(placed) : this;
    }

    /**
     * The same exception with every problem's key made relative to {@code parent} (a plugin's own
     * {@code path} becomes {@code data.source.path}); a problem without a key gets {@code parent}.
     */
    public MtlException under(String parent) {
        return copy(problems.stream().map(p -> p.location() == null ? p.under(parent) : p).toList());
    }

    private MtlException copy(List<Problem> changed) {
        MtlException copy = new MtlException(category, changed, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    private static String render(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an MtlException needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0).render();
        }
        StringBuilder text = new StringBuilder(problems.size() + " problems:");
        for (int i = 0; i < problems.size(); i++) {
            text.append(System.lineSeparator()).append("  ").append(i + 1).append(") ").append(problems.get(i).render());
        }
        return text.toString();
    }
}
