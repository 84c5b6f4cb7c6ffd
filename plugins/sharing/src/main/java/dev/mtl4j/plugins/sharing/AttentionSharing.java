package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.LayerStack;
import dev.mtl4j.api.graph.SharedLayout;
import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.SharingStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

/**
 * Task-specific attention over shared representations. {@code mmoe} and {@code cgc} build experts
 * (instances of the configured encoder) and give each task a softmax gate, computed from the input,
 * over the experts it may read; the task reads the gated mixture. {@code mtan} builds one shared
 * encoder and gives each task a sigmoid mask per layer, computed from that layer's output and the
 * task's masked output one layer down; the task reads its masked top layer.
 */
final class AttentionSharing implements SharingStrategy {
    private final AttentionSharingConfig config;

    AttentionSharing(AttentionSharingConfig config) {
        this.config = config;
    }

    @Override
    public SharedLayout layout(GraphScope scope, String input, int inputSize, Encoder encoder, List<String> tasks) {
        return switch (config.kind()) {
            case MMOE -> experts(scope, input, inputSize, encoder, tasks, 0);
            case CGC -> experts(scope, input, inputSize, encoder, tasks, config.taskExperts());
            case MTAN -> masks(scope, input, inputSize, encoder, tasks);
        };
    }

    private SharedLayout experts(GraphScope scope, String input, int inputSize, Encoder encoder, List<String> tasks,
                                 int perTask) {
        List<String> sharedNames = new ArrayList<>();
        List<LayerStack> shared = new ArrayList<>();
        for (int e = 0; e < config.experts(); e++) {
            sharedNames.add("expert_" + e);
            shared.add(encoder.build(scope.child("expert_" + e), input, inputSize));
        }
        Map<String, SharedLayout.Attachment> attachments = new LinkedHashMap<>();
        List<SharedLayout.Gate> gates = new ArrayList<>();
        for (String task : tasks) {
            List<String> names = new ArrayList<>(sharedNames);
            List<LayerStack> read = new ArrayList<>(shared);
            for (int e = 0; e < perTask; e++) {
                names.add(task + "_expert_" + e);
                read.add(encoder.build(scope.child("task_expert_" + task + "_" + e), input, inputSize));
            }
            String gate = scope.child("gate").addLayer(task, new DenseLayer.Builder()
                    .nIn(inputSize).nOut(read.size())
                    .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER)
                    .build(), input);
            String[] inputs = new String[read.size() + 1];
            inputs[0] = gate;
            for (int e = 0; e < read.size(); e++) {
                inputs[e + 1] = read.get(e).output();
            }
            GraphScope mix = scope.child("mixture_" + task);
            String joined = mix.addVertex("inputs", new MergeVertex(), inputs);
            String mixture = mix.addLayer("mixture", new MixtureLayer(read.size(), read.get(0).outputSize()), joined);
            attachments.put(task, new SharedLayout.Attachment(mixture, read.get(0).outputSize()));
            gates.add(new SharedLayout.Gate(task, gate, names));
        }
        return new SharedLayout(attachments, List.of(), gates);
    }

    private static SharedLayout masks(GraphScope scope, String input, int inputSize, Encoder encoder, List<String> tasks) {
        LayerStack stack = encoder.build(scope.child("encoder"), input, inputSize);
        Map<String, SharedLayout.Attachment> attachments = new LinkedHashMap<>();
        for (String task : tasks) {
            GraphScope attention = scope.child("attention_" + task);
            String previous = null;
            int previousWidth = 0;
            for (int depth = 0; depth < stack.depth(); depth++) {
                String features = stack.vertices().get(depth);
                int width = stack.sizes().get(depth);
                String reads = features;
                int readWidth = width;
                if (previous != null) {
                    reads = attention.addVertex("context_" + (depth + 1), new MergeVertex(), features, previous);
                    readWidth = width + previousWidth;
                }
                String mask = attention.addLayer("mask_" + (depth + 1), new DenseLayer.Builder()
                        .nIn(readWidth).nOut(width)
                        .activation(Activation.SIGMOID).weightInit(WeightInit.XAVIER)
                        .build(), reads);
                previous = attention.addVertex("masked_" + (depth + 1), new ElementWiseVertex(ElementWiseVertex.Op.Product),
                        mask, features);
                previousWidth = width;
            }
            attachments.put(task, new SharedLayout.Attachment(previous, previousWidth));
        }
        return new SharedLayout(attachments);
    }
}
