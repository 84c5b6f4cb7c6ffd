package dev.mtl4j.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.runtime.PreparedPipeline;
import dev.mtl4j.runtime.plugin.Family;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A head's output has the width it announces, and at λ = 0 training leaves it as it started. */
final class HeadChecks {
    private static final String PROBE = "probe";

    private HeadChecks() {
    }

    static void outputWidth(Bench bench, String type, Map<String, Object> params, Path folder) {
        Head head = bench.runtime().resolver().create(Family.HEAD, Bench.spec(type, params), "head");
        PipelineSpec spec = Mtl.pipeline("head-width").data(Bench.numericRows(120, 3))
                .encoder(Bench.standIn(StandIns.ENCODER)).sharing(Bench.standIn(StandIns.SHARING))
                .task(PROBE, Bench.component(type, params)).labels(Bench.labelsFor(head.targetKind()).toArray(String[]::new))
                .training(t -> t.epochs(1).seed(3))
                .build();
        PreparedPipeline prepared = bench.runtime().prepare(spec, folder);
        TargetInfo target = prepared.preprocessor().targetInfo(PROBE);
        int announced = head.outputSize(target);
        ComputationGraph graph = prepared.network().graph();
        String output = prepared.network().outputs().get(0);

        assertEquals(target.naturalOutputs(), announced, type + ": outputSize() of " + target);
        assertEquals(announced, ((FeedForwardLayer) graph.getLayer(output).conf().getLayer()).getNOut(),
                type + ": the output layer's width");
        INDArray[] outputs = graph.output(prepared.train().features());
        assertEquals(announced, outputs[0].size(1), type + ": the width of the network's output");
    }

    static void untouchedAtWeightZero(Bench bench, String type, Map<String, Object> params, Path folder) {
        Head head = bench.runtime().resolver().create(Family.HEAD, Bench.spec(type, params), "head");
        PipelineSpec spec = Mtl.pipeline("head-at-zero").data(Bench.numericRows(160, 5))
                .encoder(Bench.standIn(StandIns.ENCODER)).sharing(Bench.standIn(StandIns.SHARING))
                .task("anchor", Bench.standIn(StandIns.HEAD)).labels("other").weight(1.0)
                .task(PROBE, Bench.component(type, params)).labels(Bench.labelsFor(head.targetKind()).toArray(String[]::new))
                .weight(0.0)
                .training(t -> t.epochs(2).batchSize(32).adam(1e-2).seed(5))
                .build();
        PreparedPipeline prepared = bench.runtime().prepare(spec, folder);
        Map<String, double[]> probeBefore = parameters(prepared.network().graph(), "task/" + PROBE + "/");
        Map<String, double[]> anchorBefore = parameters(prepared.network().graph(), "task/anchor/");
        assertFalse(probeBefore.isEmpty(), type + ": the head added no layer with parameters under its scope");

        bench.runtime().train(prepared, TrainingListener.SILENT);

        Map<String, double[]> probeAfter = parameters(prepared.network().graph(), "task/" + PROBE + "/");
        probeBefore.forEach((layer, values) -> assertArrayEquals(values, probeAfter.get(layer),
                type + ": layer " + layer + " of a task at weight 0 changed in training"));
        Map<String, double[]> anchorAfter = parameters(prepared.network().graph(), "task/anchor/");
        assertTrue(anchorBefore.entrySet().stream().anyMatch(e -> !java.util.Arrays.equals(e.getValue(),
                anchorAfter.get(e.getKey()))), "the other task trained (else the check above proves nothing)");
    }

    /** Each layer's parameters under a scope, copied out of the network. */
    private static Map<String, double[]> parameters(ComputationGraph graph, String scope) {
        Map<String, double[]> parameters = new LinkedHashMap<>();
        for (Layer layer : graph.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            if (name.startsWith(scope) && layer.numParams() > 0) {
                parameters.put(name, layer.params().toDoubleVector());
            }
        }
        return parameters;
    }
}
