package dev.mtl4j.runtime.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Applies {@code --set} overrides to a pipeline file's node tree before it is read. A key part is
 * matched against the map's existing keys first, longest first, so that a task named with dots
 * ({@code tasks.MARITAL.STATUS.weight}) is found; a part the file lacks is added (as a new map on the
 * way to the key). Every node an override brings is registered with {@link Problems}, which places
 * its problems at the file and the argument.
 */
final class Overrides {
    private Overrides() {
    }

    static void apply(MappingNode root, List<PipelineOverride> overrides, Problems problems) {
        for (PipelineOverride override : overrides) {
            String place = override.place(problems.file());
            Problems own = new Problems(place);
            Optional<Node> value = SafeYaml.compose(override.value(), own);
            own.throwIfAny(); // a value that is not YAML: nothing more can be said about it
            problems.overridden(value.orElseThrow(), place);
            set(root, override.key(), "", value.get(), place, problems);
        }
    }

    private static void set(MappingNode map, String rest, String path, Node value, String place,
                            Problems problems) {
        List<NodeTuple> entries = map.getValue();
        int found = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).getKeyNode() instanceof ScalarNode key
                    && (rest.equals(key.getValue()) || rest.startsWith(key.getValue() + "."))
                    && (found < 0 || key.getValue().length() > name(entries.get(found)).length())) {
                found = i;
            }
        }
        String part = found >= 0 ? name(entries.get(found)) : rest.split("\\.", 2)[0];
        String key = path.isEmpty() ? part : path + "." + part;
        boolean last = rest.equals(part);
        if (last) {
            NodeTuple entry = new NodeTuple(found >= 0 ? entries.get(found).getKeyNode() : keyNode(part, place, problems), value);
            if (found >= 0) {
                entries.set(found, entry);
            } else {
                entries.add(entry);
            }
            return;
        }
        String inner = rest.substring(part.length() + 1);
        if (found < 0) {
            MappingNode created = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.FLOW);
            problems.overridden(created, place);
            entries.add(new NodeTuple(keyNode(part, place, problems), created));
            set(created, inner, key, value, place, problems);
        } else if (entries.get(found).getValueNode() instanceof MappingNode child) {
            set(child, inner, key, value, place, problems);
        } else {
            problems.at(value, key + "." + inner, "cannot set a key inside '" + key + "', whose value is not a map");
        }
    }

    private static String name(NodeTuple entry) {
        return ((ScalarNode) entry.getKeyNode()).getValue();
    }

    private static ScalarNode keyNode(String name, String place, Problems problems) {
        ScalarNode key = new ScalarNode(Tag.STR, name, null, null, DumperOptions.ScalarStyle.PLAIN);
        problems.overridden(key, place);
        return key;
    }
}
