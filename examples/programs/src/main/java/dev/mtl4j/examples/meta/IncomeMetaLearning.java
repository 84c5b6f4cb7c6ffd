package dev.mtl4j.examples.meta;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.dsl.Transfers;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.meta.MetaResult;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Meta-learning on real grouped data behind docs/meta-learning.md: household income (9 levels) of
 * the bundled survey, each occupation a task; 3 of the 9 occupations held out whole (split seed
 * varies with the run's seed). For k = 5 and 20 households of a held-out occupation: Reptile's start,
 * the pretrained network (trained jointly on the 6 training occupations) and the network from
 * scratch, each adapted by the same inner loop, measured on the occupation's other households.
 *
 * <pre>{@code java -cp ... dev.mtl4j.examples.meta.IncomeMetaLearning [examples/data] [seeds=3]}</pre>
 */
public final class IncomeMetaLearning {
    private IncomeMetaLearning() {
    }

    public static PipelineSpec pipeline(Path data, int k, long seed) {
        return Mtl.pipeline("income-meta-k" + k)
                .data(Data.csv(data.resolve("income_marketing.csv").toString()).categorical("*").drop("DUAL.INCOMES")
                        .split(0.34, seed))
                .encoder(Encoders.mlp().hidden(64))
                .task("INCOME", Heads.classification(9))
                .strategy(Transfers.reptile().taskColumn("OCCUPATION").support(k).query(40).innerSteps(5).innerLr(0.05)
                        .metaBatch(3).outerSteps(100).evaluateAfter(0, 1, 5, 10))
                .training(t -> t.epochs(5).batchSize(64).adam(1e-3).seed(seed))
                .build();
    }

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "examples/data").toAbsolutePath();
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        MtlRuntime runtime = MtlRuntime.create();
        System.out.println("| k | seed | held-out occupations | model | accuracy after 0 / 1 / 5 / 10 steps |");
        System.out.println("|---|---|---|---|---|");
        for (int k : new int[] {5, 20}) {
            for (long seed = 7; seed < 7 + seeds; seed++) {
                MetaResult result = runtime.metaTrain(pipeline(data, k, seed), data, TrainingListener.SILENT, true);
                row(k, seed, "meta-learned (Reptile)", result.metaLearned());
                row(k, seed, "pretrained", result.pretrained());
                row(k, seed, "scratch", result.scratch());
            }
        }
    }

    private static void row(int k, long seed, String model, TrainingResult result) {
        StringBuilder values = new StringBuilder();
        for (int steps : new int[] {0, 1, 5, 10}) {
            values.append(String.format(Locale.ROOT, "%s%.3f", steps == 0 ? "" : " / ",
                    result.metric("test@" + steps, "INCOME", "accuracy")));
        }
        System.out.printf(Locale.ROOT, "| %d | %d | 3 of 9 | %s | %s |%n", k, seed, model, values);
    }
}
