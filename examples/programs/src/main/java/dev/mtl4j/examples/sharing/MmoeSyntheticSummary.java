package dev.mtl4j.examples.sharing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Merges the printed output of several {@link MmoeSyntheticExperiment} processes (run over disjoint
 * seeds to use every core) into the experiment's tables. Run from the repository root:
 * {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.sharing.MmoeSyntheticSummary OUTPUT.txt...}.
 */
public final class MmoeSyntheticSummary {
    private MmoeSyntheticSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: MmoeSyntheticSummary OUTPUT.txt... (the printed output of MmoeSyntheticExperiment runs)");
            System.exit(2);
        }
        MmoeSyntheticResults results = new MmoeSyntheticResults();
        int runs = 0;
        for (String name : args) {
            for (String line : Files.readAllLines(Path.of(name))) {
                var run = MmoeSyntheticResults.parse(line);
                if (run.isPresent()) {
                    results.add(run.get());
                    runs++;
                }
            }
        }
        if (runs == 0) {
            System.err.println("no result lines ('p 1.00 seed 1 hard: test MSE y1 ... y2 ...') in " + String.join(", ", args));
            System.exit(1);
        }
        System.out.println(MmoeSyntheticExperiment.report(results));
    }
}
