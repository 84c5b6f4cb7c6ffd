package dev.mtl4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spec.TransferPipelineSpec;
import dev.mtl4j.api.spi.RawTable;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.Predictions;
import dev.mtl4j.runtime.config.PipelineYamlReader;
import dev.mtl4j.runtime.model.TrainedModel;
import dev.mtl4j.runtime.predict.ClassPrediction;
import dev.mtl4j.runtime.predict.LabelsPrediction;
import dev.mtl4j.runtime.predict.Prediction;
import dev.mtl4j.runtime.predict.Predictor;
import dev.mtl4j.runtime.predict.TaskPrediction;
import dev.mtl4j.runtime.predict.ValuesPrediction;
import dev.mtl4j.runtime.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typed predictor gives what {@code mtl predict} writes, for a model of every example pipeline
 * (transfer examples included, from their source examples' models): labels exactly, probabilities
 * and values within float rounding. Each example trains one epoch on the first rows of its data
 * files (copied, with the pipelines, so the examples' relative paths hold), which is enough for
 * models whose outputs differ from row to row. It takes a minute or two on 2 cores, so it runs with
 * the packaging checks ({@code mvn verify -Pit}, CI); {@code PredictorTest} checks the same agreement
 * on one small model in every build.
 */
final class PredictorAgreesWithPredictIT {
    private static final int ROWS = 500;
    private static final int SINGLE = 12;

    @TempDir
    Path work;

    private final MtlRuntime runtime = MtlRuntime.create();

    @Test
    void everyExampleModelPredictsTheSameThroughThePredictor() throws IOException {
        Path pipelines = copyExamples();
        List<Path> files;
        try (Stream<Path> listed = Files.list(pipelines)) {
            files = listed.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        PipelineYamlReader reader = new PipelineYamlReader(runtime.registry());
        List<String> checked = new ArrayList<>();
        // Ordinary pipelines first: the transfer examples start from their models.
        for (Path file : files) {
            if (reader.kind(file) == PipelineYamlReader.Kind.PIPELINE) {
                PipelineSpec spec = reader.read(file);
                if (!ordinaryAndQuick(spec)) {
                    continue;
                }
                spec = oneEpoch(spec);
                TrainedModel model = runtime.train(spec, pipelines, TrainingListener.SILENT).model();
                runtime.save(model, work.resolve("runs").resolve(spec.name()).resolve("model.zip"));
                check(model, spec.name(), firstDataFile(file));
                checked.add(spec.name());
            }
        }
        for (Path file : files) {
            if (reader.kind(file) == PipelineYamlReader.Kind.TRANSFER) {
                TransferPipelineSpec spec = reader.readTransfer(file);
                if (!Files.exists(pipelines.resolve(spec.transfer().from()).normalize())) {
                    continue;   // its source example was left out above
                }
                TrainedModel model = runtime.transfer(oneEpoch(spec), pipelines, TrainingListener.SILENT, false)
                        .transferred().model();
                check(model, spec.name(), firstDataFile(file));
                checked.add(spec.name());
            }
        }
        assertThat(checked).hasSizeGreaterThan(18).contains("income", "digits", "spam", "fine-food-minilm", "income-transfer");
    }

    private void check(TrainedModel model, String name, Path dataFile) {
        Predictions expected = runtime.predict(model, dataFile);
        RawTable table = runtime.resolver().dataset(dev.mtl4j.api.spec.ComponentSpec.of("csv")
                .with("path", dataFile.toString()), "data.source", new dev.mtl4j.api.spi.DataContext(work)).read();
        List<Map<String, String>> records = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            Map<String, String> record = new LinkedHashMap<>();
            for (int c = 0; c < table.columns().size(); c++) {
                if (model.preprocessor().features().columns().contains(table.columns().get(c))) {
                    record.put(table.columns().get(c), table.cell(row, c));
                }
            }
            records.add(record);
        }
        Predictor predictor = Predictor.of(model);

        List<Prediction> batch = predictor.predict(records);

        assertThat(batch).hasSize(expected.size());
        for (int row = 0; row < batch.size(); row++) {
            assertSame(name + " row " + row, expected.columns(), expected.row(row), batch.get(row));
            if (row < SINGLE) {
                assertSame(name + " row " + row + " alone", expected.columns(), expected.row(row), predictor.predict(records.get(row)));
            }
        }
    }

    /** The CSV row of {@code mtl predict} against the typed prediction, cell by cell. */
    private static void assertSame(String what, List<String> columns, List<String> cells, Prediction prediction) {
        int at = 0;
        for (Map.Entry<String, TaskPrediction> task : prediction.tasks().entrySet()) {
            TaskPrediction value = task.getValue();
            if (value instanceof ClassPrediction c) {
                assertThat(columns.get(at)).isEqualTo(task.getKey());
                assertThat(c.label()).as(what).isEqualTo(cells.get(at));
                assertThat(c.probability()).as(what).isCloseTo(Double.parseDouble(cells.get(at + 1)), within(1e-5));
                assertThat(c.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).as(what)
                        .isCloseTo(1.0, within(1e-4));
                at += 2;
            } else if (value instanceof LabelsPrediction l) {
                for (Map.Entry<String, Boolean> label : l.labels().entrySet()) {
                    assertThat(columns.get(at)).isEqualTo(label.getKey());
                    assertThat(label.getValue() ? "1" : "0").as(what).isEqualTo(cells.get(at++));
                }
            } else {
                for (Map.Entry<String, Double> number : ((ValuesPrediction) value).values().entrySet()) {
                    assertThat(columns.get(at)).isEqualTo(number.getKey());
                    double written = Double.parseDouble(cells.get(at++));
                    assertThat(number.getValue()).as(what).isCloseTo(written, within(1e-4 * Math.max(1, Math.abs(written))));
                }
            }
        }
        assertThat(at).as(what + ": every column").isEqualTo(columns.size());
    }

    /**
     * The examples whose model is an ordinary network trained by the pipeline's own epochs in seconds:
     * not those with a training strategy (domain adaptation trains a device beside the network,
     * meta-learning runs its own outer steps whatever the epochs), not the transformer encoder's (a
     * forward pass of MiniLM over the rows takes minutes on 2 cores; its own tests check save and
     * load), and not a pipeline for a Spark cluster.
     */
    private static boolean ordinaryAndQuick(PipelineSpec spec) {
        return spec.strategy() == null && !spec.encoder().type().equals("transformer")
                && spec.training().distributed() == null;
    }

    private static PipelineSpec oneEpoch(PipelineSpec spec) {
        return new PipelineSpec(spec.name(), spec.data(), spec.encoder(), spec.sharing(), spec.tasks(), oneEpoch(spec.training()));
    }

    private static TransferPipelineSpec oneEpoch(TransferPipelineSpec spec) {
        return new TransferPipelineSpec(spec.name(), spec.transfer(), spec.data(), spec.tasks(), oneEpoch(spec.training()));
    }

    private static TrainingSpec oneEpoch(TrainingSpec training) {
        return new TrainingSpec(1, training.batchSize(), training.optimizer(), training.seed(), training.shuffle(), null,
                training.sampler(), training.init());
    }

    /** examples/pipelines and the first rows of each data file, side by side as in the checkout. */
    private Path copyExamples() throws IOException {
        Path examples = ExamplesDirectory.find();
        Path pipelines = Files.createDirectories(work.resolve("examples/pipelines"));
        Path data = Files.createDirectories(work.resolve("examples/data"));
        try (Stream<Path> files = Files.list(examples.resolve("pipelines"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(file, pipelines.resolve(file.getFileName()));
            }
        }
        try (Stream<Path> files = Files.list(examples.resolve("data"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.write(data.resolve(file.getFileName()), firstRows(file));
            }
        }
        return pipelines;
    }

    /** The header and the first {@link #ROWS} records (a quoted cell may hold line breaks). */
    private static List<String> firstRows(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        int records = -1;
        boolean open = false;
        for (String line : Files.readAllLines(file)) {
            lines.add(line);
            open ^= line.chars().filter(c -> c == '"').count() % 2 == 1;
            if (!open && ++records == ROWS) {
                break;
            }
        }
        return lines;
    }

    private Path firstDataFile(Path pipeline) throws IOException {
        String text = Files.readString(pipeline);
        java.util.regex.Matcher path = java.util.regex.Pattern.compile("path: ([^ ,}]+)").matcher(text);
        assertThat(path.find()).as(pipeline + " names a data file").isTrue();
        return pipeline.getParent().resolve(path.group(1)).normalize();
    }
}
