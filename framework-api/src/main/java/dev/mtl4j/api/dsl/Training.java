package dev.mtl4j.api.dsl;

import dev.mtl4j.api.spec.CheckpointSpec;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.DistributedSpec;
import dev.mtl4j.api.spec.EarlyStoppingSpec;
import dev.mtl4j.api.spec.OptimizerSpec;
import dev.mtl4j.api.spec.TrainingSpec;

/** Builds the {@code training:} section; unset values keep {@link TrainingSpec#defaults()}. */
public final class Training {
    private int epochs = TrainingSpec.DEFAULT_EPOCHS;
    private int batchSize = TrainingSpec.DEFAULT_BATCH_SIZE;
    private OptimizerSpec optimizer = OptimizerSpec.adam(TrainingSpec.DEFAULT_LEARNING_RATE);
    private long seed = TrainingSpec.DEFAULT_SEED;
    private boolean shuffle = true;
    private EarlyStoppingSpec earlyStopping;
    private ComponentSpec sampler;
    private String init = TrainingSpec.DEFAULT_INIT;
    private CheckpointSpec checkpoint;
    private ComponentSpec weighting;
    private DistributedSpec distributed;

    Training() {
    }

    public Training epochs(int value) {
        epochs = value;
        return this;
    }

    public Training batchSize(int value) {
        batchSize = value;
        return this;
    }

    public Training adam(double learningRate) {
        optimizer = new OptimizerSpec("adam", learningRate, 0, optimizer.weightDecay());
        return this;
    }

    public Training sgd(double learningRate, double momentum) {
        optimizer = new OptimizerSpec("sgd", learningRate, momentum, optimizer.weightDecay());
        return this;
    }

    public Training weightDecay(double coefficient) {
        optimizer = optimizer.withWeightDecay(coefficient);
        return this;
    }

    public Training seed(long value) {
        seed = value;
        return this;
    }

    public Training shuffle(boolean value) {
        shuffle = value;
        return this;
    }

    /** Stop when the task's validation metric has not improved for {@code patience} epochs. */
    public Training earlyStopping(String task, String metric, int patience) {
        earlyStopping = new EarlyStoppingSpec(task, metric, patience);
        return this;
    }

    /** Stop when the joint validation loss has not improved for {@code patience} epochs. */
    public Training earlyStoppingOnLoss(int patience) {
        earlyStopping = new EarlyStoppingSpec(null, "loss", patience);
        return this;
    }

    /** Which data set each batch comes from when tasks bring their own data ({@link Samplers}); default proportional. */
    public Training sampler(ComponentSource value) {
        sampler = value.toSpec();
        return this;
    }

    /**
     * How the weights of DL4J's dense, output and convolution layers and an LSTM's input weights
     * start: auto (each
     * component's choice), he, xavier, lecun or uniform (U(±1/√fan-in), PyTorch's linear default).
     */
    public Training init(String value) {
        init = value;
        return this;
    }

    /**
     * Save a checkpoint every {@code every} epochs, to resume a killed run from
     * ({@code mtl train --resume}, or {@code MtlRuntime.train} with a checkpoint file).
     */
    public Training checkpoint(int every) {
        checkpoint = new CheckpointSpec(every);
        return this;
    }

    /**
     * How the tasks' losses or gradients make one update ({@link Weightings}); default {@code static},
     * each task's weight.
     */
    public Training weighting(ComponentSource value) {
        weighting = value.toSpec();
        return this;
    }

    /**
     * Train on Apache Spark (the mtl4j-spark module): {@code workers} copies (0: Spark's default
     * parallelism) averaged, parameters and optimizer state, every {@code averageEvery} batches of
     * each, or once per epoch when it is 0; {@code master} null takes spark-submit's.
     */
    public Training spark(String master, int workers, int averageEvery) {
        return spark(master, workers, averageEvery, DistributedSpec.AVERAGE);
    }

    /**
     * As {@link #spark(String, int, int)}, the copies merged as {@code merge} says: {@code average}
     * (their mean) or {@code sum} (the round's start plus every worker's change).
     */
    public Training spark(String master, int workers, int averageEvery, String merge) {
        distributed = new DistributedSpec(DistributedSpec.SPARK, master, workers, averageEvery == 0 ? "epoch" : "batches",
                averageEvery == 0 ? 16 : averageEvery, merge);
        return this;
    }

    TrainingSpec build() {
        return new TrainingSpec(epochs, batchSize, optimizer, seed, shuffle, earlyStopping, sampler, init, checkpoint,
                weighting, distributed);
    }
}
