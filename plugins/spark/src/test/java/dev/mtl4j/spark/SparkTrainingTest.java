package dev.mtl4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.CheckpointSpec;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.DataSpec;
import dev.mtl4j.api.spec.DistributedSpec;
import dev.mtl4j.api.spec.EarlyStoppingSpec;
import dev.mtl4j.api.spec.OptimizerSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.model.TrainedModel;
import dev.mtl4j.runtime.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on Spark local[2] (one session for the class: Spark starts slowly) against one machine. */
final class SparkTrainingTest {
    private static final Path PIPELINES = Path.of("../../examples/pipelines").toAbsolutePath().normalize();
    private static SparkSession spark;
    private static MtlRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = MtlRuntime.create();
        spark = SparkSession.builder().master("local[2]").appName("mtl4j-test")
                .config("spark.driver.host", "127.0.0.1").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void theEncodingFittedBySparkEqualsTheSingleMachineOne() {
        for (String pipeline : List.of("digits.yaml", "income.yaml")) {
            PipelineSpec spec = runtime.loadPipeline(PIPELINES.resolve(pipeline));
            Preprocessor single = runtime.prepare(spec, PIPELINES).preprocessor();
            Preprocessor onSpark = new SparkTraining(runtime, spark).fitEncoding(spec, PIPELINES);
            assertSameState(onSpark.toState(), single.toState(), pipeline);
        }
    }

    @Test
    void aParquetCopyOfTheDataGivesTheSameEncodingAndItsModelReadsParquetAtEvaluation(@TempDir Path dir) {
        PipelineSpec csv = runtime.loadPipeline(PIPELINES.resolve("income.yaml"));
        Path parquet = dir.resolve("income.parquet");
        spark.read().option("header", "true").csv(PIPELINES.resolve("../data/income_marketing.csv").toString())
                .write().parquet(parquet.toString());
        DataSpec data = csv.data();
        PipelineSpec onParquet = new PipelineSpec(csv.name(), new DataSpec(ComponentSpec.of("parquet").with("path",
                "income.parquet"), data.features(), data.drop(), data.split(), data.unseen()), csv.encoder(), csv.sharing(),
                csv.tasks(), new TrainingSpec(1, 64, null, 42, true, null).withDistributed(DistributedSpec.spark()));

        SparkTraining training = new SparkTraining(runtime, spark);
        assertSameState(training.fitEncoding(onParquet, dir).toState(), training.fitEncoding(csv, PIPELINES).toState(),
                "parquet");
        TrainingResult trained = training.train(onParquet, dir, TrainingListener.SILENT);
        Map<String, Map<String, Double>> evaluated = runtime.evaluate(trained.model(), parquet);
        assertThat(evaluated.get("MARITAL.STATUS").get("accuracy")).isGreaterThan(0.5);
    }

    @Test
    void incomeOnTwoWorkersReachesTheSingleMachineTestMetricsAndItsModelIsAnOrdinaryModel(@TempDir Path dir) {
        PipelineSpec income = runtime.loadPipeline(PIPELINES.resolve("income.yaml"));
        TrainingResult one = runtime.train(income.withTraining(oneMachine(6, 42)), PIPELINES, TrainingListener.SILENT);
        TrainingResult many = onTwoWorkers(income, 6);

        for (String task : List.of("INCOME", "MARITAL.STATUS")) {
            assertThat(many.metric("test", task, "accuracy")).as(task)
                    .isCloseTo(one.metric("test", task, "accuracy"), within(0.01));
        }
        assertThat(many.history().epochs()).hasSize(6);
        assertThat(many.history().epochs().get(5).trainLoss()).isLessThan(many.history().epochs().get(0).trainLoss());
        Path file = dir.resolve("model.zip");
        runtime.save(many.model(), file);
        TrainedModel loaded = runtime.load(file);
        Map<String, Map<String, Double>> evaluated = runtime.evaluate(loaded, PIPELINES.resolve("../data/income_marketing.csv"));
        assertThat(evaluated.get("INCOME").get("accuracy")).isGreaterThan(0.3);
        assertThat(runtime.predict(loaded, PIPELINES.resolve("../data/income_marketing.csv"))).isNotNull();
    }

    /**
     * Digits' two classification tasks within 1 point of one machine with the same seed. Its regression
     * task (ink) is compared with the range one machine itself reaches over three seeds: on one machine
     * ink's test R² moves by up to 0.1 from one seed to the next (Adam's loss spikes on the task of
     * weight 0.2; docs/spark.md), and two workers see the batches in another order, as another seed
     * would, so a same-seed match within 0.01 would be luck. 40 epochs: where one machine has stopped
     * improving (ink R² 0.835 after 10 epochs, 0.938 after 20, 0.955 after 40 with seed 42).
     */
    @Test
    void digitsOnTwoWorkersReachesTheSingleMachineTestMetrics() {
        PipelineSpec digits = runtime.loadPipeline(PIPELINES.resolve("digits.yaml"));
        int epochs = 40;
        TrainingResult one = runtime.train(digits.withTraining(oneMachine(epochs, 42)), PIPELINES, TrainingListener.SILENT);
        TrainingResult many = onTwoWorkers(digits, epochs);

        for (String task : List.of("digit", "parity")) {
            assertThat(many.metric("test", task, "accuracy")).as(task)
                    .isCloseTo(one.metric("test", task, "accuracy"), within(0.01));
        }
        double lowest = one.metric("test", "ink", "r2");
        double highest = lowest;
        for (long seed : new long[] {1, 3}) {
            double r2 = runtime.train(digits.withTraining(oneMachine(epochs, seed)), PIPELINES, TrainingListener.SILENT)
                    .metric("test", "ink", "r2");
            lowest = Math.min(lowest, r2);
            highest = Math.max(highest, r2);
        }
        assertThat(many.metric("test", "ink", "r2")).as("ink R² against one machine's seeds %.4f..%.4f", lowest, highest)
                .isBetween(lowest - 0.01, highest + 0.01);
    }

    private static TrainingSpec oneMachine(int epochs, long seed) {
        return new TrainingSpec(epochs, 64, OptimizerSpec.adam(1e-3), seed, true, null);
    }

    /** Two copies averaged once per epoch: each makes half the steps, so the learning rate is doubled. */
    private static TrainingResult onTwoWorkers(PipelineSpec spec, int epochs) {
        TrainingSpec onSpark = new TrainingSpec(epochs, 64, OptimizerSpec.adam(2e-3), 42, true, null)
                .withDistributed(new DistributedSpec("spark", null, 2, "epoch", 16));
        return new SparkTraining(runtime, spark).train(spec.withTraining(onSpark), PIPELINES, TrainingListener.SILENT);
    }

    @Test
    void whatSparkTrainingDoesNotDoIsAConfigErrorAtItsKey() {
        PipelineSpec income = runtime.loadPipeline(PIPELINES.resolve("income.yaml"));
        TrainingSpec training = new TrainingSpec(2, 64, null, 42, true, new EarlyStoppingSpec(null, "loss", 2), null, null,
                new CheckpointSpec(1)).withWeighting(ComponentSpec.of("dwa")).withDistributed(DistributedSpec.spark());
        MtlException e = catchThrowableOfType(MtlException.class,
                () -> new SparkTraining(runtime, spark).train(income.withTraining(training), PIPELINES, TrainingListener.SILENT));
        assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG_INVALID);
        assertThat(e.lines()).hasSize(3).anySatisfy(l -> assertThat(l).startsWith("training.earlyStopping:"))
                .anySatisfy(l -> assertThat(l).startsWith("training.checkpoint:"))
                .anySatisfy(l -> assertThat(l).startsWith("training.weighting: 'dwa'"));
    }

    @Test
    void aBadCellReadOnAnExecutorIsNamedAsOnOneMachine(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i == 30 ? "five" : String.valueOf(i)).append(',').append(i % 2).append('\n');
        }
        Files.writeString(dir.resolve("bad.csv"), csv);
        PipelineSpec spec = runtime.loadPipeline(writePipeline(dir));
        MtlException e = catchThrowableOfType(MtlException.class,
                () -> new SparkTraining(runtime, spark).train(spec, dir, TrainingListener.SILENT));
        assertThat(e.category()).isEqualTo(ErrorCategory.DATA_INVALID);
        assertThat(e.getMessage()).contains("bad.csv: row 31 (line 32), column 'x'", "not a number: 'five'");
    }

    private static Path writePipeline(Path dir) throws Exception {
        return Files.writeString(dir.resolve("p.yaml"), "pipeline: p\n"
                + "data: { source: { type: csv, path: bad.csv }, features: { x: numeric }, split: { test: 0.2, seed: 1 } }\n"
                + "encoder: { type: mlp, hidden: [4] }\n"
                + "tasks: { y: { head: { type: binary } } }\n"
                + "training: { epochs: 1, distributed: { workers: 2 } }\n");
    }

    /** Equal state, numbers within 1e-12 relative (Spark sums the partitions' values in another order). */
    private static void assertSameState(Object actual, Object expected, String where) {
        if (expected instanceof Double e) {
            assertThat((Double) actual).as(where).isCloseTo(e, within(1e-12 * Math.max(1, Math.abs(e))));
        } else if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = (Map<?, ?>) actual;
            assertThat(a.keySet()).as(where).isEqualTo(e.keySet());
            e.forEach((k, v) -> assertSameState(a.get(k), v, where + "." + k));
        } else if (expected instanceof List<?> e) {
            List<?> a = (List<?>) actual;
            assertThat(a).as(where).hasSameSizeAs(e);
            for (int i = 0; i < e.size(); i++) {
                assertSameState(a.get(i), e.get(i), where + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(where).isEqualTo(expected);
        }
    }
}
