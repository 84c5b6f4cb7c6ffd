package dev.mtl4j.runtime.cli;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.runtime.model.CheckpointFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a run may start in its folder: a fresh run never overwrites the checkpoint of an unfinished
 * one (hours of training a user may want back), and {@code --resume} needs a checkpoint. Checked
 * before any data is read.
 */
final class RunStart {
    private RunStart() {
    }

    static void check(Path checkpoint, boolean resume) {
        boolean exists = Files.exists(checkpoint);
        if (!resume && exists) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, checkpoint.getParent() + ": holds the checkpoint of an "
                    + "unfinished run (" + CheckpointFile.progress(checkpoint).orElse("unreadable") + "); go on from it "
                    + "with --resume, or delete " + checkpoint + " to start over");
        }
        if (resume && !exists) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, checkpoint + ": no checkpoint to resume from "
                    + "(training.checkpoint: { every: N } makes a run save one every N epochs)");
        }
    }
}
