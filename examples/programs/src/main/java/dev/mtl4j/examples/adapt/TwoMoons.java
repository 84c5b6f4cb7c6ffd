package dev.mtl4j.examples.adapt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * The inter-twinning moons of Ganin et al. 2016 (JMLR 17:59, §5.1): two classes of points on two
 * interleaving half circles (the upper moon class 1, the lower class 0, as scikit-learn's
 * {@code make_moons} draws them, with Gaussian noise), the target domain the same distribution
 * rotated by 35° about the moons' centre. A classifier trained on the source alone misclassifies
 * the target points whose rotation carries them over the source's decision boundary.
 *
 * <p>{@code main} writes the bundled files {@code examples/data/moons_source.csv} and
 * {@code moons_target.csv}: {@code java ... TwoMoons examples/data}.
 */
public final class TwoMoons {
    /** The rotation of the target domain, in degrees. */
    public static final double TARGET_ROTATION = 35;
    /** The noise of the bundled files and of the experiments. */
    public static final double NOISE = 0.05;
    private static final double CENTRE_X = 0.5;
    private static final double CENTRE_Y = 0.25;

    private TwoMoons() {
    }

    /**
     * {@code perClass} points of each class, as CSV text with the header {@code x1,x2,label}.
     *
     * @param degrees the rotation about the moons' centre (0 for the source domain)
     */
    public static String csv(int perClass, double noise, double degrees, long seed) {
        Random random = new Random(seed);
        double angle = Math.toRadians(degrees);
        StringBuilder text = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 2 * perClass; i++) {
            int label = i % 2 == 0 ? 1 : 0;
            double t = Math.PI * random.nextDouble();
            double x = label == 1 ? Math.cos(t) : 1 - Math.cos(t);
            double y = label == 1 ? Math.sin(t) : 0.5 - Math.sin(t);
            x += noise * random.nextGaussian();
            y += noise * random.nextGaussian();
            double dx = x - CENTRE_X;
            double dy = y - CENTRE_Y;
            double rx = CENTRE_X + dx * Math.cos(angle) - dy * Math.sin(angle);
            double ry = CENTRE_Y + dx * Math.sin(angle) + dy * Math.cos(angle);
            text.append(String.format(Locale.ROOT, "%.5f,%.5f,%d", rx, ry, label)).append('\n');
        }
        return text.toString();
    }

    /** Writes a source file and its rotated target file (150 points of each class each) under {@code folder}. */
    public static void write(Path folder, String prefix, long seed) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(prefix + "_source.csv"), csv(150, NOISE, 0, seed), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(prefix + "_target.csv"), csv(150, NOISE, TARGET_ROTATION, seed + 1),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        write(Path.of(args.length > 0 ? args[0] : "examples/data"), "moons", 1);
    }
}
