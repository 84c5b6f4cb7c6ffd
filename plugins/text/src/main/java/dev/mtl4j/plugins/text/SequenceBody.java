package dev.mtl4j.plugins.text;

/** What reads the embedded token sequence. */
public enum SequenceBody {
    /** One 1-D convolution over the tokens ('same' padding, so the mask keeps its length). */
    CNN,
    /** One LSTM layer. */
    LSTM
}
