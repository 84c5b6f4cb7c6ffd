package dev.mtl4j.runtime.model;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.io.AtomicFiles;
import dev.mtl4j.runtime.train.Checkpointing;
import dev.mtl4j.runtime.train.TrainingCheckpoint;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The checkpoint of a run in progress, one zip ({@code DIR/checkpoint.zip}), replaced atomically at
 * each save: the network's parameters, the optimizer's state and early stopping's best parameters
 * as ND4J arrays; everything else of {@link TrainingCheckpoint} as YAML ({@code mtl4j/checkpoint.yaml},
 * doubles written so they read back to the same bits), with the run's identity — the pipeline as
 * canonical YAML and each data file's SHA-256 — and a manifest, as in a model file. A run resumes only
 * from a checkpoint of the same pipeline on the same data; the checkpoint is read with the model
 * file's checks (bounded entries, arrays sized by the network being resumed, finite values).
 */
public final class CheckpointFile implements Checkpointing {
    private final Path file;
    private final int every;
    private final int epochs;
    private final RunIdentity identity;
    private final boolean resume;

    private CheckpointFile(Path file, int every, int epochs, RunIdentity identity, boolean resume) {
        this.file = file;
        this.every = every;
        this.epochs = epochs;
        this.identity = identity;
        this.resume = resume;
    }

    /**
     * Checkpoints of a run of {@code spec} over {@code dataFiles} saved to {@code file}.
     *
     * @param resume whether the run goes on from the checkpoint in {@code file} (which must exist)
     */
    public static CheckpointFile of(Path file, PipelineSpec spec, List<Path> dataFiles, boolean resume) {
        int every = spec.training().checkpoint() == null ? 0 : spec.training().checkpoint().every();
        return new CheckpointFile(file, every, spec.training().epochs(), RunIdentity.of(spec, dataFiles), resume);
    }

    @Override
    public int every() {
        return every;
    }

    @Override
    public Optional<TrainingCheckpoint> resume(ComputationGraph graph) {
        if (!resume) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, file + ": no checkpoint to resume from "
                    + "(a run writes one every training.checkpoint.every epochs)");
        }
        return Optional.of(CheckpointReader.read(file, identity, graph));
    }

    @Override
    public void save(TrainingCheckpoint checkpoint) {
        Map<String, Object> state = CheckpointState.toMap(checkpoint, identity, epochs);
        AtomicFiles.write(file, "the checkpoint", out -> {
            try (ManifestedZip zip = new ManifestedZip(out)) {
                zip.put(CheckpointEntries.PARAMS, bytes(checkpoint.params()));
                zip.put(CheckpointEntries.UPDATER_STATE, bytes(checkpoint.updaterState()));
                if (checkpoint.stopping().bestParams() != null) {
                    zip.put(CheckpointEntries.BEST_PARAMS, bytes(checkpoint.stopping().bestParams()));
                }
                zip.put(CheckpointEntries.STATE, PlainYaml.dump(state).getBytes(StandardCharsets.UTF_8));
                zip.finish(CheckpointEntries.MANIFEST);
            }
        });
    }

    /** How far the run of a checkpoint got, for a message: "epoch 3 of 10", or empty when the file is no checkpoint. */
    public static Optional<String> progress(Path file) {
        return CheckpointReader.progress(file);
    }

    private static byte[] bytes(INDArray array) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            Nd4j.write(array, out);
        }
        return buffer.toByteArray();
    }
}
