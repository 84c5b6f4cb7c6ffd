package dev.mtl4j.api.dsl;

import dev.mtl4j.api.spi.GradientSite;

/**
 * Builders for the built-in task-weighting methods:
 * {@code .training(t -> t.weighting(Weightings.dwa(2.0)))}. Every gradient method takes where the
 * per-task gradients are taken: {@code Weightings.at(Weightings.pcgrad(), GradientSite.REPRESENTATION)},
 * the same as {@code Weightings.pcgrad().param("gradients", "representation")}.
 */
public final class Weightings {
    private Weightings() {
    }

    /** λ_i = each task's weight, every step (the default). */
    public static Component fixed() {
        return Component.of("static");
    }

    /** Learned log σ_i² per task (Kendall et al. 2018). */
    public static Component uncertainty() {
        return Component.of("uncertainty");
    }

    /** Dynamic weight average with softmax temperature T (Liu et al. 2019). */
    public static Component dwa(double temperature) {
        return Component.of("dwa").param("temperature", temperature);
    }

    /** Random loss weighting (Lin et al. 2022). */
    public static Component rlw() {
        return Component.of("rlw");
    }

    /** FAMO (Liu et al. 2023). */
    public static Component famo() {
        return Component.of("famo");
    }

    /** GradNorm with restoring strength α (Chen et al. 2018). */
    public static Component gradnorm(double alpha) {
        return Component.of("gradnorm").param("alpha", alpha);
    }

    /** MGDA-UB (Sener and Koltun 2018): MGDA on the shared representation. */
    public static Component mgda() {
        return Component.of("mgda");
    }

    /** PCGrad (Yu et al. 2020). */
    public static Component pcgrad() {
        return Component.of("pcgrad");
    }

    /** CAGrad with radius c (Liu et al. 2021). */
    public static Component cagrad(double c) {
        return Component.of("cagrad").param("c", c);
    }

    /** IMTL-G (Liu et al. 2021). */
    public static Component imtl() {
        return Component.of("imtl");
    }

    /** Nash-MTL (Navon et al. 2022). */
    public static Component nashMtl() {
        return Component.of("nash-mtl");
    }

    /** Aligned-MTL (Senushkin et al. 2023). */
    public static Component alignedMtl() {
        return Component.of("aligned-mtl");
    }

    /** UPGrad (Quinton and Rey 2024, as in TorchJD). */
    public static Component upgrad() {
        return Component.of("upgrad");
    }

    /** A gradient method with the place of its per-task gradients named. */
    public static Component at(Component method, GradientSite site) {
        return method.param("gradients", site.name().toLowerCase(java.util.Locale.ROOT));
    }
}
