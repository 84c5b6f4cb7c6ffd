package dev.mtl4j.runtime.affinity;

import java.util.ArrayList;
import java.util.List;

/**
 * TAG's grouping search (Fifty et al. 2021, section 3.2) over an affinity matrix: for a budget of k
 * groups, the k sets of tasks, overlapping or not, that cover every task and maximise the total
 * affinity onto the tasks ({@link Grouping#score}). Exhaustive, as the paper does for small task
 * counts: every choice of k of the 2^n − 1 subsets, for n up to {@value #MAX_TASKS} tasks and k up to
 * {@value #MAX_GROUPS}. Ties go to the grouping with fewer memberships (fewer or smaller networks).
 */
public final class TaskGrouping {
    public static final int MAX_TASKS = 8;
    public static final int MAX_GROUPS = 3;
    private static final double TIE = 1e-12;

    private final List<String> tasks;
    private final double[][] serve;

    /**
     * @param affinity row i, column j: a step on task i's effect on task j; NaN where never measured
     *     (counted as 0, no effect)
     */
    public TaskGrouping(List<String> tasks, double[][] affinity) {
        if (tasks.size() > MAX_TASKS) {
            throw new IllegalArgumentException("the grouping search covers at most " + MAX_TASKS + " tasks, got " + tasks.size());
        }
        this.tasks = List.copyOf(tasks);
        int subsets = 1 << tasks.size();
        this.serve = new double[subsets][tasks.size()];
        for (int mask = 1; mask < subsets; mask++) {
            for (int j = 0; j < tasks.size(); j++) {
                serve[mask][j] = onto(affinity, mask, j);
            }
        }
    }

    /**
     * The best grouping for each budget k = 1 .. min(tasks, {@value #MAX_GROUPS}), up to the first k
     * whose best does no better than k − 1 groups (a further group would only repeat one).
     */
    public List<Grouping> best() {
        List<Grouping> best = new ArrayList<>();
        for (int k = 1; k <= Math.min(tasks.size(), MAX_GROUPS); k++) {
            Grouping grouping = best(k);
            if (!best.isEmpty() && grouping.score() <= best.get(best.size() - 1).score() + TIE) {
                break;
            }
            best.add(grouping);
        }
        return best;
    }

    /** The best grouping into {@code k} groups. */
    public Grouping best(int k) {
        Search search = new Search(k);
        search.choose(0, 1);
        List<List<String>> groups = new ArrayList<>();
        for (int mask : search.bestChoice) {
            groups.add(names(mask));
        }
        return new Grouping(groups, search.bestScore);
    }

    /** The mean affinity of the other members of {@code mask} onto task j; 0 for a task alone. */
    private static double onto(double[][] affinity, int mask, int j) {
        double sum = 0;
        int others = 0;
        for (int i = 0; i < affinity.length; i++) {
            if (i != j && (mask & (1 << i)) != 0) {
                sum += Double.isNaN(affinity[i][j]) ? 0 : affinity[i][j];
                others++;
            }
        }
        return others == 0 ? 0 : sum / others;
    }

    private List<String> names(int mask) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                names.add(tasks.get(i));
            }
        }
        return names;
    }

    /** Every choice of k distinct subsets, in increasing order of their masks. */
    private final class Search {
        private final int[] choice;
        private int[] bestChoice;
        private double bestScore = Double.NEGATIVE_INFINITY;
        private int bestMembers = Integer.MAX_VALUE;

        Search(int k) {
            this.choice = new int[k];
        }

        void choose(int slot, int from) {
            if (slot == choice.length) {
                consider();
                return;
            }
            for (int mask = from; mask < serve.length; mask++) {
                choice[slot] = mask;
                choose(slot + 1, mask + 1);
            }
        }

        private void consider() {
            int covered = 0;
            int members = 0;
            for (int mask : choice) {
                covered |= mask;
                members += Integer.bitCount(mask);
            }
            if (covered != serve.length - 1) {
                return;
            }
            double score = 0;
            for (int j = 0; j < tasks.size(); j++) {
                double most = Double.NEGATIVE_INFINITY;
                for (int mask : choice) {
                    if ((mask & (1 << j)) != 0) {
                        most = Math.max(most, serve[mask][j]);
                    }
                }
                score += most;
            }
            if (score > bestScore + TIE || (score > bestScore - TIE && members < bestMembers)) {
                bestScore = score;
                bestMembers = members;
                bestChoice = choice.clone();
            }
        }
    }
}
