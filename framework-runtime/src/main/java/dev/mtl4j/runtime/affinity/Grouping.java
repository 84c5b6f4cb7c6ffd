package dev.mtl4j.runtime.affinity;

import java.util.List;

/**
 * A choice of task groups, each to be trained as one multi-task network.
 *
 * @param groups the groups (a task may be in several; it is served by the one that helps it most)
 * @param score the total affinity onto the tasks: for each task, the mean affinity of its group's other
 *     members onto it in the group that helps it most (0 for a task alone), summed over tasks
 */
public record Grouping(List<List<String>> groups, double score) {
    public Grouping {
        groups = groups.stream().map(List::copyOf).toList();
    }
}
