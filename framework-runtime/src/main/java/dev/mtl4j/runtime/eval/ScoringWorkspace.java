package dev.mtl4j.runtime.eval;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where one scoring batch's arrays live: an ND4J workspace, opened per batch and reused by the next.
 * An array made outside a workspace holds its native memory until Java collects its handle, and a
 * collector that lets garbage pile up (G1 with a large heap) then lets gigabytes of dead outputs
 * pile up beside it; in the workspace the native memory of scoring stays one batch's, whatever
 * the number of rows. Nothing made in a batch's scope may be used after it closes.
 */
final class ScoringWorkspace {
    private static final String ID = "MTL4J_SCORING";
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .overallocationLimit(0.2)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private ScoringWorkspace() {
    }

    /** Opens the workspace for one batch; close it when the batch's values are copied out. */
    static MemoryWorkspace batch() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, ID);
    }
}
