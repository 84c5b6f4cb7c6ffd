package dev.mtl4j.api.spec;

import java.util.List;

/**
 * How the network is trained.
 *
 * @param epochs passes over the training rows, ≥ 1
 * @param batchSize rows per step, ≥ 1
 * @param optimizer the optimizer and its learning rate
 * @param seed seeds weight initialisation, shuffling and dropout: one seed, identical metrics
 * @param shuffle whether rows are shuffled every epoch
 * @param earlyStopping when to stop before {@code epochs}, or null to run them all
 * @param sampler the task sampler that picks which data set each batch comes from when tasks bring
 *     their own data sets, or null for the default ({@code proportional})
 * @param init how the weights of DL4J's dense, output and convolution layers and an LSTM's input
 *     weights start:
 *     {@code auto} (each component's choice: He for ReLU-family activations, Xavier otherwise),
 *     {@code he} (normal, variance 2/fan-in), {@code xavier} (normal, variance 2/(fan-in + fan-out)),
 *     {@code lecun} (normal, variance 1/fan-in) or {@code uniform} (U(±1/√fan-in), PyTorch's
 *     default for a linear layer); null means {@code auto}
 * @param checkpoint how often to save a checkpoint to resume from, or null for none
 * @param weighting the task-weighting method that balances the tasks' losses or gradients, or null for
 *     the default ({@code static}: each task's {@code weight})
 * @param distributed how to train on a cluster (the mtl4j-spark module), or null to train on one machine
 */
public record TrainingSpec(int epochs, int batchSize, OptimizerSpec optimizer, long seed, boolean shuffle,
                           EarlyStoppingSpec earlyStopping, ComponentSpec sampler, String init, CheckpointSpec checkpoint,
                           ComponentSpec weighting, DistributedSpec distributed) {

    public static final int DEFAULT_EPOCHS = 10;
    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final long DEFAULT_SEED = 42;
    /** Each component initialises its layers as it sees fit. */
    public static final String DEFAULT_INIT = "auto";
    public static final List<String> INITS = List.of("auto", "he", "xavier", "lecun", "uniform");

    public TrainingSpec {
        SpecException.require(epochs >= 1, "epochs", "must be >= 1, got " + epochs);
        SpecException.require(batchSize >= 1, "batchSize", "must be >= 1, got " + batchSize);
        optimizer = optimizer == null ? OptimizerSpec.adam(DEFAULT_LEARNING_RATE) : optimizer;
        init = init == null ? DEFAULT_INIT : init;
        SpecException.require(INITS.contains(init), "init", "must be one of " + String.join(", ", INITS) + ", got '" + init + "'");
    }

    /** Training on one machine. */
    public TrainingSpec(int epochs, int batchSize, OptimizerSpec optimizer, long seed, boolean shuffle,
                        EarlyStoppingSpec earlyStopping, ComponentSpec sampler, String init, CheckpointSpec checkpoint,
                        ComponentSpec weighting) {
        this(epochs, batchSize, optimizer, seed, shuffle, earlyStopping, sampler, init, checkpoint, weighting, null);
    }

    /** Training with the default task weighting ({@code static}). */
    public TrainingSpec(int epochs, int batchSize, OptimizerSpec optimizer, long seed, boolean shuffle,
                        EarlyStoppingSpec earlyStopping, ComponentSpec sampler, String init, CheckpointSpec checkpoint) {
        this(epochs, batchSize, optimizer, seed, shuffle, earlyStopping, sampler, init, checkpoint, null, null);
    }

    /** Training without checkpoints. */
    public TrainingSpec(int epochs, int batchSize, OptimizerSpec optimizer, long seed, boolean shuffle,
                        EarlyStoppingSpec earlyStopping, ComponentSpec sampler, String init) {
        this(epochs, batchSize, optimizer, seed, shuffle, earlyStopping, sampler, init, null, null, null);
    }

    /** Training with each component's own weight initialisation. */
    public TrainingSpec(int epochs, int batchSize, OptimizerSpec optimizer, long seed, boolean shuffle,
                        EarlyStoppingSpec earlyStopping, ComponentSpec sampler) {
        this(epochs, batchSize, optimizer, seed, shuffle, earlyStopping, sampler, null);
    }

    /** Training without a task sampler (every task reads the pipeline's rows). */
    public TrainingSpec(int epochs, int batchSize, OptimizerSpec optimizer, long seed, boolean shuffle,
                        EarlyStoppingSpec earlyStopping) {
        this(epochs, batchSize, optimizer, seed, shuffle, earlyStopping, null, null);
    }

    /** The sampler's type name when none is given: batches in proportion to each data set's size. */
    public static final String DEFAULT_SAMPLER = "proportional";

    public static TrainingSpec defaults() {
        return new TrainingSpec(DEFAULT_EPOCHS, DEFAULT_BATCH_SIZE, null, DEFAULT_SEED, true, null, null, null, null, null, null);
    }

    /** This training with another seed (repeated runs of one pipeline). */
    public TrainingSpec withSeed(long value) {
        return new TrainingSpec(epochs, batchSize, optimizer, value, shuffle, earlyStopping, sampler, init, checkpoint, weighting, distributed);
    }

    /** This training with another task sampler, or none (null). */
    public TrainingSpec withSampler(ComponentSpec value) {
        return new TrainingSpec(epochs, batchSize, optimizer, seed, shuffle, earlyStopping, value, init, checkpoint, weighting, distributed);
    }

    /** This training with another early stopping, or none (null). */
    public TrainingSpec withEarlyStopping(EarlyStoppingSpec value) {
        return new TrainingSpec(epochs, batchSize, optimizer, seed, shuffle, value, sampler, init, checkpoint, weighting, distributed);
    }

    /** This training with other checkpoints, or none (null). */
    public TrainingSpec withCheckpoint(CheckpointSpec value) {
        return new TrainingSpec(epochs, batchSize, optimizer, seed, shuffle, earlyStopping, sampler, init, value, weighting, distributed);
    }

    /** The weighting method's type name when none is given: each task's {@code weight}, every step. */
    public static final String DEFAULT_WEIGHTING = "static";

    /** This training with another task-weighting method, or the default (null). */
    public TrainingSpec withWeighting(ComponentSpec value) {
        return new TrainingSpec(epochs, batchSize, optimizer, seed, shuffle, earlyStopping, sampler, init, checkpoint, value, distributed);
    }

    /** The weighting method, the default {@code static} when none was chosen. */
    public ComponentSpec weightingOrDefault() {
        return weighting == null ? ComponentSpec.of(DEFAULT_WEIGHTING) : weighting;
    }

    /** This training on a cluster as {@code value} says, or on one machine (null). */
    public TrainingSpec withDistributed(DistributedSpec value) {
        return new TrainingSpec(epochs, batchSize, optimizer, seed, shuffle, earlyStopping, sampler, init, checkpoint, weighting,
                value);
    }
}
