package dev.mtl4j.api.spi;

/**
 * The tasks' own, unweighted losses on one batch, in task order. Arrays are the method's to read,
 * not to keep: copy what you keep.
 *
 * @param losses L_i: the summed loss of the task's labelled rows over the batch's rows (0 for a
 *     task without labels in the batch)
 * @param present whether the batch holds labels of each task
 */
public record BatchLosses(double[] losses, boolean[] present) {

    public BatchLosses {
        if (losses.length != present.length) {
            throw new IllegalArgumentException(losses.length + " losses but " + present.length + " presence flags");
        }
    }

    /** The number of tasks. */
    public int size() {
        return losses.length;
    }

    /** Whether every task has labels in the batch. */
    public boolean all() {
        for (boolean p : present) {
            if (!p) {
                return false;
            }
        }
        return true;
    }
}
