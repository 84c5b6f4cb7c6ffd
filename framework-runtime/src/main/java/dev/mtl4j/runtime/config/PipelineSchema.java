package dev.mtl4j.runtime.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtl4j.api.spec.CheckpointSpec;
import dev.mtl4j.api.spec.DistributedSpec;
import dev.mtl4j.api.spec.FeatureOptions;
import dev.mtl4j.api.spec.FeatureType;
import dev.mtl4j.api.spec.OptimizerSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spec.UnseenCategory;
import dev.mtl4j.runtime.plugin.ComponentCatalog;
import dev.mtl4j.runtime.plugin.Family;
import dev.mtl4j.runtime.plugin.ParamSchema;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pipeline file format as a JSON Schema (draft-07), for editors that complete and check YAML.
 * Each section's keys are the readers' own key lists, so the schema cannot describe another format
 * than the loader reads (a key without a schema fails here, in every test that builds it); each
 * component is described per type, from the config records of the plugins in {@code catalog}. The
 * loader stays the judge: it also checks what a schema cannot say (task names in {@code sharing.at},
 * the source model of a transfer).
 */
public final class PipelineSchema {
    private static final String DRAFT = "http://json-schema.org/draft-07/schema#";

    private final ComponentCatalog catalog;
    private final SchemaNodes nodes = new SchemaNodes();

    public PipelineSchema(ComponentCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** The schema as indented JSON text. */
    public String json() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(schema()) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ObjectNode schema() {
        ObjectNode definitions = nodes.object();
        for (Family<?> family : Family.all()) {
            definitions.set(family.id(), new ComponentSchema(catalog, nodes).of(family));
        }
        definitions.set("split", split());
        definitions.set("task", task());
        definitions.set("training", training());
        definitions.set("pipeline", pipeline());
        definitions.set("transferPipeline", transferPipeline());
        ObjectNode schema = nodes.object().put("$schema", DRAFT).put("title", "mtl4j pipeline")
                .put("description", "A pipeline file of mtl4j (mtl train), or a transfer pipeline (mtl transfer): "
                        + "a file with a top-level 'transfer' section.");
        schema.set("if", nodes.object().set("required", nodes.strings(List.of(PipelineYamlReader.TRANSFER))));
        schema.set("then", nodes.ref("transferPipeline"));
        schema.set("else", nodes.ref("pipeline"));
        schema.set("definitions", definitions);
        return schema;
    }

    private ObjectNode pipeline() {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        keys.put("pipeline", nodes.text("The pipeline's name; the default output folder is runs/<name>."));
        keys.put("data", data());
        keys.put("encoder", nodes.described(nodes.ref(Family.ENCODER.id()), "The shared body every task reads."));
        keys.put("sharing", nodes.described(nodes.ref(Family.SHARING.id()), "How tasks share parameters [hard]."));
        keys.put("tasks", tasks());
        keys.put("training", nodes.ref("training"));
        keys.put("strategy", nodes.described(nodes.ref(Family.TRANSFER.id()), "Train with a transfer strategy from scratch:"
                + " domain-adversarial or coral (with data.target), reptile or fomaml."));
        keys.put("search", search());
        return section("pipeline", PipelineYamlReader.KEYS, keys, List.of("pipeline", "data", "encoder", "tasks"),
                "A pipeline: data, a shared encoder, tasks with their heads, training.");
    }

    /** mtl tune's section: each searched key's range or choices. */
    private ObjectNode search() {
        ObjectNode range = nodes.object().put("type", "array").put("minItems", 2).put("maxItems", 2);
        range.set("items", nodes.object().put("type", "number"));
        ObjectNode choices = nodes.object().put("type", "array").put("minItems", 1);
        Map<String, JsonNode> kinds = new LinkedHashMap<>();
        for (SearchDimension.Kind kind : SearchDimension.Kind.values()) {
            kinds.put(kind.yamlName(), kind == SearchDimension.Kind.CHOICE ? choices : range);
        }
        ObjectNode dimension = nodes.object().put("type", "object").put("minProperties", 1).put("maxProperties", 1);
        dimension.set("properties", nodes.object().setAll(kinds));
        dimension.put("additionalProperties", false);
        ObjectNode space = nodes.object().put("type", "object").put("minProperties", 1)
                .put("description", "A pipeline key as for --set -> how its values are drawn.");
        space.set("additionalProperties", dimension);
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        keys.put("method", nodes.described(nodes.oneOfNames(List.of("random", "halving")), "Random search [random] or "
                + "successive halving."));
        keys.put("objective", nodes.text("mean [mean] (each task's accuracy, or R² for regression, averaged) or TASK.METRIC."));
        keys.put("eta", nodes.integer("Halving: each rung keeps the best 1/eta [3].", 2));
        keys.put("seed", nodes.integer("Seeds the draws [training.seed].", null));
        keys.put("space", space);
        return section("search", SearchReader.KEYS, keys, List.of("space"), "What mtl tune varies (docs/tuning.md).");
    }

    private ObjectNode transferPipeline() {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        keys.put("pipeline", nodes.text("The pipeline's name; the default output folder is runs/<name>."));
        keys.put("transfer", transfer());
        keys.put("data", transferData());
        keys.put("tasks", tasks());
        keys.put("training", nodes.ref("training"));
        return section("transfer pipeline", PipelineYamlReader.TRANSFER_KEYS, keys,
                List.of("pipeline", "transfer", "data"),
                "A transfer pipeline: a trained model, a transfer strategy, new tasks and their data.");
    }

    private ObjectNode data() {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        keys.put("source", nodes.described(nodes.ref(Family.DATASET.id()), "Where the rows come from."));
        keys.put("features", features());
        keys.put("drop", nodes.texts("Columns never used (e.g. one that leaks a label)."));
        keys.put("split", nodes.ref("split"));
        keys.put("unseen", nodes.described(nodes.oneOfNames(Arrays.stream(UnseenCategory.values()).map(UnseenCategory::yamlName).toList()),
                "A category never seen in training: error [error], or an extra 'other' slot."));
        keys.put("target", target());
        return section("data", DataReader.KEYS, keys, List.of("features"), "The rows and how their columns are encoded.");
    }

    private ObjectNode target() {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        keys.put("source", nodes.described(nodes.ref(Family.DATASET.id()), "Where the target domain's rows come from."));
        keys.put("split", nodes.ref("split"));
        return section("target", DataReader.TARGET_KEYS, keys, List.of("source"),
                "Unlabelled rows of the target domain, for domain adaptation; labelled test rows measure it.");
    }

    private ObjectNode features() {
        ObjectNode type = nodes.oneOfNames(Arrays.stream(FeatureType.values()).map(FeatureType::yamlName).toList());
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        keys.put("type", type);
        keys.put("levels", nodes.texts("An ordinal feature's levels, low to high."));
        ParamSchema.properties(FeatureOptions.class).fields().forEachRemaining(e -> keys.put(e.getKey(), e.getValue()));
        ObjectNode detailed = section("feature", DataReader.FEATURE_KEYS, keys, List.of("type"),
                "A feature with options: { type: ordinal, levels: [low, ..., high] }, { type: numeric, transform: log }.");
        ObjectNode feature = nodes.object();
        feature.set("anyOf", nodes.array().add(type.deepCopy()).add(detailed));
        ObjectNode features = nodes.object().put("type", "object").put("description",
                "Column name or glob (*, px*) -> numeric | categorical | text | { type: ordinal, levels: [...] }. "
                        + "An exact name wins over globs; otherwise the first matching glob.");
        features.set("additionalProperties", feature);
        return features;
    }

    private ObjectNode split() {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        keys.put("test", nodes.fraction("The fraction of rows held out for testing [0.2; 0 with a column]."));
        keys.put("validation", nodes.fraction("The fraction of the training rows held out for validation [0]."));
        keys.put("seed", nodes.integer("The split's seed [42].", null));
        keys.put("column", nodes.text("A column whose cells say train, validation or test (instead of a random split)."));
        keys.put("limit", nodes.integer("Keep at most this many training rows, drawn with the training seed [0: all].", 0));
        keys.put("stratify", nodes.textOrTexts("Keep these columns' values (jointly; usually a task's label) in proportion "
                + "in every part of a random split."));
        return section("split", DataReader.SPLIT_KEYS, keys, List.of(), "How rows split into train, validation and test.");
    }

    private ObjectNode tasks() {
        ObjectNode tasks = nodes.object().put("type", "object").put("description", "Task name -> its head, weight, labels.");
        tasks.set("additionalProperties", nodes.ref("task"));
        return tasks;
    }

    private ObjectNode task() {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        keys.put("head", nodes.described(nodes.ref(Family.HEAD.id()), "The task's head."));
        ObjectNode weight = nodes.object().put("type", "number").put("minimum", 0)
                .put("description", "λ: scales the task's loss and gradient [1.0].");
        keys.put("weight", weight);
        keys.put("labels", nodes.texts("The label columns [the task's name]."));
        keys.put("label", nodes.text("The one label column (instead of labels)."));
        keys.put("data", taskData());
        return section("task", TaskReader.KEYS, keys, List.of("head"), "One task.");
    }

    private ObjectNode taskData() {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        keys.put("source", nodes.described(nodes.ref(Family.DATASET.id()), "The task's own rows."));
        keys.put("split", nodes.ref("split"));
        keys.put("drop", nodes.texts("Columns of this file never used."));
        ObjectNode rename = nodes.object().put("type", "object").put("description",
                "Read this file's column as another name: { review: body }.");
        rename.set("additionalProperties", nodes.text("The name the pipeline's features use."));
        keys.put("rename", rename);
        return section("task data", DataReader.TASK_KEYS, keys, List.of("source"),
                "A task's own data set; the features are the pipeline's.");
    }

    private ObjectNode training() {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        keys.put("epochs", nodes.integer("Passes over the training data [10].", 1));
        keys.put("batchSize", nodes.integer("Rows per batch [64].", 1));
        keys.put("optimizer", optimizer());
        keys.put("seed", nodes.integer("One seed for weights, shuffling and dropout [42].", null));
        keys.put("shuffle", nodes.object().put("type", "boolean").put("description", "Shuffle the rows every epoch [true]."));
        keys.put("earlyStopping", earlyStopping());
        keys.put("sampler", nodes.described(nodes.ref(Family.SAMPLER.id()),
                "Which task's data set each batch comes from, when tasks bring their own data [proportional]."));
        keys.put("init", nodes.described(nodes.oneOfNames(TrainingSpec.INITS), "How the weights start [auto]."));
        keys.put("checkpoint", checkpoint());
        keys.put("distributed", distributed());
        keys.put("weighting", nodes.described(nodes.ref(Family.WEIGHTING.id()),
                "How the tasks' losses or gradients make one update [static]."));
        return section("training", TrainingReader.KEYS, keys, List.of(), "How the network trains.");
    }

    private ObjectNode checkpoint() {
        ObjectNode checkpoint = nodes.object().put("type", "object").put("description",
                "Save a checkpoint every N epochs; mtl train --resume goes on from it.");
        checkpoint.set("properties", ParamSchema.properties(CheckpointSpec.class));
        checkpoint.set("required", nodes.strings(ParamSchema.required(CheckpointSpec.class)));
        checkpoint.put("additionalProperties", false);
        return checkpoint;
    }

    private ObjectNode distributed() {
        ObjectNode distributed = nodes.object().put("type", "object").put("description",
                "Train on Apache Spark (the mtl4j-spark module, run by spark-submit).");
        distributed.set("properties", ParamSchema.properties(DistributedSpec.class));
        distributed.put("additionalProperties", false);
        return distributed;
    }

    private ObjectNode optimizer() {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        keys.put("type", nodes.described(nodes.oneOfNames(OptimizerSpec.TYPES.stream().sorted().toList()), "[adam]"));
        keys.put("lr", nodes.object().put("type", "number").put("exclusiveMinimum", 0).put("description", "Learning rate [1e-3]."));
        keys.put("momentum", nodes.object().put("type", "number").put("minimum", 0).put("exclusiveMaximum", 1)
                .put("description", "sgd's momentum (Nesterov) [0]."));
        keys.put("weightDecay", nodes.object().put("type", "number").put("minimum", 0).put("description", "L2 weight decay [0]."));
        return section("optimizer", TrainingReader.OPTIMIZER_KEYS, keys, List.of(), "The optimizer.");
    }

    private ObjectNode earlyStopping() {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        keys.put("task", nodes.text("The task whose metric is watched (not for metric: loss)."));
        keys.put("metric", nodes.text("accuracy, macro-f1, ... of the task, or loss."));
        keys.put("patience", nodes.integer("Epochs without improvement before stopping.", 1));
        return section("earlyStopping", TrainingReader.EARLY_STOPPING_KEYS, keys, List.of("metric", "patience"),
                "Stop when the validation metric stops improving; the best epoch's parameters are kept.");
    }

    private ObjectNode transfer() {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        keys.put("from", nodes.text("The trained model file, relative to this file's folder."));
        keys.put("strategy", nodes.described(nodes.ref(Family.TRANSFER.id()), "How the source model serves the new tasks."));
        keys.put("keep", nodes.texts("Source tasks that go on training with the new ones."));
        return section("transfer", TransferReader.KEYS, keys, List.of("from", "strategy"), "The source model and strategy.");
    }

    private ObjectNode transferData() {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        keys.put("source", nodes.described(nodes.ref(Family.DATASET.id()), "The new tasks' rows."));
        keys.put("split", nodes.ref("split"));
        keys.put("target", target());
        return section("transfer data", TransferReader.DATA_KEYS, keys, List.of("source"),
                "The new rows; the features and their encoding come from the source model.");
    }

    /**
     * An object with exactly the keys a reader accepts.
     *
     * @throws IllegalStateException when the schema and the reader's keys differ
     */
    private ObjectNode section(String name, List<String> readerKeys, Map<String, JsonNode> keys, List<String> required,
                               String description) {
        if (!keys.keySet().equals(new java.util.LinkedHashSet<>(readerKeys))) {
            throw new IllegalStateException("the schema of section '" + name + "' describes " + keys.keySet()
                    + " but the reader accepts " + readerKeys);
        }
        return nodes.closedObject(keys, required, description);
    }
}
