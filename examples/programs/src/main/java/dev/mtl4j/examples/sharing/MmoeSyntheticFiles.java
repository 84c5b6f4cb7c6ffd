package dev.mtl4j.examples.sharing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes the MMoE synthetic data sets the experiment trains on, one CSV per p and seed
 * ({@code DIR/p1.0-seed7.csv}: x0..x99, y1, y2, split), so another framework can train on exactly
 * the same rows (examples/benchmarks/pytorch_mmoe_synthetic.py does). Run from the repository root:
 * {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.sharing.MmoeSyntheticFiles DIR [--p 1.0,0.9,0.5] [--seeds 1,2,3]
 * [--sines normal:1] [--train 10000] [--test 2000]}.
 */
public final class MmoeSyntheticFiles {
    private MmoeSyntheticFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: MmoeSyntheticFiles DIR [--p 1.0,0.9,0.5] [--seeds 1,2,3] [--sines normal:0.1|normal:1|ramp]"
                    + " [--train 10000] [--test 2000]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        MmoeSyntheticExperiment.Settings settings =
                MmoeSyntheticExperiment.Settings.parse(Arrays.copyOfRange(args, 1, args.length));
        Files.createDirectories(dir);
        for (double p : settings.ps()) {
            for (long seed : settings.seeds()) {
                Path file = dir.resolve(fileName(p, seed));
                new MmoeSyntheticData(p, settings.sines(), seed).write(file, settings.train(), settings.test());
                System.out.println(file);
            }
        }
    }

    static String fileName(double p, long seed) {
        return "p" + p + "-seed" + seed + ".csv";
    }
}
