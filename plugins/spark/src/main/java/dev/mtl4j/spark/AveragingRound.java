package dev.mtl4j.spark;

/**
 * What one averaging round cost, for a program that watches or measures training on Spark.
 *
 * @param epoch 1-based
 * @param round 0-based within the epoch
 * @param workers the workers that trained in the round
 * @param bytesMoved the state sent to the workers and back: parameters and optimizer state, 4 bytes
 *     a value, once down (broadcast) and once up (tree aggregation) per worker
 * @param seconds the round's wall time on the driver, broadcast to average
 * @param slowestWorkerSeconds the longest a worker spent building its network and training its
 *     batches; {@code seconds} less this is what averaging costs
 * @param peakResidentBytes each executor's peak resident memory so far (Linux), by executor id
 */
public record AveragingRound(int epoch, int round, int workers, long bytesMoved, double seconds,
                             double slowestWorkerSeconds, java.util.Map<String, Long> peakResidentBytes) {

    public AveragingRound {
        peakResidentBytes = java.util.Map.copyOf(peakResidentBytes);
    }
}
