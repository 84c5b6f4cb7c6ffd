package dev.mtl4j.runtime.transfer;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.graph.SharedLayout;
import dev.mtl4j.api.spec.DataSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TransferPipelineSpec;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.LayerSchedule;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.api.spi.TransferStrategy;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.compile.CompiledNetwork;
import dev.mtl4j.runtime.compile.GraphCompiler;
import dev.mtl4j.runtime.compile.NetworkBlueprint;
import dev.mtl4j.runtime.data.DataPath;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.PreparedData;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.eval.DecisionThresholds;
import dev.mtl4j.runtime.eval.SplitMetrics;
import dev.mtl4j.runtime.meta.MetaAdaptation;
import dev.mtl4j.api.spi.MetaSettings;
import dev.mtl4j.runtime.model.ModelFile;
import dev.mtl4j.runtime.model.ProvenanceRecorder;
import dev.mtl4j.runtime.model.TrainedModel;
import dev.mtl4j.runtime.plugin.ComponentResolver;
import dev.mtl4j.runtime.plugin.Family;
import dev.mtl4j.runtime.plugin.PipelineComponents;
import dev.mtl4j.runtime.plugin.PluginRegistry;
import dev.mtl4j.runtime.train.Trainer;
import dev.mtl4j.runtime.train.WeightingRules;
import dev.mtl4j.runtime.train.TrainingHistory;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries a trained model over to new tasks: the source's encoder (parameters, sharing and feature
 * encoding) with new heads, trained as the transfer strategy schedules each encoder depth.
 */
public final class TransferRunner {
    private final ComponentResolver resolver;
    private final PluginRegistry registry;
    private final ModelFile models;

    public TransferRunner(ComponentResolver resolver, PluginRegistry registry, ModelFile models) {
        this.resolver = resolver;
        this.registry = registry;
        this.models = models;
    }

    /**
     * @param baseDirectory where the source model and data paths are resolved (the pipeline file's folder)
     * @param baseline whether to train the same tasks from scratch too, with the same budget
     */
    public TransferResult run(TransferPipelineSpec transfer, Path baseDirectory, TrainingListener listener, boolean baseline) {
        Path sourceFile = baseDirectory.resolve(transfer.transfer().from()).normalize();
        TrainedModel source;
        try {
            source = models.load(sourceFile);
        } catch (MtlException e) {
            // The model file's own problem, told at the key that names it.
            throw new MtlException(e.category(), e.problems().stream()
                    .map(p -> Problem.keyed("transfer.from", p.render())).toList(), e);
        }
        TransferStrategy strategy = Strategies.inTransfer(resolver, transfer.transfer().strategy(), source.spec().strategy());
        Strategies.requireTargetFits(strategy, transfer.transfer().strategy(), transfer.data().target(), "data.target");
        Set<String> kept = new HashSet<>(transfer.transfer().keep());
        PipelineSpec spec = effectiveSpec(transfer, source.spec());

        PipelineComponents components = PipelineComponents.resolve(resolver, spec);
        DataContext context = new DataContext(baseDirectory);
        PreparedData data = new DataPath((component, key) -> resolver.dataset(component, key, context))
                .extend(source.preprocessor(), spec, kept, components.targetRequests());
        Preprocessor preprocessor = data.preprocessor();
        Map<String, TargetInfo> targets = new LinkedHashMap<>();
        spec.tasks().forEach(t -> targets.put(t.name(), preprocessor.targetInfo(t.name())));
        EncodedData train = data.train();
        EncodedData validation = data.validation();
        EncodedData test = data.test();
        DecisionThresholds.requireValidationRows(preprocessor, spec.tasks(), validation);

        GraphCompiler compiler = new GraphCompiler();
        SourceStart start = new SourceStart(strategy, source.graph(), spec, kept);
        if (strategy.metaLearner() != null) {
            refuseThresholdChoice(spec, preprocessor);
            return adapted(strategy.metaLearner().settings(), spec, compiler, components, start, preprocessor, targets,
                    train, validation, test, sourceFile, data.files(), baseline);
        }
        if (strategy.domainAlignment() != null) {
            List<Path> inputs = new ArrayList<>(data.files());
            inputs.add(sourceFile);
            TargetRows target = TargetRows.read(transfer.data().target(), "data.target", spec, preprocessor, resolver,
                    baseDirectory);
            return new DomainAdaptation(registry).run(new DomainAdaptation.Setup(spec, components, preprocessor, targets,
                    train, validation, test, target, start, inputs), strategy.domainAlignment(), listener, baseline);
        }
        NetworkBlueprint blueprint = compiler.configure(spec, preprocessor.featureInput(),
                components.encoderOver(preprocessor.features().text()),
                components.sharing(), components.heads(), targets);
        start.adjust(blueprint);
        CompiledNetwork network = blueprint.build();
        start.copyInto(blueprint, network.graph());
        List<String> keptHeads = start.keptHeadLayers(blueprint);

        TrainingHistory history;
        Trainer trainer = WeightingRules.trainer(resolver, spec, listener);
        if (strategy.precomputesFeatures()) {
            SharedLayout.Attachment shared = singleAttachment(blueprint.layout(), spec);
            CompiledNetwork headsOnly = compiler.configureHeads(spec, shared.size(), components.heads(), targets).build();
            ParameterCopier.copy(source.graph(), headsOnly.graph(), keptHeads);
            history = trainer.fit(headsOnly.graph(), spec.training(), spec.tasks(), preprocessor,
                    FrozenFeatures.of(network.graph(), shared.vertex(), train),
                    FrozenFeatures.of(network.graph(), shared.vertex(), validation));
            ParameterCopier.copy(headsOnly.graph(), network.graph(), headLayers(network, spec));
        } else {
            history = trainer.fit(network.graph(), spec.training(), spec.tasks(), preprocessor, train, validation);
        }
        List<Path> inputs = new ArrayList<>(data.files());
        inputs.add(sourceFile);
        Preprocessor decided = DecisionThresholds.chosen(network.graph(), spec.tasks(), preprocessor, validation);
        TrainedModel model = new TrainedModel(spec, network.graph(), decided,
                ProvenanceRecorder.record(registry, spec.training().seed(), inputs), WeightingRules.saved(spec, history));
        TrainingResult transferred = new TrainingResult(model, history,
                SplitMetrics.measure(network.graph(), spec.tasks(), decided, train, validation, test));
        TrainingResult scratch = !baseline ? null
                : fromScratch(compiler, spec, preprocessor, components, targets, data);
        return new TransferResult(transferred, scratch, test, validation);
    }

    /**
     * A meta-learning strategy's transfer: the source adapted to the new task's training rows by the
     * inner loop; with {@code baseline}, the same inner loop from the network's initial weights.
     */
    private TransferResult adapted(MetaSettings settings, PipelineSpec spec, GraphCompiler compiler,
                                   PipelineComponents components, SourceStart start, Preprocessor preprocessor,
                                   Map<String, TargetInfo> targets, EncodedData train, EncodedData validation,
                                   EncodedData test, Path sourceFile, List<Path> dataFiles, boolean baseline) {
        List<Path> inputs = new ArrayList<>(dataFiles);
        inputs.add(sourceFile);
        TrainingResult fromSource = null;
        TrainingResult fromScratch = null;
        for (boolean scratch : baseline ? new boolean[] {false, true} : new boolean[] {false}) {
            NetworkBlueprint blueprint = compiler.configure(spec, preprocessor.featureInput(),
                    components.encoderOver(preprocessor.features().text()), components.sharing(), components.heads(), targets);
            CompiledNetwork network = blueprint.build();
            if (!scratch) {
                start.copyInto(blueprint, network.graph());
            }
            TrainingResult result = MetaAdaptation.adapt(spec, network.graph(), settings, preprocessor, train, validation, test,
                    ProvenanceRecorder.record(registry, spec.training().seed(), scratch ? dataFiles : inputs));
            if (scratch) {
                fromScratch = result;
            } else {
                fromSource = result;
            }
        }
        return new TransferResult(fromSource, fromScratch);
    }

    /** The source's data encoding and encoder, the kept source tasks followed by the new ones. */
    private static PipelineSpec effectiveSpec(TransferPipelineSpec transfer, PipelineSpec source) {
        List<TaskSpec> tasks = new ArrayList<>();
        for (String name : transfer.transfer().keep()) {
            TaskSpec keptTask = source.task(name).orElseThrow(() -> new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("transfer.keep",
                    "the source model has no task '" + name + "'; its tasks are "
                    + source.tasks().stream().map(TaskSpec::name).toList())));
            // A kept task reads the transfer's data, even if it brought its own data set to the source.
            tasks.add(new TaskSpec(keptTask.name(), keptTask.head(), keptTask.weight(), keptTask.labels()));
        }
        tasks.addAll(transfer.tasks());
        DataSpec data = new DataSpec(transfer.data().source(), source.data().features(), source.data().drop(),
                transfer.data().split(), source.data().unseen());
        return new PipelineSpec(transfer.name(), data, source.encoder(), source.sharing(), tasks, transfer.training());
    }

    private static List<String> headLayers(CompiledNetwork network, PipelineSpec spec) {
        List<String> layers = new ArrayList<>();
        for (String vertex : network.graph().getConfiguration().getVertices().keySet()) {
            if (spec.tasks().stream().anyMatch(t -> vertex.startsWith("task/" + t.name() + "/"))) {
                layers.add(vertex);
            }
        }
        return layers;
    }

    private static SharedLayout.Attachment singleAttachment(SharedLayout layout, PipelineSpec spec) {
        Set<String> vertices = new HashSet<>();
        layout.attachments().values().forEach(a -> vertices.add(a.vertex()));
        if (vertices.size() != 1) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("transfer.strategy", "feature extraction needs every task to read"
                    + " one shared representation; sharing '" + spec.sharing().type() + "' attaches tasks at " + vertices.size()
                    + " places; use fine-tune with every layer frozen instead"));
        }
        return layout.attachments().values().iterator().next();
    }

    private TrainingResult fromScratch(GraphCompiler compiler, PipelineSpec spec, Preprocessor preprocessor,
                                       PipelineComponents components, Map<String, TargetInfo> targets,
                                       PreparedData data) {
        EncodedData train = data.train();
        EncodedData validation = data.validation();
        EncodedData test = data.test();
        CompiledNetwork network = compiler.compile(spec, preprocessor.featureInput(),
                components.encoderOver(preprocessor.features().text()), components.sharing(),
                components.heads(), targets);
        TrainingHistory history = WeightingRules.trainer(resolver, spec, TrainingListener.SILENT)
                .fit(network.graph(), spec.training(), spec.tasks(), preprocessor, train, validation);
        Preprocessor decided = DecisionThresholds.chosen(network.graph(), spec.tasks(), preprocessor, validation);
        TrainedModel model = new TrainedModel(spec, network.graph(), decided,
                ProvenanceRecorder.record(registry, spec.training().seed(), data.files()));
        return new TrainingResult(model, history,
                SplitMetrics.measure(network.graph(), spec.tasks(), decided, train, validation, test));
    }

    /** Meta-learning adapts with its own loop and keeps 0.5: a threshold chosen on validation rows is not applied there. */
    private static void refuseThresholdChoice(PipelineSpec spec, Preprocessor preprocessor) {
        for (var task : spec.tasks()) {
            if (preprocessor.target(task.name()).thresholdChoice() != null) {
                throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("tasks." + task.name()
                        + ".head.chooseThreshold", "is not applied by a meta-learning strategy (transfer.strategy); remove it"));
            }
        }
    }
}
