package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spi.MetaSettings;
import dev.mtl4j.api.spi.Param;
import java.util.List;

/**
 * The parameters of {@code reptile} and {@code fomaml}. In a transfer pipeline the strategy adapts
 * the source model to the new task's rows, and every parameter it does not set comes from the
 * source model's own meta-learning strategy, when it has one.
 *
 * @param taskColumn the column that says which task a row belongs to
 * @param support rows an episode adapts on (k)
 * @param query rows an episode is measured on after adapting
 * @param innerSteps gradient-descent steps on the support rows
 * @param innerLr their learning rate
 * @param metaBatch tasks per outer step
 * @param outerSteps outer steps per epoch
 * @param evaluateAfter adaptation step counts after which metrics are reported
 */
public record MetaLearningConfig(
        @Param(doc = "column whose value says which task a row belongs to (not a feature); required to meta-train",
                defaultValue = Param.NONE) String taskColumn,
        @Param(doc = "rows an episode adapts on (k); in a transfer, the new task's training rows are its support",
                defaultValue = "10", min = 1, max = 1_000_000) int support,
        @Param(doc = "rows of the same task an episode is measured on after adapting (q)", defaultValue = "10", min = 1,
                max = 1_000_000) int query,
        @Param(doc = "plain gradient-descent steps on all support rows at once (the inner loop)", defaultValue = "5",
                min = 1, max = 10_000) int innerSteps,
        @Param(doc = "learning rate of the inner loop's steps", defaultValue = "0.01", min = 1e-9, max = 1e3) double innerLr,
        @Param(doc = "tasks per outer step (the meta-batch); the outer step's learning rate is training.optimizer.lr",
                defaultValue = "5", min = 1, max = 10_000) int metaBatch,
        @Param(doc = "outer steps per epoch (training.epochs epochs)", defaultValue = "100", min = 1, max = 10_000_000)
        int outerSteps,
        @Param(doc = "adaptation step counts after which held-out tasks' metrics are reported, ascending",
                defaultValue = "[0, 1, 5, 10]", min = 0, max = 10_000) List<Integer> evaluateAfter) {

    public MetaLearningConfig {
        evaluateAfter = List.copyOf(evaluateAfter);
        for (int i = 1; i < evaluateAfter.size(); i++) {
            if (evaluateAfter.get(i) <= evaluateAfter.get(i - 1)) {
                throw new dev.mtl4j.api.spec.SpecException("evaluateAfter", "must be ascending step counts, got " + evaluateAfter);
            }
        }
    }

    MetaSettings settings() {
        return new MetaSettings(taskColumn, support, query, innerSteps, innerLr, metaBatch, outerSteps, evaluateAfter);
    }
}
