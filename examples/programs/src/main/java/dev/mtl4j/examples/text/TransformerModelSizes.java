package dev.mtl4j.examples.text;

import dev.mtl4j.api.dsl.Component;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.model.TrainedModel;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The size of a model file with the transformer, per tuning: mtl4j's model.zip (which leaves the
 * pretrained model's frozen values out) against DL4J's own zip of the same network (every parameter,
 * as mtl4j stored it before), after one epoch on 16 fine-food reviews (16 word pieces); and that the saved model
 * predicts exactly as the trained one. Arguments: none. Run from the repository root.
 */
public final class TransformerModelSizes {
    private TransformerModelSizes() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("mtl4j-transformer-sizes");
        Path file = TransformerTuningComparison.firstRows(Path.of("examples/data/fine_food_reviews.csv"),
                folder.resolve("reviews.csv"), 16, 8);
        MtlRuntime runtime = MtlRuntime.create();
        System.out.println("| tuning | parameters | trainable | model.zip (mtl4j) | every parameter (DL4J zip) | predicts the same |");
        System.out.println("|---|---|---|---|---|---|");
        java.util.Map<String, Component> encoders = new java.util.LinkedHashMap<>();
        encoders.put("lora r=8, top 2", transformer("lora").param("tunedLayers", 2));
        encoders.put("lora r=8, all 6", transformer("lora"));
        encoders.put("adapter 64, top 2", transformer("adapter").param("tunedLayers", 2));
        encoders.put("full, top 2", transformer("full").param("tunedLayers", 2));
        encoders.put("frozen (dense 64)", transformer("frozen").param("hidden", List.of(64)));
        for (java.util.Map.Entry<String, Component> entry : encoders.entrySet()) {
            Component encoder = entry.getValue();
            PipelineSpec spec = Mtl.pipeline("sizes").data(Data.csv(file.toString()).text("review").drop("product")
                    .splitColumn("split")).encoder(encoder).task("score", Heads.binary())
                    .training(t -> t.epochs(1).batchSize(16).adam(1e-3).seed(42)).build();
            TrainingResult result = runtime.train(spec, folder, TrainingListener.SILENT);
            Path mtl = folder.resolve("model.zip");
            Path dl4j = folder.resolve("dl4j.zip");
            runtime.save(result.model(), mtl);
            ModelSerializer.writeModel(result.model().graph(), dl4j.toFile(), true);
            TrainedModel loaded = runtime.load(mtl);
            boolean same = runtime.predict(loaded, file).equals(runtime.predict(result.model(), file));
            System.out.printf("| %s | %,d | %,d | %s | %s | %s |%n", entry.getKey(), result.model().graph().numParams(),
                    TransformerTuningComparison.trainable(result.model().graph()), mb(Files.size(mtl)), mb(Files.size(dl4j)),
                    same ? "yes" : "NO");
            System.out.flush();
        }
    }

    private static Component transformer(String tuning) {
        return Component.of("transformer").param("tuning", tuning).param("maxLength", 16);
    }

    private static String mb(long bytes) {
        return bytes < 1 << 20 ? String.format("%.0f KB", bytes / 1024.0) : String.format("%.1f MB", bytes / 1048576.0);
    }
}
