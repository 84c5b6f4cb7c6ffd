package dev.mtl4j.runtime.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How the fused step draws an inverted-dropout mask: each unit kept with probability p and scaled by
 * 1/p, else 0 — the distribution of DL4J's {@code Dropout}, from ND4J's generator (so one seed gives
 * one run, and a checkpoint's generator state resumes it exactly). By default a Bernoulli draw and a
 * scale: DL4J's own {@code DropOutInverted} op costs about four times as much on these shapes
 * (80–100 µs against 20–25 µs for a 64x128 mask, measured) and was a third of an income step. The
 * draws then differ from {@code fit}'s; {@link #asDl4j()} draws exactly as {@code fit} does, which
 * FusedDenseStepTest uses to compare the two step by step.
 */
final class DropoutDraws {
    private final boolean asDl4j;

    private DropoutDraws(boolean asDl4j) {
        this.asDl4j = asDl4j;
    }

    static DropoutDraws fast() {
        return new DropoutDraws(false);
    }

    /** DL4J's own op, in the order fit calls it: the same masks as fit from the same generator state. */
    static DropoutDraws asDl4j() {
        return new DropoutDraws(true);
    }

    /** Fills {@code mask} with 0 and 1/p, each unit kept with probability {@code p}. */
    void draw(INDArray mask, double p) {
        draw(mask, p, null);
    }

    /** As {@link #draw(INDArray, double)}, the scale by 1/p in Java when {@code elementWise} (may be null) can. */
    void draw(INDArray mask, double p, SmallElementWise elementWise) {
        if (asDl4j) {
            Nd4j.getExecutioner().exec(new DropOutInverted(mask.assign(1.0), mask, p));
        } else {
            Nd4j.getExecutioner().exec(new BernoulliDistribution(mask, p));
            if (elementWise == null || !elementWise.scale(mask, 1.0 / p)) {
                mask.muli(1.0 / p);
            }
        }
    }
}
