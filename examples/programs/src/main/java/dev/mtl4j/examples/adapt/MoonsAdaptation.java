package dev.mtl4j.examples.adapt;

import dev.mtl4j.api.dsl.ComponentSource;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Transfers;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.train.TrainingListener;
import dev.mtl4j.runtime.transfer.DomainAdaptation;
import dev.mtl4j.runtime.transfer.TransferResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The quality run behind docs/domain-adaptation.md: on the two-moons problem with the target
 * rotated 35°, the target accuracy of DANN, CORAL and source-only training (the same network, the
 * same source batches, the same budget), over several seeds — each seed draws its own moons and
 * starts its own network.
 *
 * <pre>{@code java -cp ... dev.mtl4j.examples.adapt.MoonsAdaptation [seeds=5] [epochs=...]}</pre>
 */
public final class MoonsAdaptation {
    private MoonsAdaptation() {
    }

    /** One seed's target accuracies. */
    public record Row(long seed, double sourceOnly, double dann, double coral, double dannDomainAccuracy) {
    }

    /** The pipeline, from scratch, with a strategy or none; the target file's second half measures. */
    public static PipelineSpec pipeline(Path folder, long seed, ComponentSource strategy, int epochs) {
        var builder = Mtl.pipeline("moons")
                .data(Data.csv(folder.resolve("moons_source.csv").toString()).numeric("x1", "x2").split(0.2, seed)
                        .target(Data.csv(folder.resolve("moons_target.csv").toString()).split(0.5, seed)))
                .encoder(Encoders.mlp().hidden(32, 32))
                .task("label", Heads.binary())
                .training(t -> t.epochs(epochs).batchSize(16).adam(5e-3).seed(seed));
        return strategy == null ? builder.build() : builder.strategy(strategy).build();
    }

    public static Row run(MtlRuntime runtime, Path folder, long seed, int epochs) {
        TwoMoons.write(folder, "moons", seed);
        TransferResult dann = runtime.train(pipeline(folder, seed, Transfers.domainAdversarial().hidden(32), epochs),
                folder, TrainingListener.SILENT, true);
        TransferResult coral = runtime.train(pipeline(folder, seed, Transfers.coral().weight(1), epochs),
                folder, TrainingListener.SILENT, false);
        var last = dann.transferred().history().epochs().get(dann.transferred().history().epochs().size() - 1);
        return new Row(seed, target(dann.baseline()), target(dann.transferred()), target(coral.transferred()),
                last.metrics().get(DomainAdaptation.DOMAIN).get("accuracy"));
    }

    private static double target(dev.mtl4j.runtime.TrainingResult result) {
        return result.metric(DomainAdaptation.TARGET, "label", "accuracy");
    }

    public static void main(String[] args) throws IOException {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        MtlRuntime runtime = MtlRuntime.create();
        Path folder = Files.createTempDirectory("moons");
        List<Row> rows = new ArrayList<>();
        System.out.println("| seed | source-only | DANN | CORAL | DANN's domain classifier (last epoch) |");
        System.out.println("|---|---|---|---|---|");
        for (long seed = 1; seed <= seeds; seed++) {
            Row row = run(runtime, folder, seed, epochs);
            rows.add(row);
            System.out.printf(Locale.ROOT, "| %d | %.3f | %.3f | %.3f | %.3f |%n", row.seed(), row.sourceOnly(), row.dann(),
                    row.coral(), row.dannDomainAccuracy());
        }
        System.out.printf(Locale.ROOT, "| mean | %.3f | %.3f | %.3f | %.3f |%n",
                rows.stream().mapToDouble(Row::sourceOnly).average().orElseThrow(),
                rows.stream().mapToDouble(Row::dann).average().orElseThrow(),
                rows.stream().mapToDouble(Row::coral).average().orElseThrow(),
                rows.stream().mapToDouble(Row::dannDomainAccuracy).average().orElseThrow());
    }
}
