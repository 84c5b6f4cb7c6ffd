package dev.mtl4j.spark;

import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.compile.GraphCompiler;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.data.Splitter;
import dev.mtl4j.runtime.eval.Evaluator;
import dev.mtl4j.runtime.model.ProvenanceRecorder;
import dev.mtl4j.runtime.model.TrainedModel;
import dev.mtl4j.runtime.plugin.PipelineComponents;
import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.TrainingHistory;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Trains a pipeline on Apache Spark: the data read by Spark, split as one machine splits it, the
 * encoding fitted by Spark aggregations ({@link EncodingFit}), the training rows encoded where they
 * are and kept in the executors' memory, the network trained by synchronous averaging of parameters
 * and optimizer state ({@link ParameterAveraging}). The result is the runtime's own
 * {@link TrainedModel}: {@link MtlRuntime#save} writes the same model file a single-machine run
 * writes, which {@code mtl eval} and {@code mtl predict} read. The validation and test rows are
 * encoded on the driver for the metrics (they must fit its memory; the training rows never reach it).
 */
public final class SparkTraining {
    private final MtlRuntime runtime;
    private final SparkSession spark;
    private final Consumer<AveragingRound> rounds;

    public SparkTraining(MtlRuntime runtime, SparkSession spark) {
        this(runtime, spark, round -> { });
    }

    /** @param rounds hears what each averaging round cost */
    public SparkTraining(MtlRuntime runtime, SparkSession spark, Consumer<AveragingRound> rounds) {
        this.runtime = runtime;
        this.spark = spark;
        this.rounds = rounds;
    }

    /**
     * Trains a pipeline with {@code training.distributed}, reading its {@code data.source} (csv or
     * parquet; a local path, relative to {@code baseDirectory}, or any URI Spark reads).
     *
     * @throws MtlException CONFIG_INVALID for what Spark training does not do, DATA_INVALID for bad data
     */
    public TrainingResult train(PipelineSpec spec, Path baseDirectory, TrainingListener listener) {
        SparkSupport.check(spec);
        return train(spec, SourceRows.read(spark, spec.data().source(), baseDirectory), listener);
    }

    /** Trains on a DataFrame the program read itself (any source Spark reads); {@code origin} names it in messages. */
    public TrainingResult train(PipelineSpec spec, Dataset<Row> data, String origin, TrainingListener listener) {
        SparkSupport.check(spec);
        return train(spec, SourceRows.of(origin, data, Set.of(), null), listener);
    }

    /** The encoding a Spark run fits for this pipeline (its training rows' statistics), and nothing else. */
    Preprocessor fitEncoding(PipelineSpec spec, Path baseDirectory) {
        SourceRows source = SourceRows.read(spark, spec.data().source(), baseDirectory);
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SplitRoles> roles = context.broadcast(SplitRoles.of(spec.data().split(), Jobs.run(source.rows()::count),
                spec.training().seed(), source.origin()));
        JavaRDD<IndexedCells> train = source.rows().filter(r -> roles.value().role(r.index()) == SplitRoles.TRAIN);
        return EncodingFit.fit(spec, source, train, PipelineComponents.resolve(runtime.resolver(), spec).targetRequests());
    }

    private TrainingResult train(PipelineSpec spec, SourceRows source, TrainingListener listener) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        PipelineComponents components = PipelineComponents.resolve(runtime.resolver(), spec);
        JavaRDD<IndexedCells> rows = source.rows().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long count = Jobs.run(rows::count);
            Broadcast<SplitRoles> roles = context.broadcast(SplitRoles.of(spec.data().split(), count,
                    spec.training().seed(), source.origin()));
            JavaRDD<IndexedCells> train = rows.filter(r -> roles.value().role(r.index()) == SplitRoles.TRAIN);
            Preprocessor preprocessor = EncodingFit.fit(spec, source, train, components.targetRequests());
            PartitionTable encoder = new PartitionTable(source.origin(), source.columns(), preprocessor);
            JavaRDD<EncodedChunk> partitions = partitioned(train, spec).mapPartitions(it -> {
                try {
                    return List.of(encoder.encode(it)).iterator();
                } catch (MtlException e) {
                    throw WorkerFailure.of(e);
                }
            }).persist(StorageLevel.MEMORY_ONLY());
            List<Integer> partitionRows = Jobs.run(() -> partitions.map(c -> c.rows).collect());
            EncodedData validation = onDriver(rows, roles, SplitRoles.VALIDATION, encoder, preprocessor);
            EncodedData test = onDriver(rows, roles, SplitRoles.TEST, encoder, preprocessor);
            ComputationGraph graph = compile(spec, components, preprocessor);
            List<EpochReport> reports = new ParameterAveraging(context, listener, rounds).train(graph, spec.training(),
                    spec.tasks(), preprocessor, partitions, partitionRows, validation);
            partitions.unpersist();
            roles.destroy();
            Map<String, Map<String, Map<String, Double>>> metrics = new LinkedHashMap<>();
            if (validation != null) {
                metrics.put("validation", Evaluator.evaluate(graph, validation, spec.tasks(), preprocessor));
            }
            if (test != null) {
                metrics.put("test", Evaluator.evaluate(graph, test, spec.tasks(), preprocessor));
            }
            TrainedModel model = new TrainedModel(spec, graph, preprocessor, ProvenanceRecorder.record(runtime.registry(),
                    spec.training().seed(), source.file() == null ? List.of() : List.of(source.file())));
            return new TrainingResult(model, new TrainingHistory(reports, reports.size(), false), metrics);
        } finally {
            rows.unpersist();
        }
    }

    /** The training rows in as many partitions as there are workers: merged without moving data, or spread. */
    private JavaRDD<IndexedCells> partitioned(JavaRDD<IndexedCells> train, PipelineSpec spec) {
        int workers = spec.training().distributed().workers();
        int wanted = workers > 0 ? workers : spark.sparkContext().defaultParallelism();
        int now = train.getNumPartitions();
        return now == wanted ? train : now > wanted ? train.coalesce(wanted) : train.repartition(wanted);
    }

    /** One split's rows gathered on the driver in file order and encoded there, or null when it has none. */
    private static EncodedData onDriver(JavaRDD<IndexedCells> rows, Broadcast<SplitRoles> roles, byte role,
                                        PartitionTable encoder, Preprocessor preprocessor) {
        List<IndexedCells> picked = Jobs.run(() -> rows.filter(r -> roles.value().role(r.index()) == role).collect());
        if (picked.isEmpty()) {
            return null;
        }
        List<IndexedCells> ordered = picked.stream().sorted(Comparator.comparingLong(IndexedCells::index)).toList();
        RawTable table = encoder.table(ordered.iterator());
        return preprocessor.encode(table, Splitter.all(table));
    }

    private static ComputationGraph compile(PipelineSpec spec, PipelineComponents components, Preprocessor preprocessor) {
        Map<String, TargetInfo> targets = new LinkedHashMap<>();
        for (TaskSpec task : spec.tasks()) {
            targets.put(task.name(), preprocessor.targetInfo(task.name()));
        }
        return new GraphCompiler().compile(spec, preprocessor.featureInput(),
                components.encoderOver(preprocessor.features().text()), components.sharing(), components.heads(), targets)
                .graph();
    }
}
