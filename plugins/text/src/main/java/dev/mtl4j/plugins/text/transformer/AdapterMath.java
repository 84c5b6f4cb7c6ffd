package dev.mtl4j.plugins.text.transformer;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A bottleneck adapter (Houlsby et al. 2019): y = x + GELU(x·Wd + bd)·Wu + bu, a residual branch
 * through a narrow layer. Wu starts near zero, so an untrained adapter is nearly the identity.
 */
final class AdapterMath {
    private final String name;

    AdapterMath(String name) {
        this.name = name;
    }

    /**
     * The output; {@code kept[0]}, {@code kept[1]} and {@code kept[2]} receive the bottleneck's
     * pre-activation, activation and Φ of the pre-activation.
     */
    INDArray forward(INDArray x, Map<String, INDArray> p, INDArray[] kept) {
        INDArray pre = Products.times(x, false, p.get(name + "DownW"), false).addiRowVector(p.get(name + "Downb"));
        Gelu.Activated gelu = Gelu.forward(pre);
        INDArray activated = gelu.output();
        kept[0] = pre;
        kept[1] = activated;
        kept[2] = gelu.cdf();
        return Products.times(activated, false, p.get(name + "UpW"), false).addiRowVector(p.get(name + "Upb")).addi(x);
    }

    /** The gradient of x; the adapter's own gradients go to {@code grads}. */
    INDArray backward(INDArray dy, INDArray x, INDArray[] kept, Map<String, INDArray> p, Map<String, INDArray> grads) {
        Products.into(grads.get(name + "UpW"), kept[1], true, dy, false, 1, 0);
        Products.columnSums(dy, grads.get(name + "Upb"));
        INDArray dPre = Gelu.backward(Products.times(dy, false, p.get(name + "UpW"), true), kept[0], kept[2]);
        Products.into(grads.get(name + "DownW"), x, true, dPre, false, 1, 0);
        Products.columnSums(dPre, grads.get(name + "Downb"));
        INDArray dx = dy.dup();
        Products.into(dx, dPre, false, p.get(name + "DownW"), true, 1, 1);
        return dx;
    }
}
