package dev.mtl4j.spark;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Location;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.FeatureType;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.RawTableBuilder;
import dev.mtl4j.api.spi.TargetKind;
import dev.mtl4j.runtime.data.TargetRequest;
import dev.mtl4j.api.spi.TextProgress;
import dev.mtl4j.runtime.data.FeatureColumn;
import dev.mtl4j.runtime.data.FeatureEncoder;
import dev.mtl4j.runtime.data.FeatureResolver;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.data.Rows;
import dev.mtl4j.runtime.data.TargetEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;

/**
 * Fits a pipeline's encoding on the training rows with Spark: two passes of per-partition
 * {@link ColumnSummary summaries} merged on the driver (means and standard deviations the two-pass
 * way the runtime's {@code Moments} does, ordinal means, category sets by union), so no machine
 * reads all rows. Category columns and classification labels are then fitted by the runtime's own
 * code on a small table of their distinct values (their encoding depends on nothing else), numbers
 * and ordinals become the same state a single-machine fit saves; the result is the runtime's
 * {@link Preprocessor}, saved in the model file as any other.
 */
final class EncodingFit {
    private EncodingFit() {
    }

    static Preprocessor fit(PipelineSpec spec, SourceRows source, JavaRDD<IndexedCells> train,
                            Map<String, TargetRequest> requests) {
        List<FeatureColumn> features = FeatureResolver.resolve(spec, source.header());
        List<String> header = source.columns();
        List<String> numbers = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<FeatureColumn> ordinals = new ArrayList<>();
        for (FeatureColumn feature : features) {
            switch (feature.spec().type()) {
                case NUMERIC -> numbers.add(feature.column());
                case CATEGORICAL -> categories.add(feature.column());
                case ORDINAL -> ordinals.add(feature);
                case TEXT -> throw new IllegalStateException("text features are refused before the data is read");
            }
        }
        for (TaskSpec task : spec.tasks()) {
            List<String> into = requests.get(task.name()).kind() == TargetKind.NUMERIC ? numbers : categories;
            task.labels().stream().filter(l -> !into.contains(l)).forEach(into::add);
        }
        ColumnSummary.Plan plan = new ColumnSummary.Plan(source.origin(), header, indexes(header, numbers),
                indexes(header, ordinals.stream().map(FeatureColumn::column).toList()),
                ordinals.stream().map(o -> List.copyOf(o.spec().levels())).toList(), indexes(header, categories));
        ColumnSummary first = summarise(train, plan, null);
        double[] means = IntStream.range(0, numbers.size())
                .mapToDouble(i -> first.counts[i] == 0 ? 0 : first.sums[i] / first.counts[i]).toArray();
        ColumnSummary second = summarise(train, plan, means);
        RawTable distinct = distinctTable(source.origin(), categories, first);
        int[] all = IntStream.range(0, distinct.size()).toArray();
        List<FeatureColumn> categorical = features.stream().filter(f -> f.spec().type() == FeatureType.CATEGORICAL).toList();
        Map<String, Map<String, Object>> states = new LinkedHashMap<>();
        if (!categorical.isEmpty()) {
            FeatureEncoder.fit(List.of(new Rows(distinct, all)), categorical, spec.data().unseen(), null, TextProgress.NONE)
                    .toState().forEach(state -> states.put((String) state.get("column"), state));
        }
        for (int i = 0; i < ordinals.size(); i++) {
            Map<String, Object> state = codec(ordinals.get(i).column(), "ordinal");
            state.put("levels", new ArrayList<>(plan.levels().get(i)));
            state.put("missing", first.ordinalCounts[i] == 0 ? 0.5 : first.ordinalSums[i] / first.ordinalCounts[i]);
            states.put(ordinals.get(i).column(), state);
        }
        for (FeatureColumn feature : features) {
            if (feature.spec().type() == FeatureType.NUMERIC) {
                int i = numbers.indexOf(feature.column());
                Map<String, Object> state = codec(feature.column(), "numeric");
                state.put("mean", means[i]);
                state.put("std", std(second.sums[i], first.counts[i]));
                if (first.counts[i] < first.rows) {
                    // missing cells in the training rows: a second input marks them, as on one machine
                    state.put("indicator", true);
                }
                states.put(feature.column(), state);
            }
        }
        List<Map<?, ?>> ordered = features.stream().<Map<?, ?>>map(f -> states.get(f.column())).toList();
        Map<String, TargetEncoder> targets = new LinkedHashMap<>();
        for (TaskSpec task : spec.tasks()) {
            TargetRequest request = requests.get(task.name());
            targets.put(task.name(), request.kind() == TargetKind.NUMERIC
                    ? numericTarget(task, numbers, means, first, second, source.origin())
                    : LabelCounts.weighted(TargetEncoder.fit(task, request, distinct, all), distinct, task.labels().stream()
                            .map(label -> first.distinct.get(categories.indexOf(label))).toList()));
        }
        return Preprocessor.of(FeatureEncoder.fromState(ordered), targets);
    }

    private static ColumnSummary summarise(JavaRDD<IndexedCells> rows, ColumnSummary.Plan plan, double[] means) {
        List<ColumnSummary> parts = Jobs.run(() -> rows.mapPartitions(it -> {
            try {
                return List.of(ColumnSummary.of(plan, it, means)).iterator();
            } catch (MtlException e) {
                throw WorkerFailure.of(e);
            }
        }).collect());
        ColumnSummary merged = parts.get(0);
        for (int p = 1; p < parts.size(); p++) {
            merged = merged.merge(plan, parts.get(p));
        }
        return merged;
    }

    /** One row per distinct value, each category column listing its values and then missing cells. */
    private static RawTable distinctTable(String origin, List<String> columns, ColumnSummary summary) {
        RawTableBuilder table = RawTable.builder(origin, columns);
        List<List<String>> values = summary.distinct.stream().map(s -> (List<String>) new ArrayList<>(s.keySet())).toList();
        int rows = values.stream().mapToInt(List::size).max().orElse(0);
        for (int r = 0; r < rows; r++) {
            for (List<String> column : values) {
                table.add(r < column.size() ? column.get(r) : null);
            }
            table.endRow(r + 2);
        }
        return table.build();
    }

    private static TargetEncoder numericTarget(TaskSpec task, List<String> numbers, double[] means, ColumnSummary first,
                                               ColumnSummary second, String origin) {
        List<Double> taskMeans = new ArrayList<>();
        List<Double> stds = new ArrayList<>();
        List<Long> labelled = new ArrayList<>();
        for (String label : task.labels()) {
            int i = numbers.indexOf(label);
            if (first.counts[i] == 0) {
                throw new MtlException(ErrorCategory.DATA_INVALID, Problem.at(Location.file(origin), "column '" + label
                        + "' (task '" + task.name() + "') has no values in the training rows"));
            }
            taskMeans.add(means[i]);
            stds.add(std(second.sums[i], first.counts[i]));
            labelled.add(first.counts[i]);
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("task", task.name());
        state.put("kind", TargetKind.NUMERIC.name());
        state.put("columns", new ArrayList<>(task.labels()));
        state.put("means", taskMeans);
        state.put("stds", stds);
        state.put("counts", List.of());
        state.put("labelled", LabelCounts.wholeNumbers(labelled));
        return TargetEncoder.fromState(state);
    }

    /** The population standard deviation, 1 when it is 0, not finite, or there are no values (as the runtime's). */
    private static double std(double squares, long count) {
        if (count == 0) {
            return 1;
        }
        double std = Math.sqrt(squares / count);
        return std > 0 && Double.isFinite(std) ? std : 1;
    }

    private static Map<String, Object> codec(String column, String type) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("column", column);
        state.put("type", type);
        return state;
    }

    private static int[] indexes(List<String> header, List<String> columns) {
        return columns.stream().mapToInt(header::indexOf).toArray();
    }
}
