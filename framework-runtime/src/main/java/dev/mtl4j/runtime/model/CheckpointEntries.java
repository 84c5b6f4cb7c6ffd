package dev.mtl4j.runtime.model;

import dev.mtl4j.runtime.io.Sizes;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The entries of a checkpoint file and their caps (see {@link ModelEntries} for the model file's). */
final class CheckpointEntries {
    static final String PARAMS = "params.bin";
    static final String UPDATER_STATE = "updaterState.bin";
    static final String BEST_PARAMS = "bestParams.bin";
    static final String STATE = "mtl4j/checkpoint.yaml";
    static final String MANIFEST = "mtl4j/manifest.yaml";

    /** The state holds the pipeline and the epochs' metrics: small, but capped like every text entry. */
    static final ZipLayout LAYOUT = new ZipLayout("checkpoint", Set.of(PARAMS, UPDATER_STATE, BEST_PARAMS, STATE, MANIFEST),
            List.of(PARAMS, UPDATER_STATE, STATE, MANIFEST), Map.of(STATE, 64 * Sizes.MIB, MANIFEST, Sizes.MIB));

    private CheckpointEntries() {
    }
}
