package com.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.dsl.Encoders;
import dev.mtl4j.api.dsl.Heads;
import dev.mtl4j.api.dsl.Mtl;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** An application's first use of mtl4j: two tasks on one encoder, written with the DSL. */
class ConsumerTest {

    @Test
    void trainsTwoTasksWithTheStartersPlugins() {
        PipelineSpec spec = Mtl.pipeline("consumer")
                .data(Data.csv("digits_tasks.csv").numeric("px*").split(0.2, 7))
                .encoder(Encoders.mlp().hidden(64))
                .task("digit", Heads.classification(10))
                .task("parity", Heads.classification(2))
                .training(t -> t.epochs(4).batchSize(32).adam(3e-3).seed(42))
                .build();

        TrainingResult result = MtlRuntime.create().train(spec, Path.of("").toAbsolutePath(), TrainingListener.SILENT);

        double digit = result.metric("test", "digit", "accuracy");
        double parity = result.metric("test", "parity", "accuracy");
        System.out.printf("test accuracy: digit %.3f, parity %.3f%n", digit, parity);
        assertTrue(digit > 0.8, "digit accuracy " + digit);
        assertTrue(parity > 0.8, "parity accuracy " + parity);
    }
}
