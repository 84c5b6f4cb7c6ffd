package dev.mtl4j.runtime.config;

import dev.mtl4j.api.spec.CheckpointSpec;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.DistributedSpec;
import dev.mtl4j.api.spec.EarlyStoppingSpec;
import dev.mtl4j.api.spec.OptimizerSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.runtime.plugin.Family;
import java.util.List;
import java.util.Optional;

/** Reads the {@code training:} section; every key is optional, defaults from {@link TrainingSpec#defaults()}. */
final class TrainingReader {
    static final List<String> KEYS = Sections.TRAINING.names();
    static final List<String> OPTIMIZER_KEYS = Sections.OPTIMIZER.names();
    static final List<String> EARLY_STOPPING_KEYS = Sections.EARLY_STOPPING.names();

    private TrainingReader() {
    }

    static Optional<TrainingSpec> read(YamlMap training, ComponentReader components) {
        training.allowOnly(KEYS);
        TrainingSpec defaults = TrainingSpec.defaults();
        int epochs = training.integer("epochs").orElse(defaults.epochs());
        int batchSize = training.integer("batchSize").orElse(defaults.batchSize());
        OptimizerSpec optimizer = training.map("optimizer").flatMap(TrainingReader::optimizer).orElse(defaults.optimizer());
        long seed = training.whole("seed").orElse(defaults.seed());
        boolean shuffle = training.bool("shuffle").orElse(defaults.shuffle());
        EarlyStoppingSpec earlyStopping = training.map("earlyStopping").flatMap(TrainingReader::earlyStopping).orElse(null);
        String init = training.text("init").orElse(defaults.init());
        boolean hasCheckpoint = training.keys().contains("checkpoint");
        Optional<CheckpointSpec> checkpoint = training.map("checkpoint").flatMap(c -> SettingsReader.read(c, CheckpointSpec.class));
        boolean hasSampler = training.keys().contains("sampler");
        Optional<ComponentSpec> sampler = training.value("sampler")
                .flatMap(node -> components.read(node, training.path("sampler"), Family.SAMPLER, training.values()));
        boolean hasDistributed = training.keys().contains("distributed");
        Optional<DistributedSpec> distributed = training.map("distributed").flatMap(d -> SettingsReader.read(d, DistributedSpec.class));
        boolean hasWeighting = training.keys().contains("weighting");
        Optional<ComponentSpec> weighting = training.value("weighting")
                .flatMap(node -> components.read(node, training.path("weighting"), Family.WEIGHTING, training.values()));
        if (hasSampler && sampler.isEmpty() || hasCheckpoint && checkpoint.isEmpty() || hasWeighting && weighting.isEmpty()
                || hasDistributed && distributed.isEmpty()) {
            return Optional.empty();
        }
        return training.build(() -> new TrainingSpec(epochs, batchSize, optimizer, seed, shuffle, earlyStopping,
                sampler.orElse(null), init, checkpoint.orElse(null), weighting.orElse(null),
                distributed.orElse(null)));
    }

    private static Optional<OptimizerSpec> optimizer(YamlMap optimizer) {
        optimizer.allowOnly(OPTIMIZER_KEYS);
        String type = optimizer.text("type").orElse("adam");
        double lr = optimizer.number("lr").orElse(TrainingSpec.DEFAULT_LEARNING_RATE);
        double momentum = optimizer.number("momentum").orElse(0.0);
        double weightDecay = optimizer.number("weightDecay").orElse(0.0);
        return optimizer.build(() -> new OptimizerSpec(type, lr, momentum, weightDecay));
    }

    /** {@code { task: INCOME, metric: accuracy, patience: 3 }} or {@code { metric: loss, patience: 3 }}. */
    private static Optional<EarlyStoppingSpec> earlyStopping(YamlMap stopping) {
        stopping.allowOnly(EARLY_STOPPING_KEYS);
        String task = stopping.text("task").orElse(null);
        Optional<String> metric = stopping.required("metric").flatMap(v -> stopping.values().text(v, stopping.path("metric")));
        Optional<Integer> patience = stopping.required("patience").flatMap(v -> stopping.values().integer(v, stopping.path("patience")));
        if (metric.isEmpty() || patience.isEmpty()) {
            return Optional.empty();
        }
        return stopping.build(() -> new EarlyStoppingSpec(task, metric.get(), patience.get()));
    }
}
