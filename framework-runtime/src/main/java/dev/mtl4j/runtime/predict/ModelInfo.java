package dev.mtl4j.runtime.predict;

import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.runtime.model.TrainedModel;
import java.util.List;
import java.util.Locale;

/**
 * What a model reads and predicts, for a client that builds records and reads results.
 *
 * @param pipeline the pipeline's name
 * @param features the columns a record must hold, in the model's order
 * @param tasks each task, in order
 * @param mtl4jVersion the mtl4j version that trained the model
 * @param createdAt when the model was trained (ISO-8601)
 */
public record ModelInfo(String pipeline, List<String> features, List<Task> tasks, String mtl4jVersion, String createdAt) {

    public ModelInfo {
        features = List.copyOf(features);
        tasks = List.copyOf(tasks);
    }

    /**
     * One task.
     *
     * @param name the task's name
     * @param kind categorical, binary, multilabel or numeric
     * @param labels the label columns
     * @param classes the classes of a classification or binary task, in output order; empty otherwise
     */
    public record Task(String name, String kind, List<String> labels, List<String> classes) {

        public Task {
            labels = List.copyOf(labels);
            classes = List.copyOf(classes);
        }
    }

    static ModelInfo of(TrainedModel model, List<String> features) {
        List<Task> tasks = model.spec().tasks().stream().map(task -> task(model, task)).toList();
        return new ModelInfo(model.spec().name(), features, tasks, model.provenance().mtl4jVersion(),
                model.provenance().createdAt());
    }

    private static Task task(TrainedModel model, TaskSpec task) {
        TargetInfo target = model.preprocessor().targetInfo(task.name());
        List<String> classes = switch (target.kind()) {
            case CATEGORICAL, ORDINAL -> target.classes();
            case BINARY -> List.of(model.preprocessor().target(task.name()).className(0),
                    model.preprocessor().target(task.name()).className(1));
            case MULTILABEL, NUMERIC -> List.of();
        };
        return new Task(task.name(), target.kind().name().toLowerCase(Locale.ROOT), target.labelColumns(), classes);
    }
}
