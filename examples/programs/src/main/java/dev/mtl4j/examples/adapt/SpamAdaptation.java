package dev.mtl4j.examples.adapt;

import dev.mtl4j.api.dsl.ComponentSource;
import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Transfers;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.TrainingListener;
import dev.mtl4j.runtime.transfer.DomainAdaptation;
import dev.mtl4j.runtime.transfer.TransferResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The real shift behind docs/domain-adaptation.md: spam filtering learnt on SpamAssassin's 2002 mail
 * (period 1, labelled) for its 2003 mail (period 2, unlabelled in training; its labelled test half
 * measures). DANN and CORAL against source-only, each seed its own split and start
 * ({@code examples/pipelines/spam-dann.yaml} is seed 42 of the DANN column).
 *
 * <pre>{@code java -cp ... dev.mtl4j.examples.adapt.SpamAdaptation [examples/data] [seeds=3]}</pre>
 */
public final class SpamAdaptation {
    private SpamAdaptation() {
    }

    public static PipelineSpec pipeline(Path data, long seed, ComponentSource strategy) {
        return Mtl.pipeline("spam-adaptation")
                .data(Data.csv(data.resolve("spam_period1.csv").toString()).text("subject", "body").split(0.2, seed)
                        .target(Data.csv(data.resolve("spam_period2.csv").toString()).split(0.5, seed)))
                .encoder(Component.of("bag-of-words").param("weighting", "binary").param("maxVocabulary", 20000)
                        .param("minCount", 2).param("hidden", List.of(64)).param("dropout", 0.5))
                .task("is_spam", Heads.binary())
                .strategy(strategy)
                .training(t -> t.epochs(8).batchSize(32).adam(1e-3).seed(seed))
                .build();
    }

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "examples/data").toAbsolutePath();
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        MtlRuntime runtime = MtlRuntime.create();
        System.out.println("| seed | source-only acc / F1 | DANN acc / F1 | CORAL acc / F1 | DANN domain classifier, last epoch |");
        System.out.println("|---|---|---|---|---|");
        double[] sums = new double[6];
        for (long seed = 42; seed < 42 + seeds; seed++) {
            TransferResult dann = runtime.train(pipeline(data, seed, Transfers.domainAdversarial().hidden(64)), data,
                    TrainingListener.SILENT, true);
            TransferResult coral = runtime.train(pipeline(data, seed, Transfers.coral().weight(1)), data,
                    TrainingListener.SILENT, false);
            TrainingResult[] results = {dann.baseline(), dann.transferred(), coral.transferred()};
            StringBuilder row = new StringBuilder("| " + seed + " |");
            for (int i = 0; i < results.length; i++) {
                double accuracy = results[i].metric(DomainAdaptation.TARGET, "is_spam", "accuracy");
                double f1 = results[i].metric(DomainAdaptation.TARGET, "is_spam", "f1");
                sums[2 * i] += accuracy;
                sums[2 * i + 1] += f1;
                row.append(String.format(Locale.ROOT, " %.3f / %.3f |", accuracy, f1));
            }
            var epochs = dann.transferred().history().epochs();
            row.append(String.format(Locale.ROOT, " %.3f |",
                    epochs.get(epochs.size() - 1).metrics().get(DomainAdaptation.DOMAIN).get("accuracy")));
            System.out.println(row);
        }
        System.out.printf(Locale.ROOT, "| mean | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f | |%n", sums[0] / seeds, sums[1] / seeds,
                sums[2] / seeds, sums[3] / seeds, sums[4] / seeds, sums[5] / seeds);
    }
}
