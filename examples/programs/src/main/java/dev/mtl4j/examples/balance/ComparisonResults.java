package dev.mtl4j.examples.balance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison's results file, one line a finding, tab-separated: {@code pipeline, run, seed, task,
 * value} for a run's test metric, {@code pipeline, run, skip|note, reason}. Appended as runs finish.
 */
final class ComparisonResults {
    private final Path file;

    ComparisonResults(Path file) {
        this.file = file;
    }

    /** One run's test metrics. */
    record Run(String label, long seed, Map<String, Double> values) {
    }

    /** What a pipeline's results say: its runs, and the reasons methods were skipped or noted. */
    record Found(List<Run> runs, Map<String, String> skipped, Map<String, String> notes) {
    }

    boolean has(String pipeline, String label, long seed) throws IOException {
        return load(pipeline).runs().stream().anyMatch(r -> r.label().equals(label) && r.seed() == seed);
    }

    boolean skipped(String pipeline, String label) throws IOException {
        return load(pipeline).skipped().containsKey(label);
    }

    void append(String pipeline, String label, long seed, Map<String, Double> values) throws IOException {
        StringBuilder lines = new StringBuilder();
        values.forEach((task, value) -> lines.append(String.format(Locale.ROOT, "%s\t%s\t%d\t%s\t%.6f%n", pipeline, label, seed,
                task, value)));
        write(lines.toString());
    }

    void skip(String pipeline, String label, String reason) throws IOException {
        write(pipeline + "\t" + label + "\tskip\t" + reason.replace('\t', ' ').replace('\n', ' ') + "\n");
    }

    void note(String pipeline, String label, String note) throws IOException {
        if (!load(pipeline).notes().containsKey(label)) {
            write(pipeline + "\t" + label + "\tnote\t" + note + "\n");
        }
    }

    private void write(String text) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    Found load(String pipeline) throws IOException {
        List<Run> runs = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return new Found(runs, skipped, notes);
        }
        Map<String, Run> byRun = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] cells = line.split("\t");
            if (cells.length < 4 || !cells[0].equals(pipeline)) {
                continue;
            }
            switch (cells[2]) {
                case "skip" -> skipped.put(cells[1], cells[3]);
                case "note" -> notes.put(cells[1], cells[3]);
                default -> byRun.computeIfAbsent(cells[1] + "@" + cells[2],
                        k -> new Run(cells[1], Long.parseLong(cells[2]), new LinkedHashMap<>()))
                        .values().put(cells[3], Double.parseDouble(cells[4]));
            }
        }
        runs.addAll(byRun.values());
        return new Found(runs, skipped, notes);
    }
}
