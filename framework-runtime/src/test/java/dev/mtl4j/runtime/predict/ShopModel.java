package dev.mtl4j.runtime.predict;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.model.TrainedModel;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A small trained model with one task of every kind, over columns a Java record can name: items
 * with a {@code height}, a {@code weight} and a {@code colour}; tasks {@code size} (S, M or L from the
 * height), {@code heavy} (yes/no), {@code tags} (multilabel {@code tall}, {@code red}) and
 * {@code price} (a number).
 */
public final class ShopModel {
    public static final List<String> COLOURS = List.of("red", "green", "blue");

    private ShopModel() {
    }

    /** One item as a Java record: component names are the model's feature columns. */
    public record Item(double height, double weight, String colour) {
    }

    public static TrainedModel train(MtlRuntime runtime, Path folder) {
        Path data = write(folder.resolve("shop.csv"), 600, 5);
        return runtime.train(Mtl.pipeline("shop")
                        .data(Data.csv(data.toString()).numeric("height", "weight").categorical("colour").split(0.2, 7))
                        .encoder(Encoders.mlp().hidden(32))
                        .task("size", Heads.classification(3))
                        .task("heavy", Heads.binary())
                        .task("tags", Heads.multilabel()).labels("tall", "red")
                        .task("price", Heads.regression(1))
                        .training(t -> t.epochs(12).batchSize(32).adam(1e-2).seed(3))
                        .build(), folder, TrainingListener.SILENT).model();
    }

    /** Generated items: every label a function of the features. */
    public static Path write(Path file, int rows, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(List.of("height,weight,colour,size,heavy,tall,red,price"));
        for (int i = 0; i < rows; i++) {
            double height = 10 + random.nextDouble() * 90;
            double weight = 1 + random.nextDouble() * 49;
            String colour = COLOURS.get(random.nextInt(COLOURS.size()));
            String size = height < 40 ? "S" : height < 70 ? "M" : "L";
            lines.add(String.format(Locale.ROOT, "%.2f,%.2f,%s,%s,%s,%d,%d,%.2f", height, weight, colour, size,
                    weight > 25 ? "yes" : "no", height > 55 ? 1 : 0, colour.equals("red") ? 1 : 0,
                    5 + 0.5 * height + 2 * weight + (colour.equals("red") ? 20 : 0)));
        }
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
