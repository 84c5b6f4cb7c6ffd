package dev.mtl4j.runtime;

import com.google.inject.Guice;
import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Location;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.graph.SharedLayout;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.FeatureSpec;
import dev.mtl4j.api.spec.FeatureType;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spi.TaskSampler;
import dev.mtl4j.api.spec.TransferPipelineSpec;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.api.spi.TextProgress;
import dev.mtl4j.runtime.compile.CompiledNetwork;
import dev.mtl4j.runtime.compile.GraphCompiler;
import dev.mtl4j.runtime.config.PipelineYamlReader;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.FeatureEncoder;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.data.DataPath;
import dev.mtl4j.runtime.data.PreparedData;
import dev.mtl4j.runtime.data.Splitter;
import dev.mtl4j.runtime.eval.DecisionThresholds;
import dev.mtl4j.runtime.eval.Evaluator;
import dev.mtl4j.runtime.eval.GateWeights;
import dev.mtl4j.runtime.eval.Predictor;
import dev.mtl4j.runtime.eval.SplitMetrics;
import dev.mtl4j.runtime.model.CheckpointFile;
import dev.mtl4j.runtime.model.ModelFile;
import dev.mtl4j.runtime.model.ProvenanceRecorder;
import dev.mtl4j.runtime.model.TrainedModel;
import dev.mtl4j.runtime.plugin.ComponentResolver;
import dev.mtl4j.runtime.plugin.Family;
import dev.mtl4j.runtime.plugin.PipelineComponents;
import dev.mtl4j.runtime.plugin.PluginModule;
import dev.mtl4j.runtime.plugin.PluginRegistry;
import dev.mtl4j.runtime.train.Checkpointing;
import dev.mtl4j.runtime.train.StepKind;
import dev.mtl4j.runtime.train.DataSetRows;
import dev.mtl4j.runtime.train.Trainer;
import dev.mtl4j.api.spi.TransferStrategy;
import dev.mtl4j.runtime.meta.MetaLearning;
import dev.mtl4j.runtime.meta.MetaResult;
import dev.mtl4j.runtime.transfer.DomainAdaptation;
import dev.mtl4j.runtime.transfer.NetworkStart;
import dev.mtl4j.runtime.transfer.Strategies;
import dev.mtl4j.runtime.transfer.TargetRows;
import dev.mtl4j.runtime.train.WeightingRules;
import dev.mtl4j.runtime.transfer.TransferResult;
import dev.mtl4j.runtime.transfer.TransferRunner;
import dev.mtl4j.runtime.train.TrainingHistory;
import dev.mtl4j.runtime.train.TrainingListener;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runtime's front door: load a pipeline, train it, evaluate, predict, save and load models.
 * {@link #create()} wires it with Guice over every plugin on the class path.
 */
public final class MtlRuntime {
    private final PluginRegistry registry;
    private final ComponentResolver resolver;

    @Inject
    public MtlRuntime(PluginRegistry registry, ComponentResolver resolver) {
        this.registry = registry;
        this.resolver = resolver;
    }

    /** A runtime over the plugins the context class loader sees. */
    public static MtlRuntime create() {
        return create(Thread.currentThread().getContextClassLoader());
    }

    public static MtlRuntime create(ClassLoader loader) {
        BlasKernel.apply(); // before plugin discovery, in case a plugin's class touches ND4J
        return create(PluginRegistry.discover(loader));
    }

    /** A runtime over exactly these plugins ({@link PluginRegistry#of}), none discovered. */
    public static MtlRuntime create(PluginRegistry registry) {
        NativeDefaults.apply();
        return Guice.createInjector(new PluginModule(registry)).getInstance(MtlRuntime.class);
    }

    public PluginRegistry registry() {
        return registry;
    }

    /** Configures components from specs (for programs that use one component on its own, e.g. a benchmark). */
    public ComponentResolver resolver() {
        return resolver;
    }

    /** Reads and validates a YAML pipeline file (every problem reported at once). */
    public PipelineSpec loadPipeline(Path file) {
        return new PipelineYamlReader(registry).read(file);
    }

    /** Reads a YAML pipeline file with {@code --set} overrides applied, checked like the file itself. */
    public PipelineSpec loadPipeline(Path file, java.util.List<dev.mtl4j.runtime.config.PipelineOverride> overrides) {
        return new PipelineYamlReader(registry).read(file, overrides);
    }

    /** Trains a pipeline whose relative data paths are resolved against the working directory. */
    public TrainingResult train(PipelineSpec spec) {
        return train(spec, Path.of("").toAbsolutePath(), TrainingListener.SILENT);
    }

    /**
     * Trains a pipeline.
     *
     * @param baseDirectory where relative data paths are resolved (the pipeline file's folder)
     */
    public TrainingResult train(PipelineSpec spec, Path baseDirectory, TrainingListener listener) {
        if (spec.strategy() != null && strategy(spec).metaLearner() != null) {
            return metaTrain(spec, baseDirectory, listener, false).metaLearned();
        }
        if (spec.strategy() != null) {
            return train(spec, baseDirectory, listener, false).transferred();
        }
        return train(prepare(spec, baseDirectory), listener);
    }

    /**
     * Trains a pipeline that names a strategy ({@code strategy:}): domain adaptation on its rows and
     * its target rows ({@code data.target}); with {@code baseline}, also the same network trained on
     * the source rows alone with the same budget (source-only), for comparison.
     *
     * @throws dev.mtl4j.api.MtlException CONFIG_INVALID when the strategy does not fit the pipeline
     */
    public TransferResult train(PipelineSpec spec, Path baseDirectory, TrainingListener listener, boolean baseline) {
        if (spec.strategy() == null) {
            throw new IllegalArgumentException("pipeline '" + spec.name() + "' names no strategy");
        }
        TransferStrategy strategy = strategy(spec);
        if (strategy.metaLearner() != null) {
            throw new IllegalArgumentException("pipeline '" + spec.name() + "' meta-learns; train it with metaTrain(..)");
        }
        PreparedPipeline prepared = prepare(spec, baseDirectory);
        Map<String, TargetInfo> targets = new LinkedHashMap<>();
        spec.tasks().forEach(t -> targets.put(t.name(), prepared.preprocessor().targetInfo(t.name())));
        TargetRows target = TargetRows.read(spec.data().target(), "data.target", spec, prepared.preprocessor(), resolver,
                baseDirectory);
        DomainAdaptation.Setup setup = new DomainAdaptation.Setup(spec, PipelineComponents.resolve(resolver, spec),
                prepared.preprocessor(), targets, prepared.train(), prepared.validation(), prepared.test(), target,
                NetworkStart.FRESH, prepared.dataFiles());
        return new DomainAdaptation(registry).run(setup, strategy.domainAlignment(), listener, baseline);
    }

    /**
     * The strategy a pipeline names ({@code strategy:}), checked against the pipeline before any data is read.
     *
     * @throws dev.mtl4j.api.MtlException CONFIG_INVALID when it does not fit (see {@link Strategies#fromScratch})
     */
    public TransferStrategy strategy(PipelineSpec spec) {
        WeightingRules.resolve(resolver, spec); // a strategy trains with the tasks' own weights: no method beside it
        return Strategies.fromScratch(resolver, spec.strategy(), spec.data().target());
    }

    /**
     * Meta-trains a pipeline whose strategy is a meta-learner ({@code reptile}, {@code fomaml}) over the
     * tasks of its task column, and measures on the held-out tasks how it adapts from k rows; with
     * {@code baseline}, the pretrained network and the network from scratch measured the same way.
     */
    public MetaResult metaTrain(PipelineSpec spec, Path baseDirectory, TrainingListener listener, boolean baseline) {
        TransferStrategy strategy = strategy(spec);
        if (strategy.metaLearner() == null) {
            throw new IllegalArgumentException("pipeline '" + spec.name() + "' does not meta-learn");
        }
        return new MetaLearning(resolver, registry).train(spec, strategy.metaLearner(), baseDirectory, listener, baseline);
    }

    /**
     * Resolves the components, reads and encodes the data, and compiles the untrained network.
     * Configuration problems surface here, before any data is read.
     */
    public PreparedPipeline prepare(PipelineSpec spec, Path baseDirectory) {
        return prepare(spec, baseDirectory, TextProgress.NONE);
    }

    /**
     * As {@link #prepare(PipelineSpec, Path)}; a text encoder's long work (embedding texts with a
     * language model) reports to {@code progress}.
     */
    public PreparedPipeline prepare(PipelineSpec spec, Path baseDirectory, TextProgress progress) {
        if (spec.training().distributed() != null) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("training.distributed", "this trains on one"
                    + " machine; a distributed pipeline runs on Spark: spark-submit --class dev.mtl4j.spark.SparkTrain"
                    + " mtl4j-spark.jar PIPELINE.yaml (docs/spark.md), or remove training.distributed"));
        }
        PipelineComponents components = PipelineComponents.resolve(resolver, spec);
        if (spec.strategy() != null) {
            Strategies.fromScratch(resolver, spec.strategy(), spec.data().target()); // before any data is read
        }
        requireTextEncoderFits(spec, components);
        WeightingRules.resolve(resolver, spec); // a configuration problem, reported before any data is read
        if (spec.hasTaskData()) {
            sampler(spec); // a configuration problem, reported before any data is read
        }
        PreparedData data = dataPath(baseDirectory).fit(spec, components.targetRequests(), components.textEncoder(), progress);
        Preprocessor preprocessor = data.preprocessor();
        Map<String, TargetInfo> targets = new LinkedHashMap<>();
        spec.tasks().forEach(t -> targets.put(t.name(), preprocessor.targetInfo(t.name())));
        CompiledNetwork network = new GraphCompiler().compile(spec, preprocessor.featureInput(),
                components.encoderOver(preprocessor.features().text()),
                components.sharing(), components.heads(), targets);
        return new PreparedPipeline(spec, network, preprocessor, data.train(), data.validation(), data.test(),
                data.files(), data.dataSetSizes() == null ? null : new DataSetRows(data.train(), data.dataSetSizes()));
    }

    /** The data path with relative paths resolved against {@code baseDirectory}. */
    private DataPath dataPath(Path baseDirectory) {
        DataContext context = new DataContext(baseDirectory);
        return new DataPath((source, key) -> resolver.dataset(source, key, context));
    }

    /**
     * Text columns and a text encoder go together; checked from the spec, before any data is read
     * (a language model would otherwise run over every text first).
     */
    private static void requireTextEncoderFits(PipelineSpec spec, PipelineComponents components) {
        List<String> text = spec.data().features().stream()
                .filter(f -> f.type() == FeatureType.TEXT).map(FeatureSpec::pattern).toList();
        FeatureEncoder.requireTextEncoderFits(text, components.textEncoder());
    }

    /** Trains a prepared pipeline and measures every split. */
    public TrainingResult train(PreparedPipeline prepared, TrainingListener listener) {
        if (prepared.spec().training().checkpoint() != null) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("training.checkpoint", "needs a file to save "
                    + "checkpoints in: train with MtlRuntime.train(prepared, listener, CheckpointFile.of(...)), or mtl train"));
        }
        return train(prepared, listener, Checkpointing.NONE);
    }

    /**
     * Trains a prepared pipeline with checkpoints (see {@link CheckpointFile}), going on from one when
     * {@code checkpoints} says so, and measures every split.
     */
    public TrainingResult train(PreparedPipeline prepared, TrainingListener listener, Checkpointing checkpoints) {
        PipelineSpec spec = prepared.spec();
        if (spec.strategy() != null) {
            throw new IllegalArgumentException("pipeline '" + spec.name() + "' names a strategy; train it with "
                    + "train(spec, baseDirectory, listener, baseline)");
        }
        ComputationGraph graph = prepared.network().graph();
        Preprocessor preprocessor = prepared.preprocessor();
        DecisionThresholds.requireValidationRows(preprocessor, spec.tasks(), prepared.validation());
        Trainer trainer = WeightingRules.trainer(resolver, spec, listener, checkpoints);
        TrainingHistory history = prepared.dataSets() == null
                ? trainer.fit(graph, spec.training(), spec.tasks(), preprocessor, prepared.train(), prepared.validation())
                : trainer.fit(graph, spec.training(), spec.tasks(), preprocessor, prepared.dataSets(), sampler(spec),
                        prepared.validation());
        preprocessor = DecisionThresholds.chosen(graph, spec.tasks(), preprocessor, prepared.validation());
        Map<String, Map<String, Map<String, Double>>> metrics = SplitMetrics.measure(graph, spec.tasks(), preprocessor,
                prepared.train(), prepared.validation(), prepared.test());
        if (prepared.dataSets() != null) {
            metrics = SplitMetrics.withoutEmptySplits(metrics, spec.tasks(), prepared.train(), prepared.validation(),
                    prepared.test());
        }
        TrainedModel model = new TrainedModel(spec, graph, preprocessor,
                ProvenanceRecorder.record(registry, spec.training().seed(), prepared.dataFiles()),
                WeightingRules.saved(spec, history));
        return new TrainingResult(model, history, metrics);
    }

    private TaskSampler sampler(PipelineSpec spec) {
        ComponentSpec sampler = spec.training().sampler();
        return resolver.create(Family.SAMPLER, sampler == null ? ComponentSpec.of(TrainingSpec.DEFAULT_SAMPLER) : sampler, "training.sampler");
    }

    /**
     * Carries a trained model over to new tasks (see {@link TransferRunner}).
     *
     * @param baseDirectory where the source model and data paths are resolved (the pipeline file's folder)
     * @param baseline also train the same tasks from scratch with the same budget, for comparison
     */
    public TransferResult transfer(TransferPipelineSpec spec, Path baseDirectory, TrainingListener listener, boolean baseline) {
        if (spec.training() != null && spec.training().checkpoint() != null) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("training.checkpoint",
                    "transfer pipelines take no checkpoints yet (mtl train does); remove it"));
        }
        return new TransferRunner(resolver, registry, new ModelFile(registry)).run(spec, baseDirectory, listener, baseline);
    }

    /** Per-task metrics of a model on every row of a data file (read like the model's training data). */
    public Map<String, Map<String, Double>> evaluate(TrainedModel model, Path dataFile) {
        RawTable table = readOther(model, dataFile, "evaluate");
        EncodedData data = model.preprocessor().encode(table, Splitter.all(table));
        return Evaluator.evaluate(model.graph(), data, model.spec().tasks(), model.preprocessor());
    }

    /**
     * Per-task metrics on several files, file name to task to metric: each task is measured on every
     * row of each file that has its label columns; a model whose tasks brought their own data sets is
     * evaluated this way, one file per task. Tasks that no file has labels for are left out.
     *
     * @throws MtlException DATA_INVALID when a file has the labels of no task
     */
    public Map<String, Map<String, Map<String, Double>>> evaluate(TrainedModel model, List<Path> dataFiles) {
        Map<String, Map<String, Map<String, Double>>> byFile = new LinkedHashMap<>();
        List<TaskSpec> tasks = model.spec().tasks();
        for (Path file : dataFiles) {
            RawTable table = readOther(model, file, "evaluate");
            Set<String> present = new LinkedHashSet<>();
            tasks.stream().filter(t -> table.columns().containsAll(t.labels())).forEach(t -> present.add(t.name()));
            if (present.isEmpty()) {
                throw new MtlException(ErrorCategory.DATA_INVALID, Problem.at(Location.file(table.origin()),
                        "has the label columns of no task of the model (" + String.join(", ", tasks.stream()
                        .map(t -> t.name() + " reads " + t.labels()).toList()) + ")"));
            }
            EncodedData data = model.preprocessor().encode(table, Splitter.all(table), present);
            Map<String, Map<String, Double>> all = Evaluator.evaluate(model.graph(), data, tasks, model.preprocessor());
            Map<String, Map<String, Double>> kept = new LinkedHashMap<>();
            present.forEach(task -> kept.put(task, all.get(task)));
            byFile.put(file.getFileName().toString(), kept);
        }
        return byFile;
    }

    /** The model's predictions for every row of a data file; label columns are not needed. */
    public Predictions predict(TrainedModel model, Path dataFile) {
        RawTable table = readOther(model, dataFile, "predict");
        EncodedData data = model.preprocessor().encodeFeaturesOnly(table, Splitter.all(table));
        return Predictions.of(model, Predictor.outputs(model.graph(), data.features(), data.featureMask()));
    }

    /**
     * The mean gate weights of a model's experts over every row of a data file: which expert each
     * task leans on. Empty for a sharing strategy without gates (only {@code mmoe} and {@code cgc} have them).
     */
    public GateWeights gates(TrainedModel model, Path dataFile) {
        List<SharedLayout.Gate> gates = layout(model).gates();
        if (gates.isEmpty()) {
            return new GateWeights(Map.of());
        }
        RawTable table = readOther(model, dataFile, "weigh the gates on");
        EncodedData data = model.preprocessor().encodeFeaturesOnly(table, Splitter.all(table));
        return GateWeights.measure(model.graph(), gates, data.features());
    }

    /** As {@link #gates(TrainedModel, Path)}, over rows already encoded for the model (a split of its training data). */
    public GateWeights gates(TrainedModel model, EncodedData rows) {
        List<SharedLayout.Gate> gates = layout(model).gates();
        return gates.isEmpty() ? new GateWeights(Map.of()) : GateWeights.measure(model.graph(), gates, rows.features());
    }

    /** What the model's sharing strategy laid out, from its spec: configuring is cheap, no weights are made. */
    private SharedLayout layout(TrainedModel model) {
        PipelineSpec spec = model.spec();
        PipelineComponents components = PipelineComponents.resolve(resolver, spec);
        Map<String, TargetInfo> targets = new LinkedHashMap<>();
        spec.tasks().forEach(t -> targets.put(t.name(), model.preprocessor().targetInfo(t.name())));
        // a text encoder lays out its layers over its fitted featurisation (vocabulary size, width), as training did
        return new GraphCompiler().configure(spec, model.preprocessor().featureInput(),
                components.encoderOver(model.preprocessor().features().text()), components.sharing(), components.heads(),
                targets).layout();
    }

    public void save(TrainedModel model, Path file) {
        new ModelFile(registry).save(model, file);
    }

    /** Saves a model with the per-epoch history of the training that made it (JSON text, or null). */
    public void save(TrainedModel model, Path file, String historyJson) {
        new ModelFile(registry).save(model, file, historyJson);
    }

    public TrainedModel load(Path file) {
        return new ModelFile(registry).load(file);
    }

    /** A data file other than the training data, read as the model's data is; relative paths from the working directory. */
    private RawTable readOther(TrainedModel model, Path dataFile, String purpose) {
        return dataPath(Path.of("").toAbsolutePath()).read(model.spec(), dataFile, purpose);
    }
}
