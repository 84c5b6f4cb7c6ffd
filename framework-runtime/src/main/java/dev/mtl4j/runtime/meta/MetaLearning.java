package dev.mtl4j.runtime.meta;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spi.MetaLearner;
import dev.mtl4j.api.spi.MetaSettings;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.compile.GraphCompiler;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.model.ProvenanceRecorder;
import dev.mtl4j.runtime.model.TrainedModel;
import dev.mtl4j.runtime.plugin.ComponentResolver;
import dev.mtl4j.runtime.plugin.PipelineComponents;
import dev.mtl4j.runtime.plugin.PluginRegistry;
import dev.mtl4j.runtime.train.Trainer;
import dev.mtl4j.runtime.train.TrainingHistory;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Meta-training a pipeline over the tasks of its task column, then measuring on the held-out tasks
 * how well the learned start adapts from k rows after each asked step count; with baselines, the
 * same for the pretrained network (trained jointly on the training tasks) and for the network's
 * initial weights (from scratch).
 */
public final class MetaLearning {
    private final ComponentResolver resolver;
    private final PluginRegistry registry;

    public MetaLearning(ComponentResolver resolver, PluginRegistry registry) {
        this.resolver = resolver;
        this.registry = registry;
    }

    public MetaResult train(PipelineSpec pipeline, MetaLearner learner, Path baseDirectory, TrainingListener listener,
                            boolean baseline) {
        MetaSettings settings = learner.settings();
        PipelineComponents components = PipelineComponents.resolve(resolver, pipeline);
        MetaData data = MetaData.read(pipeline, settings, components, resolver, baseDirectory);
        PipelineSpec spec = data.spec();
        ComputationGraph learned = network(spec, components, data);
        TrainingHistory history = new MetaTrainer(listener).fit(learned, learner, spec.training(), data.train(),
                data.validation());
        TrainingResult metaLearned = result(spec, learned, history, data, settings);
        if (!baseline) {
            return new MetaResult(metaLearned, null, null);
        }
        ComputationGraph pretrained = network(spec, components, data);
        TrainingHistory joint = new Trainer(TrainingListener.SILENT).fit(pretrained, spec.training(), spec.tasks(),
                data.preprocessor(), stacked(data.train()), stacked(data.validation()));
        ComputationGraph scratch = network(spec, components, data);
        return new MetaResult(metaLearned, result(spec, pretrained, joint, data, settings),
                result(spec, scratch, new TrainingHistory(List.of(), 0, false), data, settings));
    }

    /** The pipeline's network at its seeded initial weights: the same start for all three. */
    private static ComputationGraph network(PipelineSpec spec, PipelineComponents components, MetaData data) {
        Map<String, TargetInfo> targets = new LinkedHashMap<>();
        spec.tasks().forEach(t -> targets.put(t.name(), data.preprocessor().targetInfo(t.name())));
        return new GraphCompiler().compile(spec, data.preprocessor().featureInput(),
                components.encoderOver(data.preprocessor().features().text()), components.sharing(), components.heads(),
                targets).graph();
    }

    private TrainingResult result(PipelineSpec spec, ComputationGraph graph, TrainingHistory history, MetaData data,
                                  MetaSettings settings) {
        Map<String, Map<String, Map<String, Double>>> metrics = new LinkedHashMap<>();
        measure(metrics, "validation", graph, data.validation(), data, settings);
        measure(metrics, "test", graph, data.test(), data, settings);
        TrainedModel model = new TrainedModel(spec, graph, data.preprocessor(),
                ProvenanceRecorder.record(registry, spec.training().seed(), data.files()));
        return new TrainingResult(model, history, metrics);
    }

    private static void measure(Map<String, Map<String, Map<String, Double>>> metrics, String heldOut, ComputationGraph graph,
                                List<TaskRows> tasks, MetaData data, MetaSettings settings) {
        if (tasks.isEmpty()) {
            return;
        }
        InnerLoop inner = new InnerLoop(graph.getConfiguration(), settings.innerLearningRate());
        List<Integer> counts = List.copyOf(new TreeSet<>(settings.evaluateAfter()));
        new Adaptation(inner, data.spec().tasks(), data.preprocessor())
                .mean(graph.params(), MetaTrainer.Episode.fixed(tasks, settings.support(), data.spec().training().seed()), counts)
                .forEach((steps, byTask) -> metrics.put(MetaResult.split(heldOut, steps), byTask));
    }

    private static EncodedData stacked(List<TaskRows> tasks) {
        return EncodedRows.stack(tasks.stream().map(TaskRows::rows).toList());
    }
}
