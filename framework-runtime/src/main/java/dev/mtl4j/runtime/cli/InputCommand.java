package dev.mtl4j.runtime.cli;

import java.nio.file.Path;

/** A command that works on one file a user named, which an error with no place of its own is reported at. */
interface InputCommand {
    /** The pipeline, model or data file the command was given; null when it was not given. */
    Path input();
}
