package dev.mtl4j.runtime.train;

import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** Where a training run saves its checkpoints, and the checkpoint it goes on from. */
public interface Checkpointing {

    /** No checkpoints, a fresh start. */
    Checkpointing NONE = new Checkpointing() {
        @Override
        public int every() {
            return 0;
        }

        @Override
        public Optional<TrainingCheckpoint> resume(ComputationGraph graph) {
            return Optional.empty();
        }

        @Override
        public void save(TrainingCheckpoint checkpoint) {
            throw new IllegalStateException("no checkpoints were asked for");
        }
    };

    /** Epochs between checkpoints; 0 for none. */
    int every();

    /** The checkpoint to go on from, its arrays checked against {@code graph} (the freshly built network); empty to start afresh. */
    Optional<TrainingCheckpoint> resume(ComputationGraph graph);

    /** Saves a checkpoint, replacing the previous one atomically. */
    void save(TrainingCheckpoint checkpoint);
}
