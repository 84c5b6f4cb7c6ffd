package dev.mtl4j.runtime.train;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything a run needs to go on after its first {@code epochsDone} epochs exactly as if it had
 * never stopped: the network's parameters and its optimizer's state (Adam's moments, momentum),
 * DL4J's iteration and epoch counters (Adam's bias correction and per-epoch schedules read them),
 * ND4J's random generator (dropout), early stopping's memory, the divergence rule's starts and the
 * epochs' reports. Row shuffling and task sampling need nothing here: their generators are seeded
 * by the pipeline and replayed over the epochs done (see {@link EpochSource#skip()}).
 *
 * @param epochsDone epochs completed
 * @param params the network's parameters, flat
 * @param updaterState the optimizer's state, flat (empty for plain SGD)
 * @param iterationCount DL4J's iteration counter
 * @param epochCount DL4J's epoch counter
 * @param randomRoot ND4J's random generator: its root state
 * @param randomNode ND4J's random generator: its node state
 * @param divergenceStarts each task's start for the divergence rule, NaN for a task not seen yet
 * @param stopping early stopping's memory
 * @param history the reports of the epochs done
 * @param weighting the task-weighting method's state (learned weights, histories), empty for a stateless one
 */
public record TrainingCheckpoint(int epochsDone, INDArray params, INDArray updaterState, int iterationCount, int epochCount,
                                 long randomRoot, long randomNode, double[] divergenceStarts, Stopping stopping,
                                 List<EpochReport> history, java.util.Map<String, Object> weighting) {

    public TrainingCheckpoint {
        divergenceStarts = divergenceStarts.clone();
        history = List.copyOf(history);
        weighting = weighting == null ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weighting));
    }

    /**
     * Early stopping's memory.
     *
     * @param best the best value of the watched metric so far, NaN before the first
     * @param bestEpoch its epoch (the last epoch without early stopping)
     * @param bestParams the parameters at that epoch, or null without early stopping
     * @param sinceBest epochs since it
     */
    public record Stopping(double best, int bestEpoch, INDArray bestParams, int sinceBest) {
    }
}
