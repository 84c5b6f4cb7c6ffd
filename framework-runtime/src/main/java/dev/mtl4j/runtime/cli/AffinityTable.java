package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.affinity.AffinityStudy;
import dev.mtl4j.runtime.affinity.Grouping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The task-affinity matrix and the suggested groupings, as text. */
final class AffinityTable {
    private AffinityTable() {
    }

    static String render(AffinityStudy study) {
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("step on \\ loss of"));
        head.addAll(study.tasks());
        rows.add(head);
        for (int i = 0; i < study.tasks().size(); i++) {
            List<String> row = new ArrayList<>(List.of(study.tasks().get(i)));
            for (int j = 0; j < study.tasks().size(); j++) {
                double value = study.matrix()[i][j];
                double error = study.standardErrors()[i][j];
                row.add(Double.isNaN(value) ? "n/a" : Double.isNaN(error) ? String.format(Locale.ROOT, "%+.5f", value)
                        : String.format(Locale.ROOT, "%+.5f ±%.5f", value, error));
            }
            rows.add(row);
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "task affinity (Fifty et al. 2021): 1 - L_j after a "
                + "step on task i / L_j before; row i, column j; mean ± standard error of %d measurements, every %d steps, lookahead lr %s "
                + "(docs/affinity.md):%n", study.measurements(), study.every(), study.lookaheadRate()));
        text.append(TextTable.render(rows, 1));
        for (int i = 0; i < study.tasks().size(); i++) {
            if (study.matrix()[i][i] < 0) {
                text.append(String.format(Locale.ROOT, "%nnote: a step on %s's own gradient raised its own loss (%+.5f): the "
                        + "lookahead step is too large for it, so its row measures overshooting; try a smaller --lookahead-lr "
                        + "(now %s)", study.tasks().get(i), study.matrix()[i][i], study.lookaheadRate()));
            }
        }
        if (!study.groupings().isEmpty()) {
            text.append(String.format("%n%nsuggested groups (TAG's search over the affinities at least 2 standard errors from 0; "
                    + "total affinity onto the tasks, higher is better):"));
            for (Grouping grouping : study.groupings()) {
                int k = grouping.groups().size();
                text.append(String.format(Locale.ROOT, "%n%d group%s: %s  %+.5f", k, k == 1 ? " " : "s",
                        grouping.groups().stream().map(g -> "{" + String.join(", ", g) + "}").collect(Collectors.joining(" ")),
                        grouping.score()));
            }
        }
        return text.toString();
    }
}
