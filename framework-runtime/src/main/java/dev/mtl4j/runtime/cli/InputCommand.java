package dev.mtl4j.runtime.cli;

import java.nio.file.Path;

/**
 * A command that works on a file a user named: an error with no place of its own is reported at it,
 * and a problem that names a key of its pipeline file is placed at that key's line.
 */
interface InputCommand {
    /** The pipeline, model or data file the command was given; null when it was not given. */
    Path input();

    /** The pipeline file the command runs, whose keys problems may name; null for a command without one. */
    default Path pipeline() {
        return null;
    }

    /** The {@code --set} overrides the pipeline file was read with: a problem at a key one of them set is placed at it. */
    default java.util.List<dev.mtl4j.runtime.config.PipelineOverride> overrides() {
        return java.util.List.of();
    }
}
