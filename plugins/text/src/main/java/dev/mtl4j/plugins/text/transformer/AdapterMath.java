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
        INDArray pre = x.mmul(p.get(name + "DownW")).addiRowVector(p.get(name + "Downb"));
        Gelu.Activated gelu = Gelu.forward(pre);
        INDArray activated = gelu.output();
        kept[0] = pre;
        kept[1] = activated;
        kept[2] = gelu.cdf();
        return activated.mmul(p.get(name + "UpW")).addiRowVector(p.get(name + "Upb")).addi(x);
    }

    /** The gradient of x; the adapter's own gradients go to {@code grads}. */
    INDArray backward(INDArray dy, INDArray x, INDArray[] kept, Map<String, INDArray> p, Map<String, INDArray> grads) {
        grads.get(name + "UpW").assign(kept[1].transpose().mmul(dy));
        grads.get(name + "Upb").assign(dy.sum(0));
        INDArray dPre = Gelu.backward(dy.mmul(p.get(name + "UpW").transpose()), kept[0], kept[2]);
        grads.get(name + "DownW").assign(x.transpose().mmul(dPre));
        grads.get(name + "Downb").assign(dPre.sum(0));
        return dPre.mmul(p.get(name + "DownW").transpose()).addi(dy);
    }
}
