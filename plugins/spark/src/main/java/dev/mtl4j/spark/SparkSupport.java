package dev.mtl4j.spark;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.FeatureType;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What a pipeline may ask of training on Spark, checked before any data is read: every problem at
 * the key that asks for what Spark training does not do, all reported at once.
 */
final class SparkSupport {
    private SparkSupport() {
    }

    /** @throws MtlException CONFIG_INVALID naming each key Spark training cannot honour */
    static void check(PipelineSpec spec) {
        List<Problem> problems = new ArrayList<>();
        TrainingSpec training = spec.training();
        if (training.distributed() == null) {
            problems.add(Problem.keyed("training.distributed", "is required to train on Spark (e.g. distributed: "
                    + "{ engine: spark, averaging: epoch })"));
        }
        if (spec.hasTaskData()) {
            problems.add(Problem.keyed("tasks", "tasks that bring their own data sets are not trained on Spark yet; "
                    + "train on one machine (remove training.distributed) or join the files into one"));
        }
        if (spec.data().features().stream().anyMatch(f -> f.type() == FeatureType.TEXT)) {
            problems.add(Problem.keyed("data.features", "text features are not encoded on Spark yet (their vocabulary or"
                    + " language model is fitted on one machine); train on one machine"));
        }
        spec.data().features().stream().filter(f -> !f.options().isDefault()).forEach(f -> problems.add(Problem.keyed(
                "data.features." + f.pattern(), "feature options (transforms, embeddings) are not fitted on Spark yet"
                        + " (Spark standardises numbers and one-hots categories); train on one machine")));
        if (spec.data().target() != null) {
            problems.add(Problem.keyed("data.target", "domain adaptation's target rows are not read on Spark yet;"
                    + " train on one machine"));
        }
        if (spec.data().split().column() != null) {
            problems.add(Problem.keyed("data.split.column", "a split column is not read on Spark yet; use a random split"
                    + " (test, validation, seed)"));
        }
        if (!spec.data().split().stratify().isEmpty()) {
            problems.add(Problem.keyed("data.split.stratify", "a stratified split is not made on Spark yet; use a random"
                    + " split (test, validation, seed)"));
        }
        if (training.weighting() != null && !TrainingSpec.DEFAULT_WEIGHTING.equals(training.weighting().type())) {
            problems.add(Problem.keyed("training.weighting", "'" + training.weighting().type() + "' is not used on Spark"
                    + " yet: each worker's step takes the tasks' fixed weights; remove it (static) or train on one machine"));
        }
        if (training.earlyStopping() != null) {
            problems.add(Problem.keyed("training.earlyStopping", "is not done on Spark yet: every epoch is trained;"
                    + " remove it"));
        }
        if (training.checkpoint() != null) {
            problems.add(Problem.keyed("training.checkpoint", "is not taken on Spark (a failed Spark task is retried"
                    + " from the round's start instead); remove it"));
        }
        if (!problems.isEmpty()) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, problems, null);
        }
    }
}
