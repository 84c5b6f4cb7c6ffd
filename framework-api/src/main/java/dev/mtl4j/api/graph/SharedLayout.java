package dev.mtl4j.api.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sharing strategy laid out: where each task's head attaches, which towers an L2 penalty
 * keeps close, and which vertices are gates over experts (so their weights can be reported).
 *
 * @param attachments task name to the vertex its head reads
 * @param ties groups of towers whose corresponding parameters are pulled together by an L2 penalty
 * @param gates per-task softmax gates over experts, in task order
 */
public record SharedLayout(Map<String, Attachment> attachments, List<Tie> ties, List<Gate> gates) {

    public SharedLayout {
        attachments = Collections.unmodifiableMap(new LinkedHashMap<>(attachments));
        ties = List.copyOf(ties);
        gates = List.copyOf(gates);
    }

    /** A layout with attachments only: no ties, no gates. */
    public SharedLayout(Map<String, Attachment> attachments) {
        this(attachments, List.of(), List.of());
    }

    public Attachment of(String task) {
        Attachment attachment = attachments.get(task);
        if (attachment == null) {
            throw new IllegalStateException("the sharing strategy gave task '" + task + "' no attachment");
        }
        return attachment;
    }

    /**
     * @param vertex the full vertex name
     * @param size its output width
     */
    public record Attachment(String vertex, int size) {
    }

    /**
     * Towers of identical structure under the given scopes (full scope names, e.g.
     * {@code shared/tower_a}). The runtime adds {@code coefficient · Σ_{pairs} ‖θ_a − θ_b‖²} over every
     * pair of towers and every pair of corresponding parameters (same name below the scope) to the
     * joint loss, and its gradient to the towers' gradients.
     */
    public record Tie(List<String> scopes, double coefficient) {
        public Tie {
            scopes = List.copyOf(scopes);
            if (scopes.size() < 2) {
                throw new IllegalArgumentException("a tie needs at least two towers, got " + scopes);
            }
            if (!(Double.isFinite(coefficient) && coefficient >= 0)) {
                throw new IllegalArgumentException("a tie's coefficient must be a finite number >= 0, got " + coefficient);
            }
        }
    }

    /**
     * A task's gate: a vertex whose output row is a softmax over experts; column i weighs {@code experts.get(i)}.
     *
     * @param task the task that reads the gated mixture
     * @param vertex the gate vertex (full name)
     * @param experts the experts' names, in the gate's column order
     */
    public record Gate(String task, String vertex, List<String> experts) {
        public Gate {
            experts = List.copyOf(experts);
        }
    }
}
