package dev.mtl4j.runtime.model;

import dev.mtl4j.runtime.io.Sizes;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entries a model file may hold, and the most bytes each may take. The caps bound the memory a
 * model file can make mtl4j use before it has been checked: a text entry is read whole, so it is
 * capped; the network's arrays are checked against the sizes its configuration implies (see
 * {@link NetworkReader}).
 */
final class ModelEntries {
    static final String CONFIGURATION = "configuration.json";
    static final String COEFFICIENTS = "coefficients.bin";
    static final String UPDATER_STATE = "updaterState.bin";
    static final String NO_PARAMS = "noParams.marker";
    static final String PIPELINE = "mtl4j/pipeline.yaml";
    static final String PREPROCESSING = "mtl4j/preprocessing.yaml";
    static final String PROVENANCE = "mtl4j/provenance.yaml";
    static final String MANIFEST = "mtl4j/manifest.yaml";
    /** Optional: the per-epoch history of the training that made the model (report.HistoryJson), as JSON. */
    static final String HISTORY = "mtl4j/history.json";
    /** The task-weighting method's state, when it has one (learned weights, histories). */
    static final String WEIGHTING = "mtl4j/weighting.yaml";
    /**
     * Format 3 on, instead of {@link #COEFFICIENTS} when part of the network is a pretrained model's
     * frozen values: which parameters those are, the model's id and their SHA-256 (see {@link PretrainedPart}).
     */
    static final String PRETRAINED = "mtl4j/pretrained.yaml";
    /** Beside {@link #PRETRAINED}: every other parameter, in the network's order, as one ND4J array. */
    static final String PARAMETERS = "mtl4j/parameters.bin";

    /**
     * DL4J's own entries at the root, then ours; the manifest is written last. The preprocessing
     * holds vocabularies (a text encoder's may have a million words); the other text is small. The
     * parameters are either {@link #COEFFICIENTS} or {@link #PRETRAINED} with {@link #PARAMETERS}
     * ({@link ModelFile} checks that one of them is there).
     */
    static final ZipLayout LAYOUT = new ZipLayout("model",
            Set.of(CONFIGURATION, COEFFICIENTS, UPDATER_STATE, NO_PARAMS, PIPELINE, PREPROCESSING, PROVENANCE, HISTORY, MANIFEST,
                    WEIGHTING, PRETRAINED, PARAMETERS),
            List.of(CONFIGURATION, PIPELINE, PREPROCESSING, PROVENANCE),
            Map.of(CONFIGURATION, 16 * Sizes.MIB, PIPELINE, 16 * Sizes.MIB, PREPROCESSING, 256 * Sizes.MIB,
                    PROVENANCE, 16 * Sizes.MIB, HISTORY, 16 * Sizes.MIB, MANIFEST, Sizes.MIB, NO_PARAMS, Sizes.KIB,
                    WEIGHTING, 16 * Sizes.MIB, PRETRAINED, 16 * Sizes.MIB));

    private ModelEntries() {
    }
}
