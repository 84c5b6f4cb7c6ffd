package dev.mtl4j.plugins.text;

/** How a bag of words weighs a word that occurs in a text. */
public enum Weighting {
    /** 1 if the word occurs, else 0. */
    BINARY,
    /** How often it occurs. */
    COUNT,
    /** Term frequency times smoothed inverse document frequency, each row scaled to unit length. */
    TF_IDF
}
