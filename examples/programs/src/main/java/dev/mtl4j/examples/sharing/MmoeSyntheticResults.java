package dev.mtl4j.examples.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test MSEs of the MMoE synthetic experiment, one {@link Run} per p, seed and model, and the
 * tables made from them. The experiment prints one line per run ({@link Run#line}); {@link #parse}
 * reads such lines back, so runs split over several processes (disjoint seeds) merge into one
 * table with {@link MmoeSyntheticSummary}.
 */
final class MmoeSyntheticResults {
    static final List<String> MODELS = List.of("hard", "mmoe");
    private static final Pattern LINE = Pattern.compile(
            "p (\\S+) seed (\\d+) (hard|mmoe)\\s*: test MSE y1 (\\S+) y2 (\\S+)\\b.*");

    /** One trained model's test MSE on both tasks. */
    record Run(double p, long seed, String model, double y1, double y2) {
        Run {
            if (!MODELS.contains(model)) {
                throw new IllegalArgumentException("model must be one of " + MODELS + ", got '" + model + "'");
            }
        }

        double mean() {
            return (y1 + y2) / 2;
        }

        double mse(String task) {
            return switch (task) {
                case "y1" -> y1;
                case "y2" -> y2;
                default -> mean();
            };
        }

        /** The line the experiment prints; {@code detail} follows in parentheses. */
        String line(String detail) {
            return String.format(Locale.ROOT, "p %.2f seed %d %-4s: test MSE y1 %.4f y2 %.4f (%s)", p, seed, model, y1,
                    y2, detail);
        }
    }

    // p (descending) -> seed -> model -> run
    private final Map<Double, Map<Long, Map<String, Run>>> all = new TreeMap<>(java.util.Comparator.reverseOrder());

    void add(Run run) {
        Run before = all.computeIfAbsent(run.p(), k -> new TreeMap<>())
                .computeIfAbsent(run.seed(), k -> new TreeMap<>())
                .putIfAbsent(run.model(), run);
        if (before != null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "two results for p %.2f seed %d %s", run.p(), run.seed(), run.model()));
        }
    }

    /** A run from one of the experiment's printed lines; other lines (settings, tables) give empty. */
    static Optional<Run> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Run(Double.parseDouble(m.group(1)), Long.parseLong(m.group(2)), m.group(3),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5))));
    }

    /** The runs at each p that has at least one seed with both models (a p still running has none). */
    private Map<Double, Map<Long, Map<String, Run>>> runs() {
        Map<Double, Map<Long, Map<String, Run>>> paired = new TreeMap<>(java.util.Comparator.reverseOrder());
        all.forEach((p, bySeed) -> {
            if (!pairs(bySeed).isEmpty()) {
                paired.put(p, bySeed);
            }
        });
        return paired;
    }

    /** Per p and task: mean ± sd over seeds of each model's test MSE, and of hard − mmoe per seed. */
    String table() {
        StringBuilder out = new StringBuilder("| p | task | hard | mmoe | hard − mmoe |\n|---|---|---|---|---|\n");
        runs().forEach((p, seeds) -> {
            for (String task : List.of("y1", "y2", "mean")) {
                List<Double> hard = new ArrayList<>();
                List<Double> mmoe = new ArrayList<>();
                List<Double> advantage = new ArrayList<>();
                pairs(seeds).forEach((seed, pair) -> {
                    hard.add(pair[0].mse(task));
                    mmoe.add(pair[1].mse(task));
                    advantage.add(pair[0].mse(task) - pair[1].mse(task));
                });
                out.append(String.format(Locale.ROOT, "| %.1f | %s | %s | %s | %s |%n", p, task, meanSd(hard),
                        meanSd(mmoe), meanSd(advantage)));
            }
        });
        return out.toString();
    }

    /** Per seed, the advantage hard − mmoe of the two tasks' mean MSE at every p. */
    String perSeed() {
        Map<Double, Map<Long, Map<String, Run>>> runs = runs();
        TreeSet<Long> seeds = new TreeSet<>();
        runs.values().forEach(bySeed -> seeds.addAll(pairs(bySeed).keySet()));
        StringBuilder head = new StringBuilder("| seed |");
        StringBuilder rule = new StringBuilder("|---|");
        for (double p : runs.keySet()) {
            head.append(String.format(Locale.ROOT, " p = %.1f |", p));
            rule.append("---|");
        }
        StringBuilder out = new StringBuilder(head).append('\n').append(rule).append('\n');
        for (long seed : seeds) {
            out.append("| ").append(seed).append(" |");
            for (Map<Long, Map<String, Run>> bySeed : runs.values()) {
                Run[] pair = pairs(bySeed).get(seed);
                out.append(pair == null ? " |" : String.format(Locale.ROOT, " %+.4f |", advantage(pair)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * The paper's claim as a paired test: per seed, how much MMoE's advantage grows from the
     * highest p to each lower p (the same seed draws the same u1, u2, rows and y1 at every p).
     */
    String trend() {
        Map<Double, Map<Long, Map<String, Run>>> runs = runs();
        List<Double> ps = new ArrayList<>(runs.keySet());
        if (ps.size() < 2) {
            return "(one p only: no trend to measure)\n";
        }
        double top = ps.get(0);
        Map<Long, Run[]> topPairs = pairs(runs.get(top));
        StringBuilder out = new StringBuilder();
        for (double p : ps.subList(1, ps.size())) {
            List<Double> growth = new ArrayList<>();
            pairs(runs.get(p)).forEach((seed, pair) -> {
                Run[] atTop = topPairs.get(seed);
                if (atTop != null) {
                    growth.add(advantage(pair) - advantage(atTop));
                }
            });
            long up = growth.stream().filter(g -> g > 0).count();
            double mean = mean(growth);
            double se = sd(growth) / Math.sqrt(growth.size());
            out.append(String.format(Locale.ROOT,
                    "advantage at p = %.1f minus at p = %.1f: %+.4f ± %.4f (mean ± standard error over %d seeds; t = %.2f); "
                            + "it grew in %d of %d seeds%n",
                    p, top, mean, se, growth.size(), se == 0 ? Double.NaN : mean / se, up, growth.size()));
        }
        return out.toString();
    }

    /** Seeds with both models' results at one p, as {hard, mmoe}. */
    private static Map<Long, Run[]> pairs(Map<Long, Map<String, Run>> bySeed) {
        Map<Long, Run[]> out = new TreeMap<>();
        bySeed.forEach((seed, models) -> {
            if (models.containsKey("hard") && models.containsKey("mmoe")) {
                out.put(seed, new Run[] {models.get("hard"), models.get("mmoe")});
            }
        });
        return out;
    }

    private static double advantage(Run[] pair) {
        return pair[0].mean() - pair[1].mean();
    }

    static String meanSd(List<Double> values) {
        return String.format(Locale.ROOT, "%.4f ± %.4f", mean(values), sd(values));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double sd(List<Double> values) {
        if (values.size() < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.size() - 1));
    }
}
