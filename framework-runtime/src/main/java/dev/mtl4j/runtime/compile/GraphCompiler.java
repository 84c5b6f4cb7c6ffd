package dev.mtl4j.runtime.compile;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.SharedLayout;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.HeadContext;
import dev.mtl4j.api.spi.SharingStrategy;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.runtime.embed.FeatureInput;
import dev.mtl4j.runtime.embed.TabularEmbeddingLayer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * PipelineSpec to DL4J ComputationGraph: the sharing strategy lays out the encoder(s) on the input,
 * then each task's head attaches where the strategy says with its own, unweighted loss (the trainer
 * applies the task weights).
 */
public final class GraphCompiler {
    /** The scope of every task's head: its vertices are named {@code task/NAME/...}. */
    static final String TASK_SCOPE = "task";
    public static final String INPUT = "input";
    /** The scope of the columns' embeddings, when some are embedded: {@code embeddings/columns}. */
    public static final String EMBEDDINGS = "embeddings";
    /** The columns' embedding layer's vertex name, when the network has one. */
    public static final String EMBEDDING_LAYER = EMBEDDINGS + "/columns";

    /**
     * @param spec the pipeline
     * @param input the encoded features' width and the columns to embed
     * @param encoder the configured encoder
     * @param sharing the configured sharing strategy
     * @param heads each task's configured head, by task name
     * @param targets each task's label description, by task name
     */
    public CompiledNetwork compile(PipelineSpec spec, FeatureInput input, Encoder encoder, SharingStrategy sharing,
                                   Map<String, Head> heads, Map<String, TargetInfo> targets) {
        return configure(spec, input, encoder, sharing, heads, targets).build();
    }

    /** The network's configuration, not yet built, for callers that adjust it first. */
    public NetworkBlueprint configure(PipelineSpec spec, FeatureInput input, Encoder encoder, SharingStrategy sharing,
                                      Map<String, Head> heads, Map<String, TargetInfo> targets) {
        return configure(spec, input, encoder, sharing, heads, targets, null);
    }

    /**
     * As {@link #configure(PipelineSpec, FeatureInput, Encoder, SharingStrategy, Map, Map)}, with a training
     * device added after the heads under the scope {@code device}; its output is the network's last.
     *
     * @param device the device, or null for none
     */
    public NetworkBlueprint configure(PipelineSpec spec, FeatureInput input, Encoder encoder, SharingStrategy sharing,
                                      Map<String, Head> heads, Map<String, TargetInfo> targets, TrainingDevice device) {
        GraphBuilder builder = graphBuilder(spec.training(), input.width());
        List<String> claimed = new ArrayList<>();
        ScopedGraph root = new ScopedGraph(builder, "", new HashSet<>(Set.of(INPUT)), claimed, spec.training().seed());
        DepthRecorder recorder = new DepthRecorder(encoder, claimed);
        List<String> taskNames = spec.tasks().stream().map(TaskSpec::name).toList();
        String read = INPUT;
        int readWidth = input.width();
        if (input.embeddings().isPresent()) {
            // below every sharing strategy's layers, so that any encoder reads the embedded columns
            TabularEmbeddingLayer embeddings = new TabularEmbeddingLayer(input.embeddings().get());
            read = root.child(EMBEDDINGS).addLayer("columns", embeddings, INPUT);
            readWidth = (int) embeddings.getNOut();
        }
        SharedLayout layout;
        try {
            layout = sharing.layout(root.child("shared"), read, readWidth, recorder, taskNames);
        } catch (SpecException e) {
            // The strategy's own check against the encoder and tasks (an impossible depth, say).
            throw new MtlException(ErrorCategory.CONFIG_INVALID, e.problem().under("sharing"));
        }
        List<String> outputs = addHeads(spec, root, layout, heads, targets);
        if (device != null) {
            outputs.add(device.build(root.child(TrainingDevice.SCOPE), layout));
        }
        root.requireInputsExist();
        builder.setOutputs(outputs.toArray(String[]::new));
        return new NetworkBlueprint(built(builder, spec.training()), outputs, recorder.names(), recorder.depths(), layout);
    }

    /**
     * The heads alone, reading a precomputed shared representation of width {@code featureWidth}
     * as their input. Vertex names equal those of the full network, so parameters copy across.
     */
    public NetworkBlueprint configureHeads(PipelineSpec spec, int featureWidth, Map<String, Head> heads,
                                           Map<String, TargetInfo> targets) {
        GraphBuilder builder = graphBuilder(spec.training(), featureWidth);
        GraphScope root = new ScopedGraph(builder, "", new HashSet<>(Set.of(INPUT)), new ArrayList<>(), spec.training().seed());
        Map<String, SharedLayout.Attachment> attachments = new LinkedHashMap<>();
        spec.tasks().forEach(t -> attachments.put(t.name(), new SharedLayout.Attachment(INPUT, featureWidth)));
        SharedLayout layout = new SharedLayout(attachments);
        List<String> outputs = addHeads(spec, root, layout, heads, targets);
        builder.setOutputs(outputs.toArray(String[]::new));
        return new NetworkBlueprint(built(builder, spec.training()), outputs, List.of(), List.of(), layout);
    }

    private static ComputationGraphConfiguration built(GraphBuilder builder, TrainingSpec training) {
        ComputationGraphConfiguration configuration = builder.build();
        WeightInitChoice.apply(configuration, training.init());
        return configuration;
    }

    private static GraphBuilder graphBuilder(TrainingSpec training, int inputWidth) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(training.seed())
                .dataType(DataType.FLOAT)
                .updater(Optimizers.updater(training.optimizer()))
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
        if (training.optimizer().weightDecay() > 0) {
            base.weightDecay(training.optimizer().weightDecay());
        }
        return base.graphBuilder().addInputs(INPUT).setInputTypes(InputType.feedForward(inputWidth));
    }

    private static List<String> addHeads(PipelineSpec spec, GraphScope root, SharedLayout layout, Map<String, Head> heads,
                                         Map<String, TargetInfo> targets) {
        List<String> outputs = new ArrayList<>();
        for (TaskSpec task : spec.tasks()) {
            SharedLayout.Attachment at = layout.of(task.name());
            HeadContext context = new HeadContext(targets.get(task.name()), Optimizers.updater(spec.training().optimizer()));
            try {
                outputs.add(heads.get(task.name()).build(root.child(TASK_SCOPE).child(task.name()), at.vertex(), at.size(), context));
            } catch (SpecException e) {
                throw new MtlException(ErrorCategory.CONFIG_INVALID, e.problem().under("tasks." + task.name() + ".head"));
            }
        }
        return outputs;
    }
}
