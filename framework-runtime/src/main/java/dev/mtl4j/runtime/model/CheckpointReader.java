package dev.mtl4j.runtime.model;

import dev.mtl4j.api.MtlException;
import dev.mtl4j.runtime.train.TrainingCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads a checkpoint with a model file's checks — manifest first, bounded entries, arrays sized by
 * the network being resumed, finite values — after its identity matches the run's.
 */
final class CheckpointReader {
    private CheckpointReader() {
    }

    static TrainingCheckpoint read(Path file, RunIdentity identity, ComputationGraph graph) {
        try (ModelZip zip = ModelZip.open(file, CheckpointEntries.LAYOUT)) {
            ModelFile.parsed(zip, CheckpointEntries.MANIFEST, ModelFile.yaml(zip, CheckpointEntries.MANIFEST),
                    Manifest::fromMap).verify(zip);
            Map<String, Object> state = ModelFile.yaml(zip, CheckpointEntries.STATE);
            RunIdentity saved = ModelFile.parsed(zip, CheckpointEntries.STATE, state, CheckpointState::identity);
            identity.requireSame(saved, file);
            long params = graph.numParams();
            INDArray updater = graph.getUpdater().getStateViewArray();
            INDArray savedParams = ArrayEntry.read(zip, CheckpointEntries.PARAMS, params);
            INDArray savedUpdater = ArrayEntry.read(zip, CheckpointEntries.UPDATER_STATE, updater == null ? 0 : updater.length());
            INDArray best = CheckpointState.hasBestParams(state) ? ArrayEntry.read(zip, CheckpointEntries.BEST_PARAMS, params) : null;
            ArrayEntry.requireFinite(zip, CheckpointEntries.PARAMS, Map.of(), savedParams);
            ArrayEntry.requireFinite(zip, CheckpointEntries.UPDATER_STATE, Map.of(), savedUpdater);
            ArrayEntry.requireFinite(zip, CheckpointEntries.BEST_PARAMS, Map.of(), best);
            return ModelFile.parsed(zip, CheckpointEntries.STATE, state,
                    map -> CheckpointState.fromMap(map, savedParams, savedUpdater, best));
        }
    }

    /** "epoch 3 of 10" for a checkpoint file, or empty when it cannot be read as one. */
    static Optional<String> progress(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (ModelZip zip = ModelZip.open(file, CheckpointEntries.LAYOUT)) {
            Map<String, Object> state = ModelFile.yaml(zip, CheckpointEntries.STATE);
            return Optional.of("epoch " + CheckpointState.whole(state, "epochsDone") + " of " + CheckpointState.whole(state, "epochs"));
        } catch (MtlException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
