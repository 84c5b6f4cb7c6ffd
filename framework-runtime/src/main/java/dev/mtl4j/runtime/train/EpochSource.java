package dev.mtl4j.runtime.train;

/**
 * The epochs of a run, one after another. Each epoch's order (row shuffles, the sampler's choices)
 * comes from generators seeded once per run, so epoch {@code k} depends on the epochs before it;
 * {@link #skip()} advances the generators past an epoch without building its batches, which is how a
 * resumed run reaches the exact order it would have had (a java.util.Random's state cannot be read,
 * but it can be replayed: a permutation per epoch costs microseconds per thousand rows).
 */
interface EpochSource {

    Batches next();

    void skip();
}
