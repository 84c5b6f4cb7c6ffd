package dev.mtl4j.plugins.text;

import java.util.List;

/**
 * A pretrained sentence encoder: texts in, one fixed-width vector each. The seam between the cache
 * and the language model (tests count the calls that reach the model through it).
 */
interface SentenceEmbedder {

    /** Names the model and its version; part of every cache key. */
    String modelId();

    int dimension();

    /** One vector per text, in order; the texts are never blank. */
    float[][] embed(List<String> texts);
}
