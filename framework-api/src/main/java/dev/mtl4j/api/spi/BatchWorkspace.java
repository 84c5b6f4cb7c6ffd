package dev.mtl4j.api.spi;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where one batch's temporary arrays live when a loop computes batch after batch (scoring, a frozen
 * encoder's outputs): an ND4J workspace, opened per batch and reused by the next. An array made
 * outside a workspace holds its native memory until Java collects its handle, and a collector that
 * lets garbage pile up (G1 with a large heap) lets gigabytes of dead temporaries pile up beside it —
 * a frozen transformer run grew past 19 GB that way; in the workspace the loop's native memory stays
 * one batch's, whatever the number of rows. Nothing made in a batch's scope may be used after it
 * closes: copy what is kept out first (to a Java array, or with {@code detach()}).
 */
public final class BatchWorkspace {
    /** Sized by the first batch, grown when a later one needs more, reset at each batch's start. */
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .overallocationLimit(0.2)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private BatchWorkspace() {
    }

    /**
     * Opens the calling thread's workspace {@code id} for one batch; close it when the batch's values
     * are copied out. One id per loop, so that nested loops do not reset each other's arrays.
     */
    public static MemoryWorkspace open(String id) {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, id);
    }
}
