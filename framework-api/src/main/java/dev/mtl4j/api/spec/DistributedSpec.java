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
                defaultValue = "16", min = 1) int batches) {

    public static final String SPARK = "spark";

    public DistributedSpec {
        engine = engine == null ? SPARK : engine;
        averaging = averaging == null ? "epoch" : averaging;
        SpecException.require(SPARK.equals(engine), "engine", "must be spark, got '" + engine + "'");
        SpecException.require(workers >= 0, "workers", "must be >= 0, got " + workers);
        SpecException.require("epoch".equals(averaging) || "batches".equals(averaging), "averaging",
                "must be epoch or batches, got '" + averaging + "'");
        SpecException.require(batches >= 1, "batches", "must be >= 1, got " + batches);
    }

    /** Spark, averaging once per epoch, on the master spark-submit gives. */
    public static DistributedSpec spark() {
        return new DistributedSpec(SPARK, null, 0, "epoch", 16);
    }

    /** Whether the copies are averaged once per epoch (else every {@link #batches()} batches). */
    public boolean eachEpoch() {
        return "epoch".equals(averaging);
    }
}
