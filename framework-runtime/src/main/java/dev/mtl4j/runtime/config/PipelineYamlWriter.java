package dev.mtl4j.runtime.config;

import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.DataSpec;
import dev.mtl4j.api.spec.DistributedSpec;
import dev.mtl4j.api.spec.EarlyStoppingSpec;
import dev.mtl4j.api.spec.FeatureOptions;
import dev.mtl4j.api.spec.FeatureSpec;
import dev.mtl4j.api.spec.FeatureType;
import dev.mtl4j.api.spec.OptimizerSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.api.spec.TargetDataSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spec.TransferPipelineSpec;
import dev.mtl4j.api.spec.TransferSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes a {@link PipelineSpec} (or a {@link TransferPipelineSpec}) as the canonical pipeline file
 * that {@link PipelineYamlReader} reads back to an equal spec. Every default is written out (split, optimizer, task weight and labels),
 * so a saved file says exactly how a model was trained even if defaults change later.
 *
 * <p>The document is built from plain maps and lists and emitted by SnakeYAML, whose emitter quotes
 * any string the reader would otherwise take for something else ({@code "*"}, {@code "yes"},
 * {@code "2024"}). Doubles are written as doubles ({@code 0.0}, {@code 1.0E-4}) and so read back as
 * doubles. One limit: a {@code Long} component parameter small enough for an int reads back as an
 * {@code Integer}, since YAML has one integer type.
 */
public final class PipelineYamlWriter {

    public String write(PipelineSpec spec) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("pipeline", spec.name());
        root.put("data", data(spec.data()));
        root.put("encoder", component(spec.encoder()));
        root.put("sharing", component(spec.sharing()));
        root.put("tasks", tasks(spec.tasks()));
        root.put("training", training(spec.training()));
        if (spec.strategy() != null) {
            root.put("strategy", component(spec.strategy()));
        }
        return yaml().dump(root);
    }

    /** The transfer pipeline file that {@link PipelineYamlReader#readTransfer} reads back to an equal spec. */
    public String write(TransferPipelineSpec spec) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("pipeline", spec.name());
        TransferSpec transfer = spec.transfer();
        Map<String, Object> transferMap = map("from", transfer.from(), "strategy", component(transfer.strategy()));
        transferMap.put("keep", new ArrayList<>(transfer.keep()));
        root.put("transfer", transferMap);
        Map<String, Object> data = map("source", component(spec.data().source()), "split", split(spec.data().split()));
        if (spec.data().target() != null) {
            data.put("target", target(spec.data().target()));
        }
        root.put("data", data);
        root.put("tasks", tasks(spec.tasks()));
        root.put("training", training(spec.training()));
        return yaml().dump(root);
    }

    private static Map<String, Object> tasks(List<TaskSpec> specs) {
        Map<String, Object> tasks = new LinkedHashMap<>();
        for (TaskSpec task : specs) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("head", component(task.head()));
            entry.put("weight", task.weight());
            entry.put("labels", new ArrayList<>(task.labels()));
            if (task.hasOwnData()) {
                Map<String, Object> data = map("source", component(task.data().source()), "split", split(task.data().split()));
                data.put("drop", new ArrayList<>(task.data().drop()));
                if (!task.data().rename().isEmpty()) {
                    data.put("rename", new LinkedHashMap<>(task.data().rename()));
                }
                entry.put("data", data);
            }
            tasks.put(task.name(), entry);
        }
        return tasks;
    }

    /** {@code numeric}, or a map when the feature has levels or options other than the defaults. */
    private static Object feature(FeatureSpec feature) {
        if (feature.type() != FeatureType.ORDINAL && feature.options().isDefault()) {
            return feature.type().yamlName();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", feature.type().yamlName());
        if (feature.type() == FeatureType.ORDINAL) {
            map.put("levels", new ArrayList<>(feature.levels()));
        }
        FeatureOptions options = feature.options();
        FeatureOptions defaults = FeatureOptions.DEFAULTS;
        if (options.transform() != defaults.transform()) {
            map.put("transform", options.transform().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (options.embedding() != defaults.embedding()) {
            map.put("embedding", options.embedding().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (options.embedAbove() != null) {
            map.put("embedAbove", options.embedAbove());
        }
        if (options.embeddingSize() != defaults.embeddingSize()) {
            map.put("embeddingSize", options.embeddingSize());
        }
        if (options.frequencies() != defaults.frequencies()) {
            map.put("frequencies", options.frequencies());
        }
        if (options.sigma() != defaults.sigma()) {
            map.put("sigma", options.sigma());
        }
        return map;
    }

    private static Map<String, Object> data(DataSpec data) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (data.source() != null) {
            map.put("source", component(data.source()));
        }
        Map<String, Object> features = new LinkedHashMap<>();
        for (FeatureSpec feature : data.features()) {
            features.put(feature.pattern(), feature(feature));
        }
        map.put("features", features);
        map.put("drop", new ArrayList<>(data.drop()));
        map.put("split", split(data.split()));
        map.put("unseen", data.unseen().yamlName());
        if (data.target() != null) {
            map.put("target", target(data.target()));
        }
        return map;
    }

    private static Map<String, Object> target(TargetDataSpec target) {
        return map("source", component(target.source()), "split", split(target.split()));
    }

    private static Map<String, Object> split(SplitSpec split) {
        Map<String, Object> map = map("test", split.test(), "validation", split.validation());
        map.put("seed", split.seed());
        if (split.column() != null) {
            map.put("column", split.column());
        }
        map.put("limit", split.limit());
        if (!split.stratify().isEmpty()) {
            map.put("stratify", new java.util.ArrayList<>(split.stratify()));
        }
        return map;
    }

    private static Map<String, Object> training(TrainingSpec training) {
        Map<String, Object> map = map("epochs", training.epochs(), "batchSize", training.batchSize());
        OptimizerSpec optimizer = training.optimizer();
        Map<String, Object> optimizerMap = map("type", optimizer.type(), "lr", optimizer.learningRate());
        optimizerMap.put("momentum", optimizer.momentum());
        optimizerMap.put("weightDecay", optimizer.weightDecay());
        map.put("optimizer", optimizerMap);
        map.put("seed", training.seed());
        map.put("shuffle", training.shuffle());
        EarlyStoppingSpec stopping = training.earlyStopping();
        if (stopping != null) {
            Map<String, Object> stoppingMap = new LinkedHashMap<>();
            if (stopping.task() != null) {
                stoppingMap.put("task", stopping.task());
            }
            stoppingMap.put("metric", stopping.metric());
            stoppingMap.put("patience", stopping.patience());
            map.put("earlyStopping", stoppingMap);
        }
        if (training.sampler() != null) {
            map.put("sampler", component(training.sampler()));
        }
        if (!training.init().equals(TrainingSpec.DEFAULT_INIT)) {
            map.put("init", training.init());
        }
        if (training.checkpoint() != null) {
            map.put("checkpoint", new LinkedHashMap<>(Map.of("every", training.checkpoint().every())));
        }
        DistributedSpec distributed = training.distributed();
        if (distributed != null) {
            Map<String, Object> distributedMap = map("engine", distributed.engine(), "workers", distributed.workers());
            if (distributed.master() != null) {
                distributedMap.put("master", distributed.master());
            }
            distributedMap.put("averaging", distributed.averaging());
            distributedMap.put("batches", distributed.batches());
            distributedMap.put("merge", distributed.merge());
            map.put("distributed", distributedMap);
        }
        if (training.weighting() != null) {
            map.put("weighting", component(training.weighting()));
        }
        return map;
    }

    private static Map<String, Object> component(ComponentSpec component) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", component.type());
        component.params().forEach((key, value) -> map.put(key, plain(value)));
        return map;
    }

    /** Copies the spec's unmodifiable collections into the plain ones the emitter writes without tags. */
    private static Object plain(Object value) {
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(PipelineYamlWriter::plain).toList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, plain(v)));
            return copy;
        }
        return value;
    }

    private static Map<String, Object> map(String key1, Object value1, String key2, Object value2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key1, value1);
        map.put(key2, value2);
        return map;
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.AUTO); // components and lists on one line
        options.setIndent(2);
        options.setWidth(120);
        options.setSplitLines(false);
        return new Yaml(new Representer(options), options);
    }
}
