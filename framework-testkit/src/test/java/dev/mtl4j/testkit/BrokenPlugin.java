package dev.mtl4j.testkit;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.graph.LayerStack;
import dev.mtl4j.api.spi.EncoderFactory;
import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.HeadContext;
import dev.mtl4j.api.spi.HeadFactory;
import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.api.spi.TargetKind;
import dev.mtl4j.api.spi.TaskSampler;
import dev.mtl4j.api.spi.TaskSamplerFactory;
import dev.mtl4j.api.spi.Encoder;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Components that each break one clause of the contract, so that the testkit is seen to catch it:
 * an encoder described without a sentence, a head one output wider than it announces, a head whose
 * own weight decay moves it at λ = 0, and a sampler that deals an empty epoch.
 */
final class BrokenPlugin implements Plugin {

    record NoConfig() {
    }

    /** The contract run on the broken plugin; run by {@link ContractCatchesBreakageTest} only (a nested class). */
    static final class Contract extends PluginContract {
        @Override
        protected Plugin plugin() {
            return new BrokenPlugin();
        }
    }

    @Override
    public List<EncoderFactory<?>> encoders() {
        return List.of(new EncoderFactory<NoConfig>() {
            @Override
            public String name() {
                return "undocumented";
            }

            @Override
            public String description() {
                return "no sentence";
            }

            @Override
            public Class<NoConfig> configType() {
                return NoConfig.class;
            }

            @Override
            public Encoder create(NoConfig config) {
                return (scope, input, size) -> new LayerStack(List.of(scope.addLayer("dense",
                        new DenseLayer.Builder().nIn(size).nOut(8).activation(Activation.TANH).build(), input)), List.of(8));
            }
        });
    }

    @Override
    public List<HeadFactory<?>> heads() {
        return List.of(head("too-wide", 1, 0), head("self-decaying", 0, 0.5));
    }

    @Override
    public List<TaskSamplerFactory<?>> taskSamplers() {
        return List.of(new TaskSamplerFactory<NoConfig>() {
            @Override
            public String name() {
                return "empty";
            }

            @Override
            public String description() {
                return "Deals nothing.";
            }

            @Override
            public Class<NoConfig> configType() {
                return NoConfig.class;
            }

            @Override
            public TaskSampler create(NoConfig config) {
                return (rows, batchSize, random) -> new int[0];
            }
        });
    }

    private static HeadFactory<NoConfig> head(String name, int extraOutputs, double l2) {
        return new HeadFactory<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "A regression head that breaks the contract.";
            }

            @Override
            public Class<NoConfig> configType() {
                return NoConfig.class;
            }

            @Override
            public Head create(NoConfig config) {
                return new Head() {
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
                                .nOut(outputSize(context.target()) + extraOutputs).activation(Activation.IDENTITY).l2(l2)
                                .build(), input);
                    }
                };
            }
        };
    }
}
