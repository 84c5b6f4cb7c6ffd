package dev.mtl4j.runtime.config;

import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.DataSpec;
import dev.mtl4j.api.spec.FeatureOptions;
import dev.mtl4j.api.spec.FeatureSpec;
import dev.mtl4j.api.spec.FeatureType;
import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.api.spec.TargetDataSpec;
import dev.mtl4j.api.spec.TaskDataSpec;
import dev.mtl4j.api.spec.UnseenCategory;
import dev.mtl4j.runtime.plugin.Family;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code data:} section: source, features, drop, split (with limit) and unseen. */
final class DataReader {
    static final List<String> KEYS = Sections.DATA.names();
    static final List<String> SPLIT_KEYS = Sections.SPLIT.names();
    static final List<String> FEATURE_KEYS = Sections.FEATURE.names();
    /** A feature map's keys that are not {@link FeatureOptions}. */
    private static final java.util.Set<String> FEATURE_OWN_KEYS = java.util.Set.of("type", "levels");
    /** The target domain's rows: only where they come from and how they split; their features are the pipeline's. */
    static final List<String> TARGET_KEYS = Sections.TARGET.names();
    /** A task's own data: where its rows come from and how they split; the features are the pipeline's. */
    static final List<String> TASK_KEYS = Sections.TASK_DATA.names();
    static final java.util.Map<String, String> TASK_REFUSED = java.util.Map.of(
            "features", "features are declared once, in the pipeline's data.features, and every task's file must have them",
            "unseen", "declared once, in the pipeline's data.unseen");

    private final ComponentReader components;

    DataReader(ComponentReader components) {
        this.components = components;
    }

    Optional<DataSpec> read(YamlMap data) {
        YamlValues values = data.values();
        data.allowOnly(KEYS);
        // Optional here: a pipeline whose every task brings its own data declares only the features
        // (PipelineSpec reports a missing source otherwise).
        Optional<ComponentSpec> source = data.value("source")
                .flatMap(node -> components.read(node, data.path("source"), Family.DATASET, values));
        boolean sourceBroken = data.value("source").isPresent() && source.isEmpty();
        Optional<List<FeatureSpec>> features = data.required("features")
                .flatMap(node -> YamlMap.of(node, data.path("features"), values)).flatMap(this::features);
        List<String> drop = data.texts("drop").orElse(List.of());
        SplitSpec split = data.map("split").flatMap(DataReader::split).orElse(SplitSpec.defaults());
        UnseenCategory unseen = data.text("unseen").flatMap(text -> unseen(data, text)).orElse(UnseenCategory.ERROR);
        boolean targetGiven = data.value("target").isPresent();
        Optional<TargetDataSpec> target = data.map("target").flatMap(this::target);
        if (sourceBroken || features.isEmpty() || (targetGiven && target.isEmpty())) {
            return Optional.empty();
        }
        return data.build(() -> new DataSpec(source.orElse(null), features.get(), drop, split, unseen, target.orElse(null)));
    }

    /** {@code target: { source: { type: csv, path: target.csv }, split: { test: 0.5 } }}. */
    Optional<TargetDataSpec> target(YamlMap target) {
        target.allowOnly(TARGET_KEYS, TransferReader.refused(List.of("features", "drop", "unseen"),
                "the target's rows are read with the features of the pipeline (or of the source model)"));
        Optional<ComponentSpec> source = target.required("source")
                .flatMap(node -> components.read(node, target.path("source"), Family.DATASET, target.values()));
        SplitSpec split = target.map("split").flatMap(DataReader::split).orElse(SplitSpec.defaults());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        return target.build(() -> new TargetDataSpec(source.get(), split));
    }

    /** A task's {@code data:} section: {@code { source: {...}, split: {...}, drop: [...] }}. */
    Optional<TaskDataSpec> readTask(YamlMap data) {
        YamlValues values = data.values();
        data.allowOnly(TASK_KEYS, TASK_REFUSED);
        Optional<ComponentSpec> source = data.required("source")
                .flatMap(node -> components.read(node, data.path("source"), Family.DATASET, values));
        List<String> drop = data.texts("drop").orElse(List.of());
        SplitSpec split = data.map("split").flatMap(DataReader::split).orElse(SplitSpec.defaults());
        Map<String, String> rename = new LinkedHashMap<>();
        boolean renameRead = data.map("rename").map(map -> {
            boolean complete = true;
            for (String column : map.keys()) {
                Optional<String> name = map.text(column);
                name.ifPresent(n -> rename.put(column, n));
                complete &= name.isPresent();
            }
            return complete;
        }).orElse(true);
        if (source.isEmpty() || !renameRead) {
            return Optional.empty();
        }
        return data.build(() -> new TaskDataSpec(source.get(), split, drop, rename));
    }

    /** Every feature, or empty when one is wrong (an incomplete list would only add follow-on errors). */
    private Optional<List<FeatureSpec>> features(YamlMap features) {
        List<FeatureSpec> specs = new ArrayList<>();
        boolean complete = true;
        for (String pattern : features.keys()) {
            Optional<FeatureSpec> feature = feature(features, pattern);
            feature.ifPresent(specs::add);
            complete &= feature.isPresent();
        }
        return complete ? Optional.of(specs) : Optional.empty();
    }

    /**
     * {@code "px*": numeric}, {@code AGE: { type: ordinal, levels: [...] }}, or a type with
     * {@link FeatureOptions} ({@code AMOUNT: { type: numeric, transform: log }}).
     */
    private Optional<FeatureSpec> feature(YamlMap features, String pattern) {
        Node node = features.value(pattern).orElseThrow();
        String path = features.path(pattern);
        YamlValues values = features.values();
        Optional<YamlMap> entry = node instanceof MappingNode
                ? YamlMap.of(node, path, values) : Optional.empty();
        entry.ifPresent(map -> map.allowOnly(FEATURE_KEYS));
        Optional<String> type = entry.isPresent()
                ? entry.get().required("type").flatMap(v -> values.text(v, entry.get().path("type")))
                : values.text(node, path);
        Optional<List<String>> listed = entry.flatMap(map -> map.texts("levels"));
        List<String> levels = listed.orElse(List.of());
        boolean levelsBroken = entry.isPresent() && entry.get().keys().contains("levels") && listed.isEmpty();
        Optional<FeatureOptions> options = entry.isPresent()
                ? SettingsReader.read(entry.get(), FeatureOptions.class, FEATURE_OWN_KEYS)
                : Optional.of(FeatureOptions.DEFAULTS);
        if (type.isEmpty() || levelsBroken || options.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FeatureSpec(pattern, FeatureType.parse(type.get()), levels, options.get()));
        } catch (SpecException e) {
            if (e.key().equals("pattern")) {
                values.problems().at(features.keyNode(pattern).orElseThrow(), path, e.reason());
            } else if (entry.isPresent()) {
                entry.get().report(e);
            } else {
                values.problems().at(node, path, e.reason());
            }
            return Optional.empty();
        }
    }

    /** A random split by default; with a column, test defaults to 0 as in {@link SplitSpec#byColumn}. */
    static Optional<SplitSpec> split(YamlMap split) {
        split.allowOnly(SPLIT_KEYS);
        String column = split.text("column").orElse(null);
        double test = split.number("test").orElse(column == null ? SplitSpec.DEFAULT_TEST : 0.0);
        double validation = split.number("validation").orElse(0.0);
        long seed = split.whole("seed").orElse(SplitSpec.DEFAULT_SEED);
        int limit = split.integer("limit").orElse(0);
        // one column, or a list for joint strata
        List<String> stratify = split.value("stratify").map(v -> v instanceof org.yaml.snakeyaml.nodes.ScalarNode
                ? split.text("stratify").map(List::of) : split.texts("stratify")).flatMap(o -> o).orElse(List.of());
        return split.build(() -> new SplitSpec(test, validation, seed, column, limit, stratify));
    }

    private static Optional<UnseenCategory> unseen(YamlMap data, String text) {
        try {
            return Optional.of(UnseenCategory.parse(text));
        } catch (SpecException e) {
            data.values().problems().at(data.value("unseen").orElseThrow(), data.path("unseen"), e.reason());
            return Optional.empty();
        }
    }
}
