package dev.mtl4j.api.spec;

import dev.mtl4j.api.spi.Param;

/**
 * Train on a cluster instead of one machine: the training rows are split among workers, each trains
 * its own copy of the network on its share, and the copies' parameters and optimizer state are
 * averaged, synchronously, every {@code batches} batches or once per epoch. The mtl4j-spark module
 * runs it (spark-submit); {@code mtl train} trains on one machine and refuses it.
 *
 * @param engine the engine that runs the workers; {@code spark} is the one there is
 * @param master the Spark master URL ({@code local[4]}, {@code spark://host:7077}, {@code yarn}), or
 *     null to take the one spark-submit gives
 * @param workers how many workers (Spark partitions of the training rows) train a copy; 0 takes
 *     Spark's default parallelism (the cluster's cores)
 * @param averaging {@code epoch}: the copies are averaged once per epoch; {@code batches}: every
 *     {@code batches} batches of each worker
 * @param batches with {@code averaging: batches}, how many batches each worker trains between two
 *     averaging rounds
 * @param merge how a round's copies become the next round's start: {@code average} (their mean: a
 *     round moves the network as far as one worker moved it, so the learning rate has to grow with
 *     the workers) or {@code sum} (the start plus every worker's change: a round moves it as far as
 *     all the workers' batches would on one machine, at the pipeline's learning rate; the optimizer
 *     state is averaged either way). Measured in docs/spark.md.
 */
public record DistributedSpec(
        @Param(doc = "The engine that runs the workers", defaultValue = "spark", oneOf = {"spark"}) String engine,
        @Param(doc = "Spark master URL (local[4], spark://host:7077, yarn); none takes the one spark-submit gives",
                defaultValue = Param.NONE) String master,
        @Param(doc = "Workers (partitions of the training rows), each training a copy of the network; 0 takes"
                + " Spark's default parallelism", defaultValue = "0", min = 0) int workers,
        @Param(doc = "When the workers' copies are averaged: once per epoch, or every `batches` batches",
                defaultValue = "epoch", oneOf = {"epoch", "batches"}) String averaging,
        @Param(doc = "With averaging: batches, the batches each worker trains between two averaging rounds",
                defaultValue = "16", min = 1) int batches,
        @Param(doc = "How a round's copies are merged: average (their mean; raise the learning rate with the workers)"
                + " or sum (the start plus every worker's change, as far as one machine's steps would move it)",
                defaultValue = "average", oneOf = {"average", "sum"}) String merge) {

    public static final String SPARK = "spark";
    public static final String AVERAGE = "average";
    public static final String SUM = "sum";

    public DistributedSpec {
        engine = engine == null ? SPARK : engine;
        averaging = averaging == null ? "epoch" : averaging;
        merge = merge == null ? AVERAGE : merge;
        SpecException.require(SPARK.equals(engine), "engine", "must be spark, got '" + engine + "'");
        SpecException.require(workers >= 0, "workers", "must be >= 0, got " + workers);
        SpecException.require("epoch".equals(averaging) || "batches".equals(averaging), "averaging",
                "must be epoch or batches, got '" + averaging + "'");
        SpecException.require(batches >= 1, "batches", "must be >= 1, got " + batches);
        SpecException.require(AVERAGE.equals(merge) || SUM.equals(merge), "merge",
                "must be average or sum, got '" + merge + "'");
    }

    /** The copies averaged, each round (the default). */
    public DistributedSpec(String engine, String master, int workers, String averaging, int batches) {
        this(engine, master, workers, averaging, batches, AVERAGE);
    }

    /** Spark, averaging once per epoch, on the master spark-submit gives. */
    public static DistributedSpec spark() {
        return new DistributedSpec(SPARK, null, 0, "epoch", 16, AVERAGE);
    }

    /** This with the copies merged as {@code value} says ({@code average} or {@code sum}). */
    public DistributedSpec withMerge(String value) {
        return new DistributedSpec(engine, master, workers, averaging, batches, value);
    }

    /** Whether a round's start moves by the sum of the workers' changes (else to their mean). */
    public boolean sumsChanges() {
        return SUM.equals(merge);
    }

    /** Whether the copies are averaged once per epoch (else every {@link #batches()} batches). */
    public boolean eachEpoch() {
        return "epoch".equals(averaging);
    }
}
