package dev.mtl4j.runtime.train;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/** Takes a checkpoint from a network in training, and puts one back into a freshly built network. */
final class NetworkState {
    private NetworkState() {
    }

    static TrainingCheckpoint capture(ComputationGraph graph, int epoch, DivergenceGuard guard, EarlyStopping stopping,
                                      List<EpochReport> history, java.util.Map<String, Object> weighting) {
        INDArray state = graph.getUpdater().getStateViewArray();
        Random random = Nd4j.getRandom();
        return new TrainingCheckpoint(epoch, graph.params(), state == null ? Nd4j.empty() : state,
                graph.getConfiguration().getIterationCount(), graph.getConfiguration().getEpochCount(),
                random.rootState(), random.nodeState(), guard.starts(), stopping.state(), history, weighting);
    }

    /**
     * Copies the checkpoint's arrays into the network's own (so every view of them — the fused step's,
     * the updater's per-layer blocks — sees them), sets DL4J's counters, and ND4J's random generator.
     */
    static void restore(ComputationGraph graph, TrainingCheckpoint checkpoint) {
        graph.params().assign(checkpoint.params().reshape(graph.params().shape()));
        INDArray state = graph.getUpdater().getStateViewArray();
        if (state != null && state.length() > 0) {
            state.assign(checkpoint.updaterState().reshape(state.shape()));
        }
        graph.getConfiguration().setIterationCount(checkpoint.iterationCount());
        // incrementEpochCount also copies both counters into every layer (a dropout schedule reads them there)
        graph.getConfiguration().setEpochCount(checkpoint.epochCount() - 1);
        graph.incrementEpochCount();
        Nd4j.getRandom().setStates(checkpoint.randomRoot(), checkpoint.randomNode());
    }
}
