package dev.mtl4j.plugins.text.transformer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J's gradient check (central differences, double precision) over small transformer layers:
 * embeddings, a fully trained layer, a LoRA layer and an adapter layer, with padded sequences, so
 * the hand-written gradients of exact GELU (erf), layer norm, masked softmax attention, LoRA,
 * adapters and masked mean pooling with normalisation are all checked against the forward pass.
 */
final class TransformerGradientCheckTest {
    private static final TransformerShape SMALL = new TransformerShape(6, 5, 4, 2, 6, 3, 1e-5);
    private static final int LENGTH = 5;

    @Test
    void everyTrainableParameterHasTheGradientOfItsForwardPass() {
        ComputationGraph graph = network();
        Nd4j.getRandom().setSeed(3);
        // LoRA's B and the adapters' up-projections start at zero; give them values so every path carries gradient
        graph.paramTable().forEach((name, value) -> {
            if (name.endsWith("LoraB") || name.endsWith("UpW")) {
                value.assign(Nd4j.randn(DataType.DOUBLE, value.shape()).muli(0.3));
            }
        });
        INDArray ids = Nd4j.createFromArray(new double[][] {{1, 4, 5, 2, 3}, {3, 3, 5, 0, 0}, {5, 2, 0, 0, 0}});
        INDArray mask = ids.gt(0).castTo(DataType.DOUBLE);
        INDArray labels = Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});

        // the pretrained weights of the LoRA and adapter layers do not train: their gradient is 0 by design
        Set<String> frozen = new HashSet<>();
        for (String vertex : List.of("lora", "adapter")) {
            PretrainedLayer layer = (PretrainedLayer) graph.getLayer(vertex).conf().getLayer();
            layer.layout().stream().map(BlockSpec.Param::key).filter(k -> !layer.trains(k)).forEach(k -> frozen.add(vertex + "_" + k));
        }
        assertThat(frozen).contains("lora_queryW", "adapter_ffnInW").doesNotContain("adapter_ln1Gain", "lora_queryLoraA");

        DataType floatType = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE); // GradientCheckUtil insists, though the network is double already
        try {
            boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                    .inputs(new INDArray[] {ids}).inputMask(new INDArray[] {mask}).labels(new INDArray[] {labels})
                    .epsilon(1e-6).maxRelError(1e-4).minAbsoluteError(1e-9).excludeParams(frozen)
                    .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
            assertThat(ok).as("gradient check").isTrue();
        } finally {
            Nd4j.setDefaultDataTypes(floatType, floatType);
        }
    }

    @Test
    void aLayerOverFrozenLayersComputesNoInputGradientAndTheSameParameterGradients() {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE)
                .updater(new NoOp()).graphBuilder().addInputs("ids").setInputTypes(InputType.feedForward(LENGTH))
                .addLayer("frozen", new FrozenPrefixLayer(SMALL, 1, 0), "ids")
                .addLayer("lowest", new TransformerBlockLayer(BlockSpec.of(SMALL, Tuning.FULL, 0, 0, List.of(), 0), 1, false),
                        "frozen")
                .addLayer("lora", new TransformerBlockLayer(BlockSpec.of(SMALL, Tuning.LORA, 2, 4, BlockSpec.PROJECTIONS, 0),
                        2, true), "lowest")
                .addLayer("pool", new SentencePoolingLayer(SMALL.hidden(), true), "lora")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(SMALL.hidden()).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "pool")
                .setOutputs("out").build());
        graph.init();
        Nd4j.getRandom().setSeed(5);
        graph.getLayer("lora").getParam("queryLoraB").assign(Nd4j.randn(DataType.DOUBLE, 2, SMALL.hidden()).muli(0.3));
        INDArray ids = Nd4j.createFromArray(new double[][] {{1, 4, 5, 2, 3}, {3, 3, 5, 0, 0}, {5, 2, 0, 0, 0}});
        Set<String> frozen = new HashSet<>();
        graph.paramTable().keySet().stream().filter(k -> k.startsWith("frozen_")).forEach(frozen::add);
        PretrainedLayer lora = (PretrainedLayer) graph.getLayer("lora").conf().getLayer();
        lora.layout().stream().map(BlockSpec.Param::key).filter(k -> !lora.trains(k)).forEach(k -> frozen.add("lora_" + k));

        DataType floatType = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                    .inputs(new INDArray[] {ids}).inputMask(new INDArray[] {ids.gt(0).castTo(DataType.DOUBLE)})
                    .labels(new INDArray[] {Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}})})
                    .epsilon(1e-6).maxRelError(1e-4).minAbsoluteError(1e-9).excludeParams(frozen)
                    .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
            assertThat(ok).as("gradient check").isTrue();
        } finally {
            Nd4j.setDefaultDataTypes(floatType, floatType);
        }
        assertThat(((TransformerBlockLayer) graph.getLayer("lowest").conf().getLayer()).isInputGradient()).isFalse();
    }

    @Test
    void frozenParametersGetNoUpdaterAndNoGradient() {
        ComputationGraph graph = network();
        TransformerBlockLayer lora = (TransformerBlockLayer) graph.getLayer("lora").conf().getLayer();
        assertThat(lora.getUpdaterByParam("queryW")).isInstanceOf(NoOp.class);
        assertThat(lora.spec().trains("queryW")).isFalse();
        assertThat(lora.spec().trains("queryLoraA")).isTrue();
    }

    @Test
    void parameterTablesAreViewsOfTheNetworksParameters() {
        ComputationGraph graph = network();
        INDArray view = graph.getLayer("full").getParam("ffnInW");
        view.putScalar(0, 0, 42.0);
        Map<String, INDArray> table = graph.paramTable();
        assertThat(table.get("full_ffnInW").getDouble(0, 0)).isEqualTo(42.0);
        assertThat(graph.params().eq(42.0).castTo(DataType.INT).sumNumber().intValue()).isEqualTo(1);
    }

    @Test
    void aNetworkOfTransformerLayersReadsBackFromItsJson() {
        ComputationGraphConfiguration conf = network().getConfiguration();
        ComputationGraphConfiguration frozen = new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE)
                .graphBuilder().addInputs("ids").setInputTypes(InputType.feedForward(LENGTH))
                .addLayer("frozen", new FrozenPrefixLayer(SMALL, 2, 16), "ids")
                .addLayer("top", new TransformerBlockLayer(BlockSpec.of(SMALL, Tuning.FULL, 0, 0, List.of(), 0), 2, false),
                        "frozen")
                .addLayer("pool", new SentencePoolingLayer(SMALL.hidden(), true), "top")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(SMALL.hidden()).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "pool")
                .setOutputs("out").build();
        for (ComputationGraphConfiguration original : List.of(conf, frozen)) {
            String json = original.toJson();
            assertThat(json).contains("\"hidden\" : 4", "\"heads\" : 2", "\"inputGradient\" : ");
            assertThat(ComputationGraphConfiguration.fromJson(json).toJson()).isEqualTo(json);
        }
    }

    private static ComputationGraph network() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.DOUBLE)
                .updater(new NoOp()).graphBuilder()
                .addInputs("ids").setInputTypes(InputType.feedForward(LENGTH))
                .addLayer("embeddings", new TokenEmbeddingLayer(SMALL, true), "ids")
                .addLayer("full", new TransformerBlockLayer(BlockSpec.of(SMALL, Tuning.FULL, 0, 0, List.of(), 0), 0, true),
                        "embeddings")
                .addLayer("lora", new TransformerBlockLayer(BlockSpec.of(SMALL, Tuning.LORA, 2, 4,
                        BlockSpec.PROJECTIONS, 0), 1, true), "full")
                .addLayer("adapter", new TransformerBlockLayer(BlockSpec.of(SMALL, Tuning.ADAPTER, 0, 0, List.of(), 2), 2, true),
                        "lora")
                .addLayer("pool", new SentencePoolingLayer(SMALL.hidden(), true), "adapter")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(SMALL.hidden()).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "pool")
                .setOutputs("out").build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }
}
