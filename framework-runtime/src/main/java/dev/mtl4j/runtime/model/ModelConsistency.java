package dev.mtl4j.runtime.model;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.data.TargetEncoder;
import dev.mtl4j.runtime.eval.Predictor;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The three parts of a model file must fit together: one network output per task of the pipeline,
 * each as wide as the task's label encoding in the preprocessing (its classes, its label columns),
 * and a network that takes the inputs the preprocessing makes. Checked by running the network once
 * on one row, so any encoder or sharing plugin is covered; a mismatch would otherwise surface at
 * prediction time as an index out of bounds, or as silently wrong class names.
 */
final class ModelConsistency {
    private ModelConsistency() {
    }

    static void check(ModelZip zip, PipelineSpec spec, Preprocessor preprocessor, ComputationGraph graph) {
        List<String> outputs = graph.getConfiguration().getNetworkOutputs();
        if (outputs.size() != spec.tasks().size()) {
            throw zip.entryInvalid(ModelEntries.CONFIGURATION, "the network has " + outputs.size()
                    + " outputs, but the pipeline has " + spec.tasks().size() + " tasks " + spec.tasks().stream()
                    .map(TaskSpec::name).toList());
        }
        int width = preprocessor.featureWidth();
        INDArray[] out;
        try {
            boolean sequence = preprocessor.features().sequence();
            // A row of zeros; token sequences get id 1 (a word) in every position, so no row is all padding.
            INDArray row = sequence ? Nd4j.ones(DataType.FLOAT, 1, width) : Nd4j.zeros(DataType.FLOAT, 1, width);
            out = Predictor.outputs(graph, row, sequence ? Nd4j.ones(DataType.FLOAT, 1, width) : null);
        } catch (RuntimeException e) {
            throw zip.entryInvalid(ModelEntries.PREPROCESSING, "the preprocessing makes " + width
                    + " input values a row, which the network does not take (" + firstLine(e) + ")", e);
        }
        for (int i = 0; i < outputs.size(); i++) {
            TaskSpec task = spec.tasks().get(i);
            TargetEncoder target = preprocessor.target(task.name());
            long given = out[i].size(out[i].rank() - 1);
            if (given != target.width()) {
                throw zip.entryInvalid(ModelEntries.PREPROCESSING, "task '" + task.name() + "' is encoded as "
                        + target.width() + " value(s) " + describe(target) + ", but the network's output '"
                        + outputs.get(i) + "' gives " + given);
            }
        }
    }

    private static String describe(TargetEncoder target) {
        return switch (target.kind()) {
            case CATEGORICAL -> "(classes " + target.info().classes() + ")";
            case ORDINAL -> "(ordered classes " + target.info().classes() + ")";
            case BINARY -> "(binary)";
            case MULTILABEL, NUMERIC -> "(label columns " + target.info().labelColumns() + ")";
        };
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
