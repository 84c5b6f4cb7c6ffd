package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.LayerStack;
import dev.mtl4j.api.graph.SharedLayout;
import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.SharingStrategy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;

/**
 * One encoder tower per task. With {@code penalty: l2} the runtime pulls corresponding parameters
 * together; with {@code crossStitch} a cross-stitch unit after every depth lets each tower read a
 * learned mix of all towers, and the next layer of each tower reads its own slice of that mix.
 */
final class SoftSharing implements SharingStrategy {
    private final SoftSharingConfig config;

    SoftSharing(SoftSharingConfig config) {
        this.config = config;
    }

    @Override
    public SharedLayout layout(GraphScope scope, String input, int inputSize, Encoder encoder, List<String> tasks) {
        List<GraphScope> towers = tasks.stream().map(task -> scope.child("tower_" + task)).toList();
        Map<String, SharedLayout.Attachment> attachments = new LinkedHashMap<>();
        if (config.crossStitch() && tasks.size() > 1) {
            List<LayerStack> stacks = towers.stream().map(t -> encoder.build(new ProbeScope(t), input, inputSize)).toList();
            Map<String, String> mixed = new HashMap<>();
            for (int depth = 0; depth < stacks.get(0).depth(); depth++) {
                addStitch(scope.child("stitch_" + (depth + 1)), stacks, depth, tasks, mixed);
            }
            for (int t = 0; t < tasks.size(); t++) {
                LayerStack built = encoder.build(new RewiringScope(towers.get(t), mixed), input, inputSize);
                if (!built.equals(stacks.get(t))) {
                    throw new IllegalStateException("the encoder built a different stack on a second build; cross-stitch "
                            + "needs an encoder whose layout depends on its configuration only");
                }
                attachments.put(tasks.get(t), new SharedLayout.Attachment(mixed.get(built.output()), built.outputSize()));
            }
        } else {
            for (int t = 0; t < tasks.size(); t++) {
                LayerStack built = encoder.build(towers.get(t), input, inputSize);
                attachments.put(tasks.get(t), new SharedLayout.Attachment(built.output(), built.outputSize()));
            }
        }
        List<SharedLayout.Tie> ties = config.penalty() == SoftSharingConfig.Penalty.L2 && tasks.size() > 1
                ? List.of(new SharedLayout.Tie(towers.stream().map(t -> t.name("x")).map(SoftSharing::scopeOf).toList(),
                        config.coefficient()))
                : List.of();
        return new SharedLayout(attachments, ties, List.of());
    }

    /**
     * Adds the cross-stitch unit of one depth and, per tower, the slice of its output that tower
     * reads; records in {@code mixed} which vertex replaces each tower's own output at that depth.
     */
    private static void addStitch(GraphScope stitch, List<LayerStack> stacks, int depth, List<String> tasks,
                                  Map<String, String> mixed) {
        int width = stacks.get(0).sizes().get(depth);
        String[] inputs = new String[stacks.size()];
        for (int t = 0; t < stacks.size(); t++) {
            inputs[t] = stacks.get(t).vertices().get(depth);
        }
        String towers = stitch.addVertex("towers", new MergeVertex(), inputs);
        String unit = stitch.addLayer("unit", new CrossStitchLayer(stacks.size(), width), towers);
        for (int t = 0; t < stacks.size(); t++) {
            String slice = stitch.addVertex(tasks.get(t), new SubsetVertex(t * width, (t + 1) * width - 1), unit);
            mixed.put(inputs[t], slice);
        }
    }

    /** {@code shared/tower_a} from {@code shared/tower_a/x}: a scope's own full name. */
    private static String scopeOf(String childName) {
        return childName.substring(0, childName.length() - 2);
    }
}
