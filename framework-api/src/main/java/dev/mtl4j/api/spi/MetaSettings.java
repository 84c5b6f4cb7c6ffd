package dev.mtl4j.api.spi;

import java.util.List;

/**
 * How a meta-learning strategy forms episodes and adapts to one task. A task is the set of rows
 * that share a value of the task column (a school, a customer, a sine wave).
 *
 * @param taskColumn the column whose value says which task a row belongs to; null when the
 *     strategy only adapts (a transfer pipeline's rows are one new task)
 * @param support rows an episode adapts on (k)
 * @param query rows an episode is measured on after adapting (q)
 * @param innerSteps plain gradient-descent steps on the support rows, each on all of them
 * @param innerLearningRate the learning rate of those steps
 * @param metaBatch tasks per outer step
 * @param outerSteps outer steps per epoch
 * @param evaluateAfter the adaptation step counts after which metrics are reported (ascending)
 */
public record MetaSettings(String taskColumn, int support, int query, int innerSteps, double innerLearningRate,
                           int metaBatch, int outerSteps, List<Integer> evaluateAfter) {

    public MetaSettings {
        if (support < 1 || query < 1 || innerSteps < 0 || metaBatch < 1 || outerSteps < 1) {
            throw new IllegalArgumentException("support, query, metaBatch and outerSteps must be >= 1 and innerSteps >= 0");
        }
        if (!(innerLearningRate > 0) || Double.isInfinite(innerLearningRate)) {
            throw new IllegalArgumentException("the inner learning rate must be a finite number > 0, got " + innerLearningRate);
        }
        evaluateAfter = List.copyOf(evaluateAfter);
        for (int i = 0; i < evaluateAfter.size(); i++) {
            if (evaluateAfter.get(i) < 0 || (i > 0 && evaluateAfter.get(i) <= evaluateAfter.get(i - 1))) {
                throw new IllegalArgumentException("evaluateAfter must be ascending step counts >= 0, got " + evaluateAfter);
            }
        }
    }
}
