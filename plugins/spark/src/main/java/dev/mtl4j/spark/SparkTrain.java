package dev.mtl4j.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.DistributedSpec;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.TrainingResult;
import dev.mtl4j.runtime.io.OutputFolder;
import dev.mtl4j.runtime.io.Publication;
import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark job: {@code spark-submit --class dev.mtl4j.spark.SparkTrain JAR PIPELINE.yaml [--out DIR]}
 * trains a pipeline with {@code training.distributed} and writes {@code DIR/model.zip} and
 * {@code DIR/metrics.json} (default {@code runs/NAME}) as {@code mtl train} does, on the driver.
 * A user's mistake is one line on stderr and the exit code of its category, as with {@code mtl}.
 */
public final class SparkTrain {
    private SparkTrain() {
    }

    public static void main(String[] args) {
        if (args.length != 1 && !(args.length == 3 && "--out".equals(args[1]))) {
            System.err.println("usage: spark-submit --class dev.mtl4j.spark.SparkTrain mtl4j-spark.jar PIPELINE.yaml [--out DIR]");
            System.exit(64);
        }
        try {
            run(Path.of(args[0]), args.length == 3 ? Path.of(args[2]) : null);
        } catch (MtlException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(e.category().exitCode());
        }
    }

    static void run(Path pipeline, Path out) {
        MtlRuntime runtime = MtlRuntime.create();
        PipelineSpec spec = runtime.loadPipeline(pipeline);
        Path directory = out != null ? out : Path.of("runs", spec.name());
        DistributedSpec distributed = spec.training().distributed();
        SparkSession.Builder builder = SparkSession.builder().appName("mtl4j " + spec.name());
        if (distributed != null && distributed.master() != null) {
            builder.master(distributed.master());
        }
        SparkSession spark = builder.getOrCreate();
        try (OutputFolder folder = OutputFolder.take(directory)) {
            TrainingResult result = new SparkTraining(runtime, spark).train(spec, pipeline.toAbsolutePath().getParent(),
                    new TrainingListener() {
                        @Override
                        public void epochDone(EpochReport report) {
                            System.err.printf(Locale.ROOT, "epoch %d/%d: loss %.4f, validation loss %.4f (%.1f s)%n",
                                    report.epoch(), spec.training().epochs(), report.trainLoss(), report.validationLoss(),
                                    report.seconds());
                        }
                    });
            try (Publication results = folder.publish()) {
                runtime.save(result.model(), results.file("model.zip"));
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValue(results.file("metrics.json").toFile(), result.byTask());
                results.commit();
            } catch (IOException e) {
                throw new MtlException(ErrorCategory.IO_FAILED, directory + ": " + e.getMessage(), e);
            }
            System.out.println("metrics: " + result.metrics());
            System.out.println("model:   " + directory.resolve("model.zip"));
        } finally {
            spark.stop();
        }
    }
}
