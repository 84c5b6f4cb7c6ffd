package dev.mtl4j.runtime.config;

import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.api.spec.TargetDataSpec;
import dev.mtl4j.api.spec.TransferDataSpec;
import dev.mtl4j.api.spec.TransferSpec;
import dev.mtl4j.runtime.plugin.Family;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the two sections a transfer pipeline has of its own: {@code transfer:} (the source model,
 * the strategy and the kept tasks) and its {@code data:}, which gives only the rows (source and
 * split): the features and their encoding come from the source model.
 */
final class TransferReader {
    static final List<String> KEYS = Sections.TRANSFER.names();
    static final List<String> DATA_KEYS = Sections.TRANSFER_DATA.names();
    /** The keys of an ordinary pipeline's data that a transfer pipeline takes from its source model. */
    static final Map<String, String> REFUSED_DATA_KEYS = refused(
            DataReader.KEYS.stream().filter(key -> !DATA_KEYS.contains(key)).toList(),
            "a transfer pipeline takes its features from the source model");

    private final ComponentReader components;

    TransferReader(ComponentReader components) {
        this.components = components;
    }

    /** {@code transfer: { from: model.zip, strategy: { type: fine-tune }, keep: [A] }}. */
    Optional<TransferSpec> read(YamlMap transfer) {
        YamlValues values = transfer.values();
        transfer.allowOnly(KEYS);
        Optional<String> from = transfer.required("from").flatMap(v -> values.text(v, transfer.path("from")));
        Optional<ComponentSpec> strategy = transfer.required("strategy")
                .flatMap(node -> components.read(node, transfer.path("strategy"), Family.TRANSFER, values));
        List<String> keep = transfer.texts("keep").orElse(List.of());
        if (from.isEmpty() || strategy.isEmpty()) {
            return Optional.empty();
        }
        return transfer.build(() -> new TransferSpec(from.get(), strategy.get(), keep));
    }

    /** {@code data: { source: { type: csv, path: new.csv }, split: { test: 0.2, limit: 300 } }}. */
    Optional<TransferDataSpec> data(YamlMap data) {
        data.allowOnly(DATA_KEYS, REFUSED_DATA_KEYS);
        Optional<ComponentSpec> source = data.required("source")
                .flatMap(node -> components.read(node, data.path("source"), Family.DATASET, data.values()));
        SplitSpec split = data.map("split").flatMap(DataReader::split).orElse(SplitSpec.defaults());
        boolean targetGiven = data.value("target").isPresent();
        Optional<TargetDataSpec> target = data.map("target").flatMap(new DataReader(components)::target);
        if (source.isEmpty() || (targetGiven && target.isEmpty())) {
            return Optional.empty();
        }
        return data.build(() -> new TransferDataSpec(source.get(), split, target.orElse(null)));
    }

    /** Each key mapped to {@code "REASON; remove 'KEY'"}. */
    static Map<String, String> refused(List<String> keys, String reason) {
        Map<String, String> refused = new LinkedHashMap<>();
        keys.forEach(key -> refused.put(key, reason + "; remove '" + key + "'"));
        return refused;
    }
}
