package dev.mtl4j.api.graph;

/**
 * A subclass of one of DL4J's layer configurations that changes only the running layer it makes (a
 * faster computation of the same arithmetic, as the text plugin's convolution and LSTM are): its
 * parameters, their shapes and their meaning are DL4J's. The runtime treats it as the DL4J layer it
 * extends wherever it treats DL4J's own layers apart from plugins' (a pipeline's {@code training.init}
 * applies to it).
 */
public interface Dl4jLayerWithOwnRunner {
}
