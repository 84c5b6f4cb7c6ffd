package dev.mtl4j.examples;

import java.util.List;

/**
 * The income pipeline trained jointly and each task trained alone (λ = 1, the same network and
 * budget otherwise), over several seeds: test accuracy per task and Δm. Run from the repository
 * root: {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.IncomeMultiVsSingle [seeds...]}.
 */
public final class IncomeMultiVsSingle {
    private IncomeMultiVsSingle() {
    }

    public static void main(String[] args) {
        List<Long> seeds = args.length == 0 ? List.of(42L, 43L, 44L) : java.util.Arrays.stream(args).map(Long::valueOf).toList();
        MultiVsSingle.run("examples/pipelines/income.yaml", seeds);
    }
}
