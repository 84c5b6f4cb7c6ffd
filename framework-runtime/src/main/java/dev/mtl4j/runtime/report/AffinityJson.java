package dev.mtl4j.runtime.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.runtime.affinity.AffinityStudy;
import dev.mtl4j.runtime.affinity.Grouping;
import dev.mtl4j.runtime.affinity.TaskAffinity;
import java.util.List;

/**
 * {@code affinity.json}: the task-affinity matrix by task names ({@code matrix[i][j]}: a step on task i's
 * effect on task j's loss; null where never measured), how it was measured, and the best grouping for
 * each number of groups.
 */
public final class AffinityJson {
    private AffinityJson() {
    }

    public static ObjectNode of(Json json, AffinityStudy study) {
        ObjectNode root = json.object();
        root.put("definition", "Z[i][j] = 1 - L_j(after a gradient step on task i's loss over the shared layers) / L_j(before), "
                + "averaged over the measured training steps (Fifty et al. 2021, TAG)");
        ArrayNode tasks = root.putArray("tasks");
        study.tasks().forEach(tasks::add);
        ObjectNode matrix = root.putObject("matrix");
        for (int i = 0; i < study.tasks().size(); i++) {
            ObjectNode row = matrix.putObject(study.tasks().get(i));
            for (int j = 0; j < study.tasks().size(); j++) {
                Json.put(row, study.tasks().get(j), study.matrix()[i][j]);
            }
        }
        ObjectNode errors = root.putObject("standardError");
        for (int i = 0; i < study.tasks().size(); i++) {
            ObjectNode row = errors.putObject(study.tasks().get(i));
            for (int j = 0; j < study.tasks().size(); j++) {
                Json.put(row, study.tasks().get(j), study.standardErrors()[i][j]);
            }
        }
        root.put("measurements", study.measurements());
        root.put("every", study.every());
        root.put("lookaheadLearningRate", study.lookaheadRate());
        ArrayNode shared = root.putArray("sharedLayers");
        study.sharedLayers().forEach(shared::add);
        root.put("groupingRule", "TAG's search (Fifty et al. 2021) over the means, a mean within " + TaskAffinity.CLEAR_ERRORS
                + " standard errors (batch means over the training's measurements) of 0 counting as 0");
        ArrayNode groupings = root.putArray("groupings");
        for (Grouping grouping : study.groupings()) {
            ObjectNode node = groupings.addObject();
            ArrayNode groups = node.putArray("groups");
            for (List<String> group : grouping.groups()) {
                ArrayNode members = groups.addArray();
                group.forEach(members::add);
            }
            Json.put(node, "score", grouping.score());
        }
        return root;
    }
}
