package dev.mtl4j.spark;

import java.io.Serializable;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a worker needs to go on training where the last averaging round left off: the parameters,
 * the optimizer's state (Adam's two moments) and DL4J's counters — the iteration count, which
 * Adam's bias correction reads, and the epoch count, which learning-rate schedules read. Carried as
 * flat float arrays, the network's configuration (JSON) apart, sent once.
 *
 * @param params the flattened parameters
 * @param updaterState the flattened optimizer state (empty for an optimizer without state)
 * @param iteration DL4J's iteration count: steps taken so far on the longest path of any worker
 * @param epoch DL4J's epoch count: epochs done
 */
record NetworkSnapshot(float[] params, float[] updaterState, int iteration, int epoch) implements Serializable {

    static NetworkSnapshot of(ComputationGraph graph) {
        INDArray state = graph.getUpdater().getStateViewArray();
        return new NetworkSnapshot(floats(graph.params()), state == null ? new float[0] : floats(state),
                graph.getConfiguration().getIterationCount(), graph.getConfiguration().getEpochCount());
    }

    /** A fresh network from its configuration, in this state (on an executor). */
    ComputationGraph build(String configuration) {
        ComputationGraph graph = new ComputationGraph(ComputationGraphConfiguration.fromJson(configuration));
        graph.init(Nd4j.create(params.clone(), new long[] {1, params.length}, 'c'), false);
        applyTo(graph);
        return graph;
    }

    /**
     * Copies this state into the network's own arrays (so every view of them sees it) and sets its
     * counters, as a checkpoint is restored.
     */
    void applyTo(ComputationGraph graph) {
        graph.params().assign(Nd4j.create(params, graph.params().shape(), 'c'));
        INDArray state = graph.getUpdater().getStateViewArray();
        if (state != null && state.length() > 0) {
            state.assign(Nd4j.create(updaterState, state.shape(), 'c'));
        }
        graph.getConfiguration().setIterationCount(iteration);
        // incrementEpochCount also copies both counters into every layer (a dropout schedule reads them there)
        graph.getConfiguration().setEpochCount(epoch - 1);
        graph.incrementEpochCount();
    }

    /**
     * The next round's start: the workers' parameters averaged, or the start plus the sum of their
     * changes ({@code sumChanges}); their optimizer state averaged; the iteration count advanced by
     * the longest worker's steps (Adam's moments were updated that many times along any one copy's
     * path, which is what its bias correction counts).
     */
    NetworkSnapshot merged(RoundSum sum, boolean sumChanges) {
        float[] averagedParams = sumChanges ? sum.changesAdded(params) : sum.mean(sum.params);
        float[] averagedState = updaterState.length == 0 ? updaterState : sum.mean(sum.updaterState);
        return new NetworkSnapshot(averagedParams, averagedState, iteration + sum.longestSteps, epoch);
    }

    NetworkSnapshot epochDone() {
        return new NetworkSnapshot(params, updaterState, iteration, epoch + 1);
    }

    static float[] floats(INDArray array) {
        return array.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }
}
