package dev.mtl4j.examples.meta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * The sine-wave regression family of Finn et al. 2017 (MAML, §5.1): each task is a wave
 * {@code y = A·sin(x − φ)} with amplitude A ~ U[0.1, 5] and phase φ ~ U[0, π], observed at points
 * x ~ U[−5, 5]. A learner that has seen many waves should fit a new one from K points.
 *
 * <p>The CSV has the columns {@code wave} (the task), {@code split} ({@code train} or {@code test}:
 * whole waves), {@code x} and {@code y}. {@code main} writes the bundled example file
 * {@code examples/data/sine_waves.csv}.
 */
public final class SineWaves {
    public static final double MIN_AMPLITUDE = 0.1;
    public static final double MAX_AMPLITUDE = 5.0;
    public static final double MAX_PHASE = Math.PI;
    public static final double X_RANGE = 5.0;

    private SineWaves() {
    }

    /**
     * @param trainWaves waves of the training split, {@code trainPoints} points each
     * @param testWaves waves of the test split, {@code testPoints} points each
     */
    public static String csv(int trainWaves, int trainPoints, int testWaves, int testPoints, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("wave,split,x,y\n");
        for (int w = 0; w < trainWaves + testWaves; w++) {
            boolean test = w >= trainWaves;
            double amplitude = MIN_AMPLITUDE + (MAX_AMPLITUDE - MIN_AMPLITUDE) * random.nextDouble();
            double phase = MAX_PHASE * random.nextDouble();
            for (int p = 0; p < (test ? testPoints : trainPoints); p++) {
                double x = -X_RANGE + 2 * X_RANGE * random.nextDouble();
                text.append(String.format(Locale.ROOT, "w%d,%s,%.5f,%.5f", w, test ? "test" : "train", x,
                        amplitude * Math.sin(x - phase))).append('\n');
            }
        }
        return text.toString();
    }

    public static void write(Path file, int trainWaves, int trainPoints, int testWaves, int testPoints, long seed) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, csv(trainWaves, trainPoints, testWaves, testPoints, seed), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One wave's {@code points} points, as CSV text with the header {@code x,y}: a new task to adapt to. */
    public static String oneWave(int points, long seed) {
        Random random = new Random(seed);
        double amplitude = MIN_AMPLITUDE + (MAX_AMPLITUDE - MIN_AMPLITUDE) * random.nextDouble();
        double phase = MAX_PHASE * random.nextDouble();
        StringBuilder text = new StringBuilder("x,y\n");
        for (int p = 0; p < points; p++) {
            double x = -X_RANGE + 2 * X_RANGE * random.nextDouble();
            text.append(String.format(Locale.ROOT, "%.5f,%.5f", x, amplitude * Math.sin(x - phase))).append('\n');
        }
        return text.toString();
    }

    /**
     * The bundled files under the folder given (default {@code examples/data}): {@code sine_waves.csv},
     * 200 training waves of 20 points and 50 test waves of 110 points; {@code sine_wave_new.csv}, one
     * more wave of 110 points.
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "examples/data");
        write(folder.resolve("sine_waves.csv"), 200, 20, 50, 110, 1);
        Files.writeString(folder.resolve("sine_wave_new.csv"), oneWave(110, 2), StandardCharsets.UTF_8);
    }
}
