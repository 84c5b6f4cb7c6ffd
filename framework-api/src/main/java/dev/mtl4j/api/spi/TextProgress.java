package dev.mtl4j.api.spi;

/**
 * Hears how far long text work has come (embedding thousands of texts with a language model); the
 * command line shows it as a progress bar.
 */
@FunctionalInterface
public interface TextProgress {

    /** Reports nothing. */
    TextProgress NONE = (stage, done, total) -> { };

    /**
     * @param stage what is being done, e.g. "embedding"
     * @param done items finished so far
     * @param total items in all
     */
    void update(String stage, long done, long total);
}
