package dev.mtl4j.runtime.transfer;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.graph.SharedLayout;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spi.DomainAlignment;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.compile.CompiledNetwork;
import dev.mtl4j.runtime.compile.GraphCompiler;
import dev.mtl4j.runtime.compile.NetworkBlueprint;
import dev.mtl4j.runtime.compile.TrainingDevice;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.eval.DecisionThresholds;
import dev.mtl4j.runtime.eval.Evaluator;
import dev.mtl4j.runtime.eval.SplitMetrics;
import dev.mtl4j.runtime.model.ProvenanceRecorder;
import dev.mtl4j.runtime.model.TrainedModel;
import dev.mtl4j.runtime.plugin.PipelineComponents;
import dev.mtl4j.runtime.plugin.PluginRegistry;
import dev.mtl4j.runtime.train.Trainer;
import dev.mtl4j.runtime.train.TrainingHistory;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Domain adaptation: a pipeline's network trained on labelled source rows and unlabelled target
 * rows together, with the strategy's device (a domain classifier, a CORAL loss) on the representation
 * every task reads. The device is removed before the model is saved. Beside it, when asked, the
 * source-only baseline: the same network from the same weights, on the same source batches in the
 * same order, without target rows or device. Both are measured on the target's labelled test rows
 * (split {@code target}) when the target file has labels.
 */
public final class DomainAdaptation {
    /** The split name under which the target's labelled test rows are measured. */
    public static final String TARGET = "target";
    /** The name the device's per-epoch measures are reported under, like a task's. */
    public static final String DOMAIN = "domain";
    private static final int PROBE_ROWS = 500;

    private final PluginRegistry registry;
    private final GraphCompiler compiler = new GraphCompiler();

    public DomainAdaptation(PluginRegistry registry) {
        this.registry = registry;
    }

    /**
     * Everything one run reads.
     *
     * @param start how the networks start (fresh, or from a source model)
     * @param inputs the data and model files, for provenance
     */
    public record Setup(PipelineSpec spec, PipelineComponents components, Preprocessor preprocessor,
                        Map<String, TargetInfo> targets, EncodedData train, EncodedData validation, EncodedData test,
                        TargetRows target, NetworkStart start, List<Path> inputs) {
    }

    /** The adapted model, and with {@code baseline} the source-only one. */
    public TransferResult run(Setup setup, DomainAlignment alignment, TrainingListener listener, boolean baseline) {
        TrainingResult adapted = adapt(setup, alignment, listener);
        return new TransferResult(adapted, baseline ? sourceOnly(setup) : null, "adapted", "source-only");
    }

    private TrainingResult adapt(Setup setup, DomainAlignment alignment, TrainingListener listener) {
        PipelineSpec spec = setup.spec();
        long steps = (long) spec.training().epochs() * ((setup.train().size() + spec.training().batchSize() - 1)
                / spec.training().batchSize());
        TrainingDevice device = (scope, layout) -> {
            SharedLayout.Attachment shared = representation(layout, spec);
            return alignment.build(scope, shared.vertex(), shared.size(), steps);
        };
        NetworkBlueprint blueprint = configure(setup, device);
        setup.start().adjust(blueprint);
        ComputationGraph graph = blueprint.build().graph();
        // The encoder and heads start from the same weights as the source-only run's network (the source model's, in a transfer).
        ComputationGraph plain = plainNetwork(setup);
        ParameterCopier.copy(plain, graph, layers(plain));
        DomainProbe probe = new DomainProbe(alignment, setup.train(), setup.target().train(), PROBE_ROWS, spec.training().seed());
        TrainingHistory history = new Trainer(listener).probing(probe::measure).fitWithTarget(graph, spec.training(),
                spec.tasks(), setup.preprocessor(), setup.train(), setup.target().train(), withDomain(setup.validation()));
        ParameterCopier.copy(graph, plain, layers(plain));
        return result(setup, plain, history);
    }

    private TrainingResult sourceOnly(Setup setup) {
        ComputationGraph graph = plainNetwork(setup);
        TrainingHistory history = new Trainer(TrainingListener.SILENT).fit(graph, setup.spec().training(), setup.spec().tasks(),
                setup.preprocessor(), setup.train(), setup.validation());
        return result(setup, graph, history);
    }

    /** The tasks' network alone, started as the setup says: what is trained source-only and what is saved. */
    private ComputationGraph plainNetwork(Setup setup) {
        NetworkBlueprint blueprint = configure(setup, null);
        setup.start().adjust(blueprint);
        CompiledNetwork network = blueprint.build();
        setup.start().copyInto(blueprint, network.graph());
        return network.graph();
    }

    private NetworkBlueprint configure(Setup setup, TrainingDevice device) {
        return compiler.configure(setup.spec(), setup.preprocessor().featureInput(),
                setup.components().encoderOver(setup.preprocessor().features().text()), setup.components().sharing(),
                setup.components().heads(), setup.targets(), device);
    }

    private TrainingResult result(Setup setup, ComputationGraph graph, TrainingHistory history) {
        PipelineSpec spec = setup.spec();
        Preprocessor decided = DecisionThresholds.chosen(graph, spec.tasks(), setup.preprocessor(), setup.validation());
        Map<String, Map<String, Map<String, Double>>> metrics = new LinkedHashMap<>(SplitMetrics.measure(graph, spec.tasks(),
                decided, setup.train(), setup.validation(), setup.test()));
        if (setup.target().test() != null) {
            Map<String, Map<String, Double>> all = Evaluator.evaluate(graph, setup.target().test(), spec.tasks(), decided);
            Map<String, Map<String, Double>> labelled = new LinkedHashMap<>();
            setup.target().labelled().forEach(task -> labelled.put(task, all.get(task)));
            metrics.put(TARGET, labelled);
        }
        List<Path> inputs = new ArrayList<>(setup.inputs());
        inputs.addAll(setup.target().files());
        TrainedModel model = new TrainedModel(spec, graph, decided,
                ProvenanceRecorder.record(registry, spec.training().seed(), inputs));
        return new TrainingResult(model, history, metrics);
    }

    /** The one vertex every task reads: the representation the domains are aligned at. */
    private static SharedLayout.Attachment representation(SharedLayout layout, PipelineSpec spec) {
        Set<String> vertices = new HashSet<>();
        layout.attachments().values().forEach(a -> vertices.add(a.vertex()));
        if (vertices.size() != 1) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("strategy", "domain adaptation aligns the one representation"
                    + " every task reads; sharing '" + spec.sharing().type() + "' attaches the tasks at " + vertices.size()
                    + " places; use sharing: { type: hard }"));
        }
        return layout.attachments().values().iterator().next();
    }

    /** Validation rows with the device's labels after the tasks': every row from the source domain. */
    private static EncodedData withDomain(EncodedData validation) {
        if (validation == null) {
            return null;
        }
        List<org.nd4j.linalg.api.ndarray.INDArray> labels = new ArrayList<>(validation.labels());
        List<org.nd4j.linalg.api.ndarray.INDArray> masks = new ArrayList<>(validation.masks());
        org.nd4j.linalg.api.ndarray.INDArray domains = org.nd4j.linalg.factory.Nd4j.zeros(
                org.nd4j.linalg.api.buffer.DataType.FLOAT, validation.size(), 2);
        domains.getColumn(0).assign(1);
        labels.add(domains);
        masks.add(null);
        return new EncodedData(validation.features(), labels, masks, validation.featureMask());
    }

    private static List<String> layers(ComputationGraph graph) {
        return graph.getConfiguration().getVertices().keySet().stream().toList();
    }
}
