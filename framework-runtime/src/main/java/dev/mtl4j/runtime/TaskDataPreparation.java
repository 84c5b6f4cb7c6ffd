package dev.mtl4j.runtime;

import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.api.spi.DataContext;
import dev.mtl4j.api.spi.TargetInfo;
import dev.mtl4j.runtime.compile.CompiledNetwork;
import dev.mtl4j.runtime.compile.GraphCompiler;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.data.Preprocessor;
import dev.mtl4j.runtime.data.TaskDataSet;
import dev.mtl4j.runtime.data.TaskDataSets;
import dev.mtl4j.runtime.data.UnionFit;
import dev.mtl4j.runtime.plugin.ComponentResolver;
import dev.mtl4j.runtime.plugin.PipelineComponents;
import dev.mtl4j.runtime.train.DataSetRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Prepares a pipeline whose tasks bring their own data sets: reads and splits each, fits the shared
 * feature encoding on the union of their training rows, and stacks each split's rows of every data
 * set with the labels of the tasks that do not read a data set masked, so that training, per-epoch
 * validation and the final metrics measure each task on its own rows only.
 */
final class TaskDataPreparation {
    private TaskDataPreparation() {
    }

    static PreparedPipeline prepare(PipelineSpec spec, PipelineComponents components, ComponentResolver resolver,
                                    Path baseDirectory, dev.mtl4j.api.spi.TextProgress progress) {
        DataContext context = new DataContext(baseDirectory);
        List<TaskDataSet> sets = TaskDataSets.read(spec, (source, key) -> resolver.dataset(source, key, context),
                spec.training().seed());
        Preprocessor preprocessor = UnionFit.fit(spec.data(), sets, spec.tasks(), components.targetKinds(),
                components.textEncoder(), progress);
        Map<String, TargetInfo> targets = new LinkedHashMap<>();
        spec.tasks().forEach(t -> targets.put(t.name(), preprocessor.targetInfo(t.name())));
        CompiledNetwork network = new GraphCompiler().compile(spec, preprocessor.featureWidth(),
                components.encoderOver(preprocessor.features().text()), components.sharing(), components.heads(), targets);

        List<EncodedData> train = new ArrayList<>();
        List<EncodedData> validation = new ArrayList<>();
        List<EncodedData> test = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        int[] sizes = new int[sets.size()];
        for (int i = 0; i < sets.size(); i++) {
            TaskDataSet set = sets.get(i);
            var present = set.taskNames();
            int[] trainRows = set.splits().train();
            sizes[i] = trainRows.length;
            train.add(preprocessor.encode(set.table(), trainRows, present));
            if (set.splits().validation().length > 0) {
                validation.add(preprocessor.encode(set.table(), set.splits().validation(), present));
            }
            if (set.splits().test().length > 0) {
                test.add(preprocessor.encode(set.table(), set.splits().test(), present));
            }
            files.addAll(set.files());
        }
        EncodedData stacked = EncodedData.stack(train);
        return new PreparedPipeline(spec, network, preprocessor, stacked, EncodedData.stack(validation),
                EncodedData.stack(test), files, new DataSetRows(stacked, sizes));
    }

    /**
     * The metrics less the tasks that have no rows in a split (a task whose own file has no
     * validation rows, say), instead of metrics over nothing.
     */
    static Map<String, Map<String, Map<String, Double>>> withoutEmptySplits(
            Map<String, Map<String, Map<String, Double>>> metrics, List<TaskSpec> tasks, PreparedPipeline prepared) {
        Map<String, EncodedData> bySplit = new LinkedHashMap<>();
        bySplit.put("train", prepared.train());
        bySplit.put("validation", prepared.validation());
        bySplit.put("test", prepared.test());
        Map<String, Map<String, Map<String, Double>>> kept = new LinkedHashMap<>();
        metrics.forEach((split, byTask) -> {
            EncodedData data = bySplit.get(split);
            Map<String, Map<String, Double>> tasksKept = new LinkedHashMap<>();
            for (int t = 0; t < tasks.size(); t++) {
                String task = tasks.get(t).name();
                if (byTask.containsKey(task) && (data == null || hasRows(data.masks().get(t)))) {
                    tasksKept.put(task, byTask.get(task));
                }
            }
            kept.put(split, tasksKept);
        });
        return kept;
    }

    private static boolean hasRows(INDArray mask) {
        return mask == null || mask.sumNumber().doubleValue() > 0;
    }
}
