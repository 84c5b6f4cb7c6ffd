package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.LossWeights;
import dev.mtl4j.api.spi.TargetInfo;
import java.util.ArrayList;
import java.util.List;

/** Turns a head's loss-weight parameter into numbers, from the task's training-row counts where asked. */
final class ClassWeights {
    private ClassWeights() {
    }

    /** {@code binary}'s positiveWeight: the number, or negatives/positives for {@code auto}; 1 when absent. */
    static double positive(LossWeights given, TargetInfo target) {
        if (given == null) {
            return 1.0;
        }
        if (given.number() != null) {
            return given.number();
        }
        if (!"auto".equals(given.word())) {
            throw new SpecException("positiveWeight", "takes a number or auto, got " + given.yaml()
                    + (given.word() == null ? "; class weights by name are for a classification head (classWeights)" : ""));
        }
        List<Long> counts = counts(target, "positiveWeight");
        return (double) counts.get(0) / counts.get(1);
    }

    /**
     * {@code classification}'s classWeights, one per class in output order: the map's (1 for a class
     * not named), or n / (K · n_c) for {@code balanced}; null when absent.
     */
    static double[] perClass(LossWeights given, TargetInfo target) {
        if (given == null) {
            return null;
        }
        List<String> classes = target.classes();
        double[] weights = new double[classes.size()];
        if (given.number() != null || "auto".equals(given.word())) {
            throw new SpecException("classWeights", "takes a map of class names to numbers or balanced, got " + given.yaml());
        }
        if (given.word() != null) {
            List<Long> counts = counts(target, "classWeights");
            long rows = counts.stream().mapToLong(Long::longValue).sum();
            for (int c = 0; c < weights.length; c++) {
                // a class with no training row keeps weight 1: it cannot be learned anyway
                weights[c] = counts.get(c) == 0 ? 1.0 : (double) rows / (classes.size() * counts.get(c));
            }
            return weights;
        }
        List<String> unknown = new ArrayList<>(given.byClass().keySet());
        unknown.removeAll(classes);
        if (!unknown.isEmpty()) {
            throw new SpecException("classWeights", "names " + unknown + ", not classes of column '"
                    + target.labelColumns().get(0) + "' in the training rows: " + classes);
        }
        for (int c = 0; c < weights.length; c++) {
            weights[c] = given.byClass().getOrDefault(classes.get(c), 1.0);
        }
        return weights;
    }

    private static List<Long> counts(TargetInfo target, String key) {
        if (!target.hasCounts()) {
            throw new SpecException(key, "is computed from the training rows' class counts, which the model of task '"
                    + target.task() + "' does not keep (it was saved before they were); give numbers instead");
        }
        return target.counts();
    }
}
