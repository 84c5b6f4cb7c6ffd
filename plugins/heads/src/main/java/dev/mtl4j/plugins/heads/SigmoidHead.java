package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.graph.GraphScope;
import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.HeadContext;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.api.spi.TargetKind;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/** Independent sigmoid outputs with binary cross-entropy: one for binary, one per label column for multilabel. */
final class SigmoidHead implements Head {
    private final SigmoidConfig config;
    private final TargetKind kind;

    SigmoidHead(SigmoidConfig config, TargetKind kind) {
        this.config = config;
        this.kind = kind;
    }

    @Override
    public TargetKind targetKind() {
        return kind;
    }

    @Override
    public int outputSize(TargetInfo target) {
        if (kind == TargetKind.BINARY && target.labelColumns().size() != 1) {
            throw new SpecException("labels", "a binary head reads one label column, got " + target.labelColumns()
                    + "; use a multilabel head for several");
        }
        return target.naturalOutputs();
    }

    @Override
    public String build(GraphScope scope, String input, int inputSize, HeadContext context) {
        int outputs = outputSize(context.target());
        return HeadLayers.build(scope, input, inputSize, config.hidden(), outputs, Activation.SIGMOID,
                new LossBinaryXENT());
    }
}
