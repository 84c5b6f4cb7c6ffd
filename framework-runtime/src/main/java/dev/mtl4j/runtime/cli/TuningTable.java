package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.config.SearchSpec;
import dev.mtl4j.runtime.tune.Objective;
import dev.mtl4j.runtime.tune.Trial;
import dev.mtl4j.runtime.tune.TrialPlan;
import dev.mtl4j.runtime.tune.Tuner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The best trials of a search as a table: the last rung's first, each with its values and objective. */
final class TuningTable {
    static final int SHOWN = 10;

    private TuningTable() {
    }

    static String render(SearchSpec search, Objective objective, Tuner.Result result) {
        int last = result.trials().stream().mapToInt(Trial::rung).max().orElse(0);
        List<Trial> ranked = new ArrayList<>(TrialPlan.ranked(result.trials().stream().filter(t -> t.rung() == last).toList(),
                objective.higherIsBetter()));
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("trial", "epochs"));
        search.space().forEach(d -> header.add(d.key()));
        header.add("objective");
        rows.add(header);
        for (Trial trial : ranked.subList(0, Math.min(SHOWN, ranked.size()))) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(trial.id()), Integer.toString(trial.epochs())));
            search.space().forEach(d -> row.add(trial.values().get(d.key())));
            row.add(Double.isNaN(trial.objective()) ? "failed" : String.format(Locale.ROOT, "%.4f", trial.objective()));
            rows.add(row);
        }
        return String.format(Locale.ROOT, "%d trials; the best %d%s by %s on the validation rows:%n", result.trials().size(),
                rows.size() - 1, last > 0 ? " of the last rung" : "", objective.describe())
                + TextTable.render(rows, 2 + search.space().size());
    }
}
