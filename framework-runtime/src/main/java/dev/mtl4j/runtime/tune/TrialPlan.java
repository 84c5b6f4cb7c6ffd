package dev.mtl4j.runtime.tune;

import dev.mtl4j.runtime.config.SearchDimension;
import dev.mtl4j.runtime.config.SearchSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which trials a search runs. Trial {@code i}'s values are drawn from a generator seeded by the
 * search's seed and {@code i} alone, so a re-run draws the same values (a resumed search skips the
 * trials it finished) and trials can run in any order, in parallel.
 *
 * <p>Random search: {@code trials} trials at the pipeline's epochs. Successive halving (Jamieson and
 * Talwalkar 2016, the inner loop of Hyperband): rung 0 trains every trial for epochs / eta^K
 * (K = ⌊log_eta trials⌋, at least 1 epoch); each next rung trains the best ⌊n/eta⌋ of the rung
 * before (at least 1) eta times longer, from scratch, up to the pipeline's epochs.
 */
public final class TrialPlan {
    private final SearchSpec search;
    private final int trials;
    private final int epochs;

    public TrialPlan(SearchSpec search, int trials, int epochs) {
        if (trials < 1) {
            throw new IllegalArgumentException("at least 1 trial, got " + trials);
        }
        this.search = search;
        this.trials = trials;
        this.epochs = epochs;
    }

    /** The number of rungs: 1 for random search. */
    public int rungs() {
        if (search.method() == SearchSpec.Method.RANDOM) {
            return 1;
        }
        int rungs = 1;
        for (long n = trials; n >= search.eta(); n /= search.eta()) {
            rungs++;
        }
        return rungs;
    }

    /** The epochs of a rung's trials. */
    public int epochs(int rung) {
        int last = rungs() - 1;
        return (int) Math.max(1, Math.round(epochs / Math.pow(search.eta(), last - rung)));
    }

    /** The values of trial {@code id}. */
    public Map<String, String> values(int id) {
        Random random = new Random(mix(search.seed() * 0x9E3779B97F4A7C15L + id));
        Map<String, String> values = new LinkedHashMap<>();
        for (SearchDimension dimension : search.space()) {
            values.put(dimension.key(), dimension.draw(random));
        }
        return values;
    }

    /** Murmur3's finaliser: java.util.Random's first draws from neighbouring seeds are nearly equal, mixed seeds are not. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** Rung 0's trial ids. */
    public List<Integer> first() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            ids.add(i);
        }
        return ids;
    }

    /** The ids that go on from a finished rung: the best ⌊n/eta⌋ (at least 1) by objective; ties by id. */
    public List<Integer> promoted(List<Trial> rung, boolean higherIsBetter) {
        int keep = Math.max(1, rung.size() / search.eta());
        return ranked(rung, higherIsBetter).stream().limit(keep).map(Trial::id).sorted().toList();
    }

    /** Trials best first by objective (failed trials last), ties by id. */
    public static List<Trial> ranked(List<Trial> trials, boolean higherIsBetter) {
        Comparator<Trial> best = Comparator.comparingDouble((Trial t) -> Double.isNaN(t.objective()) ? Double.NEGATIVE_INFINITY
                : higherIsBetter ? t.objective() : -t.objective()).reversed().thenComparingInt(Trial::id);
        return trials.stream().sorted(best).toList();
    }
}
