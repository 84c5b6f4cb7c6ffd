package dev.mtl4j.runtime.config;

import dev.mtl4j.api.spec.CheckpointSpec;
import dev.mtl4j.api.spec.DistributedSpec;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.runtime.plugin.ParamBinder;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Every section of a pipeline file with its keys: what the readers allow and {@code mtl describe} shows. */
public final class Sections {
    static final Section PIPELINE = new Section("pipeline", "(top level)", "A pipeline file: data, a shared encoder, tasks, training.",
            List.of(key("pipeline", "text", "required", "the pipeline's name (also the default output folder runs/<name>)"),
                    key("data", "section", "required", "where the rows come from and how columns are encoded (mtl describe data)"),
                    key("encoder", "component", "required", "the shared body (mtl plugins lists the encoder types)"),
                    key("sharing", "component", "hard", "how tasks share parameters: hard, soft, hierarchical, attention"),
                    key("tasks", "map", "required", "task name -> its head, weight, labels, data (mtl describe tasks)"),
                    key("training", "section", "defaults", "epochs, batch size, optimizer, seed ... (mtl describe training)"),
                    key("strategy", "component", "none", "train with a transfer strategy from scratch: domain-adversarial or"
                            + " coral (with data.target), reptile or fomaml (mtl describe TYPE)"),
                    key("search", "section", "none", "what mtl tune varies; mtl train ignores it (mtl describe search)")));
    static final Section SEARCH = new Section("search", "search",
            "What mtl tune varies and how it picks; each trial trains on the training rows and is scored on the validation "
                    + "rows (docs/tuning.md). mtl train ignores this section.",
            List.of(key("space", "map", "required", "a pipeline key as for --set (training.optimizer.lr, encoder.hidden, "
                            + "tasks.T.weight, sharing ...) -> { uniform: [lo, hi] } | { logUniform: [lo, hi] } | "
                            + "{ int: [lo, hi] } | { choice: [v1, v2 ...] }"),
                    key("method", "random | halving", "random", "random search, or successive halving over epochs "
                            + "(many short trials, the best 1/eta go on eta times longer)"),
                    key("objective", "mean | TASK.METRIC", "mean", "what is maximised on the validation rows: the mean of "
                            + "each task's accuracy (R² for regression), or one task's metric (a loss or error is minimised)"),
                    key("eta", "integer >= 2", String.valueOf(SearchSpec.DEFAULT_ETA), "halving: the fraction kept per rung"),
                    key("seed", "integer", "training.seed", "seeds the draws: trial N's values depend on it and N only")));
    static final Section TRANSFER_PIPELINE = new Section("transfer-pipeline", "(top level of a transfer pipeline)",
            "A transfer pipeline: a trained model carried over to new tasks.",
            List.of(key("pipeline", "text", "required", "the pipeline's name (also the default output folder runs/<name>)"),
                    key("transfer", "section", "required", "the source model and the strategy (mtl describe transfer)"),
                    key("data", "section", "required", "the new rows: source and split only; features come from the source model"),
                    key("tasks", "map", "required", "the new tasks (mtl describe tasks)"),
                    key("training", "section", "defaults", "as in a pipeline (mtl describe training)")));
    static final Section DATA = new Section("data", "data", "Where the rows come from and how each column is encoded.",
            List.of(key("source", "component", "required unless every task has its own data",
                            "a data set, e.g. { type: csv, path: file.csv } (mtl describe csv)"),
                    key("features", "map", "required", "column name or glob -> numeric | categorical | text | "
                            + "{ type: ordinal, levels: [...] } (mtl describe features)"),
                    key("drop", "list of text", "[]", "columns never used (e.g. one that leaks a label)"),
                    key("split", "section", "{ test: 0.2, seed: 42 }", "train / validation / test rows (mtl describe split)"),
                    key("unseen", "error | other", "error", "a category never seen in training: an error, or an extra 'other' slot"),
                    key("target", "section", "none", "unlabelled rows of the target domain, for domain adaptation "
                            + "(mtl describe target)")));
    static final Section TARGET = new Section("target", "data.target",
            "Rows of the target domain, read with the pipeline's (or the source model's) features: the training rows train the "
                    + "domain-adaptation device without their labels; the test rows, when the file has the tasks' labels, "
                    + "measure the tasks on the target domain (split 'target').",
            List.of(key("source", "component", "required", "a data set, e.g. { type: csv, path: target.csv }"),
                    key("split", "section", "{ test: 0.2, seed: 42 }", "unlabelled training rows / labelled test rows "
                            + "(mtl describe split; no validation rows)")));
    static final Section SPLIT = new Section("split", "data.split", "How rows divide into training, validation and test rows.",
            List.of(key("test", "number in [0, 1)", String.valueOf(SplitSpec.DEFAULT_TEST) + " (0 with column)",
                            "the fraction of rows held out for test"),
                    key("validation", "number in [0, 1)", "0", "the fraction of training rows held out for validation "
                            + "(per-epoch metrics, early stopping)"),
                    key("seed", "integer", String.valueOf(SplitSpec.DEFAULT_SEED), "the seed of the random split"),
                    key("column", "text", "none", "a column whose cells say train, validation or test, instead of a random split"),
                    key("limit", "integer >= 0", "0 (all)", "at most this many training rows, drawn with the training seed"),
                    key("stratify", "column or list of columns", "none", "keep these columns' values (jointly; "
                            + "usually a task's label) in proportion in every part of a random split")));
    /** Its keys are type, levels and FeatureOptions' @Param components (declared once, for the reader, describe and the schema). */
    static final Section FEATURE = new Section("features", "data.features.<column or glob>",
            "How a column is encoded: numeric, categorical, text, { type: ordinal, levels: [...] }, or a type with options "
                    + "({ type: numeric, transform: log }; docs/tabular.md).",
            Stream.concat(Stream.of(key("type", "numeric | categorical | ordinal | text", "required",
                            "numeric: standardised (or transformed); categorical: one-hot; ordinal: rank in [0, 1]; text: "
                                    + "read by a text encoder"),
                    key("levels", "list of text", "[]", "ordinal only: the levels from low to high")),
                    params(dev.mtl4j.api.spec.FeatureOptions.class).stream()).toList());
    static final Section TASK = new Section("tasks", "tasks.<name>", "One task: its head, its weight and its label columns.",
            List.of(key("head", "component", "required", "classification, binary, multilabel or regression (mtl describe HEAD)"),
                    key("weight", "number >= 0", String.valueOf(TaskSpec.DEFAULT_WEIGHT),
                            "λ: scales the task's loss and gradient; 0 trains nothing of it"),
                    key("labels", "list of text", "[the task's name]", "the label columns"),
                    key("label", "text", "the task's name", "one label column (instead of labels)"),
                    key("data", "section", "none", "the task's own data set (mtl describe task-data)")));
    static final Section TASK_DATA = new Section("task-data", "tasks.<name>.data",
            "A task's own data set; the features stay the pipeline's.",
            List.of(key("source", "component", "required", "a data set, e.g. { type: csv, path: file.csv }"),
                    key("split", "section", "{ test: 0.2, seed: 42 }", "as data.split (mtl describe split)"),
                    key("drop", "list of text", "[]", "this file's columns never used"),
                    key("rename", "map", "{}", "this file's column -> the pipeline's name for it")));
    static final Section TRAINING = new Section("training", "training", "How the network is trained.",
            List.of(key("epochs", "integer >= 1", String.valueOf(TrainingSpec.DEFAULT_EPOCHS), "passes over the training rows"),
                    key("batchSize", "integer >= 1", String.valueOf(TrainingSpec.DEFAULT_BATCH_SIZE), "rows per step"),
                    key("optimizer", "section", "{ type: adam, lr: 0.001 }", "mtl describe optimizer"),
                    key("seed", "integer", String.valueOf(TrainingSpec.DEFAULT_SEED),
                            "seeds weights, shuffling and dropout: one seed, identical metrics"),
                    key("shuffle", "boolean", "true", "shuffle the training rows every epoch"),
                    key("earlyStopping", "section", "none", "stop when a validation metric stops improving (mtl describe earlyStopping)"),
                    key("sampler", "component", TrainingSpec.DEFAULT_SAMPLER,
                            "which data set each batch comes from, when tasks bring their own data"),
                    key("init", String.join(" | ", TrainingSpec.INITS), TrainingSpec.DEFAULT_INIT,
                            "how weights start: each component's choice, or one for every layer"),
                    key("checkpoint", "section", "none", "save a checkpoint every N epochs; mtl train --resume goes on "
                            + "from it (mtl describe checkpoint)"),
                    key("weighting", "component", TrainingSpec.DEFAULT_WEIGHTING,
                            "how the tasks' losses or gradients make one update: static, dwa, pcgrad ... (mtl describe TYPE)"),
                    key("distributed", "section", "none", "train on Apache Spark with the mtl4j-spark module "
                            + "(mtl describe distributed)")));
    /** Its keys are DistributedSpec's @Param components: declared once, for the reader, describe and the schema. */
    static final Section DISTRIBUTED = new Section("distributed", "training.distributed",
            "Train on Apache Spark (the mtl4j-spark module, run by spark-submit; mtl train trains on one machine): the "
                    + "training rows split among workers, each training a copy of the network, the copies' parameters "
                    + "and optimizer state averaged synchronously once per epoch or every `batches` batches.",
            params(DistributedSpec.class));
    /** Its keys are CheckpointSpec's @Param components: declared once, for the reader, describe and the schema. */
    static final Section CHECKPOINT = new Section("checkpoint", "training.checkpoint",
            "Save a checkpoint every `every` epochs into the output folder (checkpoint.zip); mtl train PIPELINE --resume "
                    + "goes on from it to the result the interrupted run would have had.",
            params(CheckpointSpec.class));
    static final Section OPTIMIZER = new Section("optimizer", "training.optimizer", "The optimizer: adam, or sgd with Nesterov momentum.",
            List.of(key("type", "adam | sgd", "adam", "the update rule"),
                    key("lr", "number > 0", String.valueOf(TrainingSpec.DEFAULT_LEARNING_RATE), "the learning rate"),
                    key("momentum", "number in [0, 1)", "0", "sgd only: Nesterov momentum"),
                    key("weightDecay", "number >= 0", "0", "decoupled weight decay on weights (not biases)")),
            List.of("adam", "sgd"));
    static final Section EARLY_STOPPING = new Section("earlyStopping", "training.earlyStopping",
            "Stop when a validation metric has not improved for `patience` epochs; the best epoch's parameters are kept. "
                    + "Needs validation rows.",
            List.of(key("task", "text", "none", "the task whose metric is watched; none for the joint loss"),
                    key("metric", "text", "required", "loss, or a task's metric (accuracy, macro-f1, log-loss, auc, mse, r2 ...)"),
                    key("patience", "integer >= 1", "required", "epochs without improvement before stopping")),
            List.of("early-stopping"));
    static final Section TRANSFER = new Section("transfer", "transfer", "Which trained model serves the new tasks, and how.",
            List.of(key("from", "path", "required", "the source model.zip, relative to the pipeline file "
                            + "(mtl transfer --from overrides it)"),
                    key("strategy", "component", "required", "fine-tune, feature-extraction, gradual-unfreezing ... (mtl describe TYPE)"),
                    key("keep", "list of text", "[]", "source tasks that go on training beside the new ones")));
    static final Section TRANSFER_DATA = new Section("transfer-data", "data (transfer pipeline)",
            "A transfer pipeline's rows; the features and their encoding come from the source model.",
            List.of(key("source", "component", "required", "a data set, e.g. { type: csv, path: file.csv }"),
                    key("split", "section", "{ test: 0.2, seed: 42 }", "as data.split (mtl describe split)"),
                    key("target", "section", "none", "unlabelled rows of the target domain, for a domain-adaptation strategy "
                            + "(mtl describe target)")));

    private static final List<Section> ALL = List.of(PIPELINE, TRANSFER_PIPELINE, DATA, TARGET, SPLIT, FEATURE, TASK, TASK_DATA,
            TRAINING, OPTIMIZER, EARLY_STOPPING, CHECKPOINT, DISTRIBUTED, TRANSFER, TRANSFER_DATA, SEARCH);

    private Sections() {
    }

    /** Every section, in the order a pipeline file reads. */
    public static List<Section> all() {
        return ALL;
    }

    /** The section {@code mtl describe NAME} means: by name, alias or YAML path, case-insensitively. */
    public static Optional<Section> find(String name) {
        return ALL.stream().filter(s -> s.name().equalsIgnoreCase(name) || s.path().equalsIgnoreCase(name)
                || s.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(name))).findFirst();
    }

    /** One key per {@code @Param} component of a settings record. */
    private static List<Section.Key> params(Class<? extends Record> type) {
        return ParamBinder.describe(type).stream().map(p -> key(p.name(),
                p.type() + (p.constraint().isEmpty() ? "" : " " + p.constraint()), p.defaultText(), p.doc())).toList();
    }

    private static Section.Key key(String name, String type, String defaultText, String doc) {
        return new Section.Key(name, type, defaultText, doc);
    }
}
