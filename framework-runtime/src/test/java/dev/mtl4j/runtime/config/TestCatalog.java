package dev.mtl4j.runtime.config;

import dev.mtl4j.api.spi.ComponentFactory;
import dev.mtl4j.api.spi.Param;
import dev.mtl4j.runtime.plugin.ComponentCatalog;
import dev.mtl4j.runtime.plugin.Family;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** An in-memory catalog with stand-ins for the built-in components, shaped like the real ones. */
final class TestCatalog implements ComponentCatalog {

    record MlpConfig(
            @Param(doc = "hidden widths", min = 1) List<Integer> hidden,
            @Param(doc = "activation", defaultValue = "relu", oneOf = {"relu", "tanh"}) String activation,
            @Param(doc = "dropout", defaultValue = "0", min = 0, max = 0.99) double dropout) {
    }

    record ClassificationConfig(
            @Param(doc = "classes", defaultValue = Param.NONE, min = 2) Integer classes,
            @Param(doc = "hidden widths", defaultValue = "[]", min = 1) List<Integer> hidden) {
    }

    record PlainHeadConfig(@Param(doc = "hidden widths", defaultValue = "[]", min = 1) List<Integer> hidden) {
    }

    record RegressionConfig(
            @Param(doc = "outputs", defaultValue = Param.NONE, min = 1) Integer outputs,
            @Param(doc = "loss", defaultValue = "mse", oneOf = {"mse", "mae"}) String loss,
            @Param(doc = "hidden widths", defaultValue = "[]", min = 1) List<Integer> hidden) {
    }

    record HardConfig() {
    }

    record CsvConfig(
            @Param(doc = "the file") String path,
            @Param(doc = "the delimiter", defaultValue = ",") String delimiter,
            @Param(doc = "cells meaning missing", defaultValue = "[\"\"]") List<String> missing) {
    }

    record FineTuneConfig(
            @Param(doc = "the encoder's learning rate", defaultValue = Param.NONE) Double lr,
            @Param(doc = "per-layer learning-rate factor, in (0, 1]", defaultValue = "1.0", min = Double.MIN_VALUE, max = 1)
            double decay,
            @Param(doc = "lowest layers kept frozen", defaultValue = "0", min = 0) int freeze) {
    }

    record FeatureExtractionConfig() {
    }

    record GradualUnfreezingConfig(
            @Param(doc = "the encoder's learning rate", defaultValue = Param.NONE) Double lr,
            @Param(doc = "per-layer learning-rate factor, in (0, 1]", defaultValue = "1.0", min = Double.MIN_VALUE, max = 1)
            double decay,
            @Param(doc = "epochs between two unfreezings", defaultValue = "1", min = 1) int every) {
    }

    record TestFactory<C extends Record>(String name, Class<C> configType) implements ComponentFactory<C> {
        @Override
        public String description() {
            return "test " + name;
        }
    }

    private final Map<Family<?>, Map<String, ComponentFactory<?>>> factories = new HashMap<>();

    TestCatalog() {
        add(Family.ENCODER, new TestFactory<>("mlp", MlpConfig.class));
        add(Family.HEAD, new TestFactory<>("classification", ClassificationConfig.class));
        add(Family.HEAD, new TestFactory<>("binary", PlainHeadConfig.class));
        add(Family.HEAD, new TestFactory<>("multilabel", PlainHeadConfig.class));
        add(Family.HEAD, new TestFactory<>("regression", RegressionConfig.class));
        add(Family.SHARING, new TestFactory<>("hard", HardConfig.class));
        add(Family.DATASET, new TestFactory<>("csv", CsvConfig.class));
        add(Family.TRANSFER, new TestFactory<>("fine-tune", FineTuneConfig.class));
        add(Family.TRANSFER, new TestFactory<>("feature-extraction", FeatureExtractionConfig.class));
        add(Family.TRANSFER, new TestFactory<>("gradual-unfreezing", GradualUnfreezingConfig.class));
    }

    private void add(Family<?> family, ComponentFactory<?> factory) {
        factories.computeIfAbsent(family, f -> new TreeMap<>()).put(factory.name(), factory);
    }

    @Override
    public Optional<ComponentFactory<?>> find(Family<?> family, String type) {
        return Optional.ofNullable(factories.getOrDefault(family, Map.of()).get(type));
    }

    @Override
    public SortedSet<String> names(Family<?> family) {
        return new TreeSet<>(factories.getOrDefault(family, Map.of()).keySet());
    }

    @Override
    public java.util.Set<String> pluginClasses() {
        return java.util.Set.of();
    }

    @Override
    public String origin(ComponentFactory<?> factory) {
        return "test classes";
    }
}
