package dev.mtl4j.runtime.config;

import dev.mtl4j.runtime.config.SearchDimension.Kind;
import dev.mtl4j.runtime.suggest.FuzzyMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a pipeline file's {@code search:} section ({@link SearchSpec}); every problem is reported at
 * once, located like the rest of the file ({@code FILE:LINE:COLUMN: search.space.KEY: ...}). The rest
 * of the file is read by {@link PipelineYamlReader}, which leaves this section to {@code mtl tune}.
 */
public final class SearchReader {
    static final String SEARCH = "search";
    static final List<String> KEYS = List.of("method", "objective", "eta", "seed", "space");

    /** Reads the section, with the same {@code --set} overrides the pipeline is read with; empty when the file has none. */
    public Optional<SearchSpec> read(Path file, List<PipelineOverride> overrides, long defaultSeed) {
        Problems problems = new Problems(file.toString());
        YamlValues values = new YamlValues(problems);
        Optional<Node> root = SafeYaml.compose(PipelineYamlReader.text(file), problems);
        problems.throwIfAny();
        if (root.isEmpty() || !(root.get() instanceof MappingNode mapping)) {
            return Optional.empty(); // the pipeline reader says what is wrong with the file
        }
        if (!overrides.isEmpty()) {
            Overrides.apply(mapping, overrides, problems);
        }
        YamlMap top = YamlMap.at(mapping, "", values);
        if (top.value(SEARCH).isEmpty()) {
            return Optional.empty();
        }
        Optional<SearchSpec> spec = top.map(SEARCH).flatMap(search -> read(search, defaultSeed));
        problems.throwIfAny();
        return spec;
    }

    private static Optional<SearchSpec> read(YamlMap search, long defaultSeed) {
        YamlValues values = search.values();
        search.allowOnly(KEYS);
        SearchSpec.Method method = search.text("method").flatMap(m -> method(m, search)).orElse(SearchSpec.Method.RANDOM);
        String objective = search.text("objective").orElse(SearchSpec.MEAN);
        int eta = search.integer("eta").orElse(SearchSpec.DEFAULT_ETA);
        if (eta < 2) {
            values.problems().at(search.value("eta").orElseThrow(), "search.eta", "expected an integer >= 2, got " + eta);
        }
        long seed = search.whole("seed").orElse(defaultSeed);
        List<SearchDimension> space = search.required("space").flatMap(s -> YamlMap.of(s, "search.space", values))
                .map(SearchReader::space).orElse(List.of());
        if (!values.problems().isEmpty()) {
            return Optional.empty();
        }
        if (space.isEmpty()) {
            values.problems().at(search.value("space").orElseThrow(), "search.space", "expected at least one key to search, "
                    + "e.g. training.optimizer.lr: { logUniform: [1.0e-4, 1.0e-2] }");
            return Optional.empty();
        }
        return Optional.of(new SearchSpec(method, objective, eta, seed, space));
    }

    private static Optional<SearchSpec.Method> method(String name, YamlMap search) {
        try {
            return Optional.of(SearchSpec.Method.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            search.values().problems().at(search.value("method").orElseThrow(), "search.method",
                    "expected random or halving, got '" + name + "'");
            return Optional.empty();
        }
    }

    private static List<SearchDimension> space(YamlMap space) {
        List<SearchDimension> dimensions = new ArrayList<>();
        for (NodeTuple entry : ((MappingNode) space.node()).getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode key) {
                dimension(key.getValue(), entry.getValueNode(), space.values()).ifPresent(dimensions::add);
            }
        }
        return dimensions;
    }

    private static Optional<SearchDimension> dimension(String key, Node node, YamlValues values) {
        String path = "search.space." + key;
        String kinds = Arrays.stream(Kind.values()).map(Kind::yamlName).toList().toString();
        if (!(node instanceof MappingNode map) || map.getValue().size() != 1
                || !(map.getValue().get(0).getKeyNode() instanceof ScalarNode kindNode)) {
            values.problems().at(node, path, "expected one of " + kinds + " with its values, e.g. { uniform: [0.0, 0.5] } "
                    + "or { choice: [[64], [128, 64]] }");
            return Optional.empty();
        }
        Optional<Kind> kind = Arrays.stream(Kind.values()).filter(k -> k.yamlName().equals(kindNode.getValue())).findFirst();
        if (kind.isEmpty()) {
            values.problems().at(kindNode, path, FuzzyMatcher.unknownKey(kindNode.getValue(),
                    Arrays.stream(Kind.values()).map(Kind::yamlName).toList()));
            return Optional.empty();
        }
        Node argument = map.getValue().get(0).getValueNode();
        String at = path + "." + kind.get().yamlName();
        if (!(argument instanceof SequenceNode list) || list.getValue().isEmpty()) {
            values.problems().at(argument, at, kind.get() == Kind.CHOICE ? "expected a list of values to choose from"
                    : "expected [low, high]");
            return Optional.empty();
        }
        if (kind.get() == Kind.CHOICE) {
            return Optional.of(new SearchDimension(key, Kind.CHOICE, 0, 0, list.getValue().stream().map(YamlText::of).toList()));
        }
        if (list.getValue().size() != 2) {
            values.problems().at(argument, at, "expected [low, high], got " + list.getValue().size() + " values");
            return Optional.empty();
        }
        Optional<Double> low = kind.get() == Kind.INT ? values.whole(list.getValue().get(0), at).map(Long::doubleValue)
                : values.number(list.getValue().get(0), at);
        Optional<Double> high = kind.get() == Kind.INT ? values.whole(list.getValue().get(1), at).map(Long::doubleValue)
                : values.number(list.getValue().get(1), at);
        if (low.isEmpty() || high.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SearchDimension(key, kind.get(), low.get(), high.get(), List.of()));
        } catch (IllegalArgumentException e) {
            values.problems().at(argument, at, "expected " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Where a searched key is written, for a problem found when one of its values is read: {@code FILE:LINE:COLUMN}. */
    public static dev.mtl4j.api.Location placeOf(Path file, String key) {
        Problems problems = new Problems(file.toString());
        Optional<Node> root = SafeYaml.compose(PipelineYamlReader.text(file), problems);
        if (root.isPresent() && root.get() instanceof MappingNode mapping) {
            for (NodeTuple top : mapping.getValue()) {
                if (top.getKeyNode() instanceof ScalarNode name && name.getValue().equals(SEARCH)
                        && top.getValueNode() instanceof MappingNode search) {
                    for (NodeTuple entry : search.getValue()) {
                        if (entry.getKeyNode() instanceof ScalarNode s && s.getValue().equals("space")
                                && entry.getValueNode() instanceof MappingNode space) {
                            for (NodeTuple dimension : space.getValue()) {
                                if (dimension.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                                    return dev.mtl4j.api.Location.position(file.toString(), k.getStartMark().getLine() + 1,
                                            k.getStartMark().getColumn() + 1);
                                }
                            }
                        }
                    }
                }
            }
        }
        return dev.mtl4j.api.Location.file(file.toString());
    }
}
