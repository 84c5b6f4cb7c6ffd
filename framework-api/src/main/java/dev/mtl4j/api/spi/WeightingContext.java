package dev.mtl4j.api.spi;

import java.util.List;

/**
 * What a task-weighting method knows of the training it balances.
 *
 * @param tasks the task names, in the pipeline's order (the order of every array the method sees)
 * @param taskWeights each task's {@code weight} from the pipeline (the {@code static} method's λ)
 * @param learningRate the network optimizer's learning rate (for weights trained with the network)
 * @param seed the training seed (for methods that draw random numbers)
 */
public record WeightingContext(List<String> tasks, List<Double> taskWeights, double learningRate, long seed) {

    public WeightingContext {
        tasks = List.copyOf(tasks);
        taskWeights = List.copyOf(taskWeights);
        if (tasks.size() != taskWeights.size()) {
            throw new IllegalArgumentException(tasks.size() + " tasks but " + taskWeights.size() + " weights");
        }
    }

    /** The number of tasks. */
    public int size() {
        return tasks.size();
    }
}
