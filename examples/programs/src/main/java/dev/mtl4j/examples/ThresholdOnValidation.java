package dev.mtl4j.examples;

import dev.mtl4j.api.dsl.Heads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A decision threshold chosen on the validation rows ({@code chooseThreshold: f1}) on a real rare
 * class: the income survey's widowed respondents (3.4 %, the WIDOWED task of {@link RareClassWeights},
 * same data, split, network and seeds). Test F1 of "yes" with and without the chosen threshold, plain
 * and with {@code positiveWeight: auto}. Run from the repository root:
 * {@code java -cp "examples/programs/target/lib/*:examples/programs/target/classes"
 * dev.mtl4j.examples.ThresholdOnValidation [--limit ROWS] [seeds...]}.
 */
public final class ThresholdOnValidation {
    private ThresholdOnValidation() {
    }

    public static void main(String[] args) throws IOException {
        List<String> rest = new ArrayList<>(List.of(args));
        int limit = 0;
        if (!rest.isEmpty() && rest.get(0).equals("--limit")) {
            limit = Integer.parseInt(rest.get(1));
            rest = rest.subList(2, rest.size());
        }
        List<Long> seeds = rest.isEmpty() ? List.of(42L, 43L, 44L) : rest.stream().map(Long::valueOf).toList();
        Path widowed = RareClassWeights.derive(Path.of("examples/data/income_marketing.csv"), Files.createTempDirectory("threshold"));
        Map<String, Supplier<Heads.Head>> heads = new LinkedHashMap<>();
        heads.put("binary (threshold 0.5)", () -> Heads.binary().positive("yes"));
        heads.put("binary, chooseThreshold: f1", () -> Heads.binary().positive("yes").thresholdForBestF1());
        heads.put("positiveWeight: auto (threshold 0.5)", () -> Heads.binary().positive("yes").positiveWeightAuto());
        heads.put("positiveWeight: auto, chooseThreshold: f1",
                () -> Heads.binary().positive("yes").positiveWeightAuto().thresholdForBestF1());
        RareClassWeights.table(widowed, "WIDOWED", "f1", heads, seeds, limit);
    }
}
