package dev.mtl4j.runtime.cli;

import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.api.spi.TargetKind;
import dev.mtl4j.runtime.PreparedPipeline;
import java.util.List;

/**
 * What training is about to use, said before the first epoch: per task, how many training rows have
 * its label (and, for a yes/no task, how many are positive), which columns of the data nothing reads,
 * and which numeric columns got an input marking their missing cells.
 */
final class TrainingLog {
    private TrainingLog() {
    }

    static void describe(PreparedPipeline prepared, Console console) {
        for (TaskSpec task : prepared.spec().tasks()) {
            TargetInfo target = prepared.preprocessor().targetInfo(task.name());
            if (!target.labelled().isEmpty()) {
                console.line("task '" + task.name() + "': " + labelled(target) + positives(target));
            }
        }
        for (String column : prepared.preprocessor().unusedColumns()) {
            console.line("column '" + column + "': not used (no data.features entry matches it, and it is no label, "
                    + "dropped or split column)");
        }
        List<String> marked = prepared.preprocessor().features().missingIndicators();
        for (String column : marked) {
            console.line("column '" + column + "': missing in some training rows; the mean stands in, and the input '"
                    + column + "=missing' marks those cells");
        }
    }

    private static String labelled(TargetInfo target) {
        List<Long> labelled = target.labelled();
        if (labelled.size() == 1) {
            return labelled.get(0) + " labelled training rows";
        }
        return "labelled training rows per label column " + labelled;
    }

    private static String positives(TargetInfo target) {
        if (target.kind() != TargetKind.BINARY || target.counts().size() != 2) {
            return "";
        }
        long positive = target.counts().get(1);
        return String.format(java.util.Locale.ROOT, " (%d '%s', %.1f %%)", positive, target.classes().get(1),
                100.0 * positive / Math.max(1, target.labelled().get(0)));
    }
}
