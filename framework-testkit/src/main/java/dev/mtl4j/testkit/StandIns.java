package dev.mtl4j.testkit;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.LayerStack;
import dev.mtl4j.api.graph.SharedLayout;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.DatasetFactory;
import dev.mtl4j.api.spi.Encoder;
import dev.mtl4j.api.spi.EncoderFactory;
import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.HeadContext;
import dev.mtl4j.api.spi.HeadFactory;
import dev.mtl4j.api.spi.LossWeighting;
import dev.mtl4j.api.spi.Param;
import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.api.spi.SharingStrategy;
import dev.mtl4j.api.spi.SharingStrategyFactory;
import dev.mtl4j.api.spi.TableSource;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.api.spi.TargetKind;
import dev.mtl4j.api.spi.TaskWeighting;
import dev.mtl4j.api.spi.TaskWeightingFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The simplest component of each family the contract needs around the one under test: an encoder,
 * a regression head, a sharing strategy and a data set ({@link StandInRows}), and the default task
 * weighting a training without {@code training.weighting} asks for (λ_i = each task's weight; under its
 * name, {@code static}, unless the plugin under test brings its own). Given to the runtime next to the
 * plugin under test, never found through ServiceLoader.
 */
final class StandIns implements Plugin {
    static final String ENCODER = "testkit-dense";
    static final String HEAD = "testkit-regression";
    static final String SHARING = "testkit-shared";
    static final String DATASET = "testkit-rows";

    private final boolean defaultWeighting;

    /** @param defaultWeighting whether to provide the default task weighting (no when the plugin under test does) */
    StandIns(boolean defaultWeighting) {
        this.defaultWeighting = defaultWeighting;
    }

    /** @param width the dense layer's width */
    record DenseConfig(@Param(doc = "the dense layer's width", defaultValue = "16", min = 1) int width) {
    }

    record NoConfig() {
    }

    /**
     * @param rows how many rows
     * @param seed the seed of the generated values
     */
    record RowsConfig(@Param(doc = "how many rows", defaultValue = "200", min = 10) int rows,
                      @Param(doc = "the seed of the generated values", defaultValue = "7") long seed) {
    }

    @Override
    public String name() {
        return "testkit stand-ins";
    }

    @Override
    public List<EncoderFactory<?>> encoders() {
        return List.of(new Factory<DenseConfig>(ENCODER, "One dense ReLU layer.", DenseConfig.class)
                .encoder(DenseStandIn::new));
    }

    /**
     * One dense ReLU layer; asked for a shared body (see {@link Encoder#sharedBody}), a dense layer that
     * does not train (no updater) below it, so that sharing strategies built on one are exercised too.
     */
    private record DenseStandIn(DenseConfig config) implements Encoder {
        @Override
        public LayerStack build(GraphScope scope, String input, int inputSize) {
            String dense = scope.addLayer("dense", new DenseLayer.Builder().nIn(inputSize).nOut(config.width())
                    .activation(Activation.RELU).build(), input);
            return new LayerStack(List.of(dense), List.of(config.width()));
        }

        @Override
        public dev.mtl4j.api.graph.SharedBody sharedBody(GraphScope scope, String input, int inputSize) {
            String body = scope.addLayer("body", new DenseLayer.Builder().nIn(inputSize).nOut(config.width())
                    .activation(Activation.TANH).updater(new org.nd4j.linalg.learning.config.NoOp()).build(), input);
            return new dev.mtl4j.api.graph.SharedBody(body, config.width(), this);
        }
    }

    @Override
    public List<HeadFactory<?>> heads() {
        return List.of(new Factory<NoConfig>(HEAD, "Identity outputs with MSE, one per label column.", NoConfig.class)
                .head(config -> new RegressionHead()));
    }

    @Override
    public List<SharingStrategyFactory<?>> sharingStrategies() {
        return List.of(new Factory<NoConfig>(SHARING, "One encoder; every task reads its output.", NoConfig.class)
                .sharing(config -> new SharedEncoder()));
    }

    @Override
    public List<DatasetFactory<?>> datasets() {
        return List.of(new Factory<RowsConfig>(DATASET, "Generated rows with a label column for every kind of head.",
                RowsConfig.class).dataset(StandInRows::new));
    }

    @Override
    public List<TaskWeightingFactory<?>> taskWeightings() {
        return defaultWeighting ? List.of(new Factory<NoConfig>(TrainingSpec.DEFAULT_WEIGHTING,
                "Each task's loss weighted by its weight, every step.", NoConfig.class).weighting(config -> new TaskWeights()))
                : List.of();
    }

    /** λ_i = the task's {@code weight}. */
    private static final class TaskWeights implements LossWeighting {
        private double[] lambda;

        @Override
        public void start(dev.mtl4j.api.spi.WeightingContext context) {
            lambda = context.taskWeights().stream().mapToDouble(Double::doubleValue).toArray();
        }

        @Override
        public boolean allowsPartialBatches() {
            return true;
        }

        @Override
        public double[] weights(dev.mtl4j.api.spi.BatchLosses batch) {
            return lambda;
        }
    }

    private static final class RegressionHead implements Head {
        @Override
        public TargetKind targetKind() {
            return TargetKind.NUMERIC;
        }

        @Override
        public int outputSize(TargetInfo target) {
            return target.labelColumns().size();
        }

        @Override
        public String build(GraphScope scope, String input, int inputSize, HeadContext context) {
            return scope.addLayer("output", new OutputLayer.Builder(new LossMSE()).nIn(inputSize)
                    .nOut(outputSize(context.target())).activation(Activation.IDENTITY).build(), input);
        }
    }

    private static final class SharedEncoder implements SharingStrategy {
        @Override
        public SharedLayout layout(GraphScope scope, String input, int inputSize, Encoder encoder, List<String> tasks) {
            LayerStack stack = encoder.build(scope.child("encoder"), input, inputSize);
            Map<String, SharedLayout.Attachment> attachments = new LinkedHashMap<>();
            tasks.forEach(task -> attachments.put(task, new SharedLayout.Attachment(stack.output(), stack.outputSize())));
            return new SharedLayout(attachments);
        }
    }

    /** One factory class for the stand-ins: a name, a description, a config type and what it makes. */
    private record Factory<C extends Record>(String name, String description, Class<C> configType) {

        EncoderFactory<C> encoder(java.util.function.Function<C, Encoder> make) {
            return new EncoderFactory<>() {
                public String name() { return Factory.this.name; }
                public String description() { return Factory.this.description; }
                public Class<C> configType() { return Factory.this.configType; }
                public Encoder create(C config) { return make.apply(config); }
            };
        }

        HeadFactory<C> head(java.util.function.Function<C, Head> make) {
            return new HeadFactory<>() {
                public String name() { return Factory.this.name; }
                public String description() { return Factory.this.description; }
                public Class<C> configType() { return Factory.this.configType; }
                public Head create(C config) { return make.apply(config); }
            };
        }

        SharingStrategyFactory<C> sharing(java.util.function.Function<C, SharingStrategy> make) {
            return new SharingStrategyFactory<>() {
                public String name() { return Factory.this.name; }
                public String description() { return Factory.this.description; }
                public Class<C> configType() { return Factory.this.configType; }
                public SharingStrategy create(C config) { return make.apply(config); }
            };
        }

        TaskWeightingFactory<C> weighting(java.util.function.Function<C, TaskWeighting> make) {
            return new TaskWeightingFactory<>() {
                public String name() { return Factory.this.name; }
                public String description() { return Factory.this.description; }
                public Class<C> configType() { return Factory.this.configType; }
                public TaskWeighting create(C config) { return make.apply(config); }
            };
        }

        DatasetFactory<C> dataset(java.util.function.Function<C, TableSource> make) {
            return new DatasetFactory<>() {
                public String name() { return Factory.this.name; }
                public String description() { return Factory.this.description; }
                public Class<C> configType() { return Factory.this.configType; }
                public TableSource create(C config, DataContext context) { return make.apply(config); }
            };
        }
    }
}
