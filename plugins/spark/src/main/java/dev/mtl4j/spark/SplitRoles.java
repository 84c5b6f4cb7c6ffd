package dev.mtl4j.spark;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.runtime.data.Splits;
import dev.mtl4j.runtime.data.Splitter;
import java.io.Serializable;

/**
 * Which split each row belongs to: the very split a single-machine run makes of the same file
 * ({@link Splitter}'s seeded shuffle of the row indexes, a training limit drawn with the training
 * seed), computed on the driver from the row count alone and sent to the executors as one byte per
 * row. The rows themselves never reach the driver.
 */
final class SplitRoles implements Serializable {
    private static final long serialVersionUID = 1L;
    static final byte TRAIN = 0;
    static final byte VALIDATION = 1;
    static final byte TEST = 2;
    /** A training row left out by {@code data.split.limit}. */
    static final byte UNUSED = 3;

    private final byte[] roles;

    private SplitRoles(byte[] roles) {
        this.roles = roles;
    }

    /**
     * @param rows the number of rows in the data set
     * @throws MtlException DATA_INVALID when the split leaves no training rows
     */
    static SplitRoles of(SplitSpec split, long rows, long trainingSeed, String origin) {
        if (rows > Integer.MAX_VALUE - 8) {
            throw new MtlException(ErrorCategory.RESOURCE_EXHAUSTED, Problem.keyed("data.split", origin + " has " + rows
                    + " rows, more than a random split can index; split it with a split column"));
        }
        Splits splits = Splitter.limitTraining(Splitter.random(split, (int) rows), split.limit(), trainingSeed);
        if (splits.train().length == 0) {
            throw new MtlException(ErrorCategory.DATA_INVALID, Problem.keyed("data.split", "leaves no training rows of "
                    + origin + " (" + rows + " rows)"));
        }
        byte[] roles = new byte[(int) rows];
        java.util.Arrays.fill(roles, UNUSED);
        for (int row : splits.train()) {
            roles[row] = TRAIN;
        }
        for (int row : splits.validation()) {
            roles[row] = VALIDATION;
        }
        for (int row : splits.test()) {
            roles[row] = TEST;
        }
        return new SplitRoles(roles);
    }

    byte role(long row) {
        return roles[(int) row];
    }

    long count(byte role) {
        long count = 0;
        for (byte r : roles) {
            count += r == role ? 1 : 0;
        }
        return count;
    }
}
