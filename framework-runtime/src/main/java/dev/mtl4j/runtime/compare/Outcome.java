package dev.mtl4j.runtime.compare;

/** What one metric says of model A against model B, once noise is accounted for. */
public enum Outcome {
    BETTER, WORSE, UNCLEAR
}
