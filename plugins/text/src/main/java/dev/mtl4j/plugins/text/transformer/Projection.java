package dev.mtl4j.plugins.text.transformer;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A linear map y = x·W + b of {@code [rows, in]} inputs, W stored {@code [in, out]}, with LoRA's
 * low-rank update y += s·(x·A)·B when the layer has one (Hu et al. 2021; B starts at zero, so the
 * update starts at zero).
 */
final class Projection {
    private final String name;
    private final boolean lora;
    private final double scale;

    Projection(String name, boolean lora, double scale) {
        this.name = name;
        this.lora = lora;
        this.scale = scale;
    }

    /** y, and in {@code down[0]} the rank-r projection x·A the gradient needs (when LoRA is on). */
    INDArray forward(INDArray x, Map<String, INDArray> p, INDArray[] down) {
        INDArray y = x.mmul(p.get(name + "W")).addiRowVector(p.get(name + "b"));
        if (lora) {
            down[0] = x.mmul(p.get(name + "LoraA"));
            y.addi(down[0].mmul(p.get(name + "LoraB")).muli(scale));
        }
        return y;
    }

    /**
     * The gradient of x; the gradients of the trainable parameters are written to {@code grads}.
     *
     * @param down x·A from the forward pass (LoRA), else null
     */
    INDArray backward(INDArray dy, INDArray x, INDArray down, Map<String, INDArray> p, Map<String, INDArray> grads,
                      BlockSpec spec) {
        if (spec.trains(name + "W")) {
            grads.get(name + "W").assign(x.transpose().mmul(dy));
            grads.get(name + "b").assign(dy.sum(0));
        }
        INDArray dx = dy.mmul(p.get(name + "W").transpose());
        if (lora) {
            INDArray b = p.get(name + "LoraB");
            INDArray dDown = dy.mmul(b.transpose()).muli(scale);
            grads.get(name + "LoraB").assign(down.transpose().mmul(dy).muli(scale));
            grads.get(name + "LoraA").assign(x.transpose().mmul(dDown));
            dx.addi(dDown.mmul(p.get(name + "LoraA").transpose()));
        }
        return dx;
    }
}
