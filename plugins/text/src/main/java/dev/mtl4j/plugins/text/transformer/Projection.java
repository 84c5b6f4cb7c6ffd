package dev.mtl4j.plugins.text.transformer;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A linear map y = x·W + b of {@code [rows, in]} inputs, W stored {@code [in, out]}, with LoRA's
 * low-rank update y += s·(x·A)·B when the layer has one (Hu et al. 2021; B starts at zero, so the
 * update starts at zero). Every product is one gemm into a row-major array ({@link Products}).
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
        INDArray y = Products.times(x, false, p.get(name + "W"), false).addiRowVector(p.get(name + "b"));
        if (lora) {
            down[0] = Products.times(x, false, p.get(name + "LoraA"), false);
            Products.into(y, down[0], false, p.get(name + "LoraB"), false, scale, 1);
        }
        return y;
    }

    /**
     * The gradient of x, new; the gradients of the trainable parameters are written to {@code grads}.
     *
     * @param down x·A from the forward pass (LoRA), else null
     */
    INDArray backward(INDArray dy, INDArray x, INDArray down, Map<String, INDArray> p, Map<String, INDArray> grads,
                      BlockSpec spec) {
        INDArray dx = Products.times(dy, false, p.get(name + "W"), true);
        parameterGradients(dy, x, down, p, grads, spec, dx);
        return dx;
    }

    /**
     * Adds the gradient of x to {@code dxSum}, or computes none when {@code dxSum} is null (nothing
     * below reads it); the gradients of the trainable parameters are written to {@code grads}.
     */
    void backwardAdding(INDArray dy, INDArray x, INDArray down, Map<String, INDArray> p, Map<String, INDArray> grads,
                        BlockSpec spec, INDArray dxSum) {
        if (dxSum != null) {
            Products.into(dxSum, dy, false, p.get(name + "W"), true, 1, 1);
        }
        parameterGradients(dy, x, down, p, grads, spec, dxSum);
    }

    private void parameterGradients(INDArray dy, INDArray x, INDArray down, Map<String, INDArray> p,
                                    Map<String, INDArray> grads, BlockSpec spec, INDArray dxSum) {
        if (spec.trains(name + "W")) {
            Products.into(grads.get(name + "W"), x, true, dy, false, 1, 0);
            Products.columnSums(dy, grads.get(name + "b"));
        }
        if (lora) {
            INDArray dDown = Products.scaled(dy, false, p.get(name + "LoraB"), true, scale);
            Products.into(grads.get(name + "LoraB"), down, true, dy, false, scale, 0);
            Products.into(grads.get(name + "LoraA"), x, true, dDown, false, 1, 0);
            if (dxSum != null) {
                Products.into(dxSum, dDown, false, p.get(name + "LoraA"), true, 1, 1);
            }
        }
    }
}
