package dev.mtl4j.runtime.meta;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.TrainingSpec;
import dev.mtl4j.api.spi.MetaLearner;
import dev.mtl4j.api.spi.MetaSettings;
import dev.mtl4j.runtime.compile.Optimizers;
import dev.mtl4j.runtime.data.EncodedData;
import dev.mtl4j.runtime.train.EpochReport;
import dev.mtl4j.api.spi.Shuffle;
import dev.mtl4j.runtime.train.TrainingHistory;
import dev.mtl4j.runtime.train.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The outer loop of meta-learning. Each outer step draws a meta-batch of training tasks and from
 * each an episode (support and query rows, without replacement); runs the inner loop from the start
 * θ on the support rows; asks the strategy for that task's outer gradient; and descends their mean
 * with the pipeline's optimizer (ND4J's Adam or SGD on the flat parameter vector, at
 * {@code training.optimizer.lr}). An epoch is {@link MetaSettings#outerSteps()} outer steps; it
 * reports the mean query loss after adapting (of the first task of each meta-batch), and the same on
 * every validation task when there are any.
 */
final class MetaTrainer {
    private final TrainingListener listener;

    MetaTrainer(TrainingListener listener) {
        this.listener = listener;
    }

    /** Trains {@code network}'s parameters in place. */
    TrainingHistory fit(ComputationGraph network, MetaLearner learner, TrainingSpec training, List<TaskRows> tasks,
                        List<TaskRows> validation) {
        MetaSettings settings = learner.settings();
        InnerLoop inner = new InnerLoop(network.getConfiguration(), settings.innerLearningRate());
        INDArray theta = network.params().dup();
        GradientUpdater<?> outer = outerUpdater(training, theta.length());
        Random random = new Random(training.seed());
        List<Episode> validationEpisodes = Episode.fixed(validation, settings.support(), training.seed());
        List<EpochReport> reports = new ArrayList<>();
        int iteration = 0;
        for (int epoch = 1; epoch <= training.epochs(); epoch++) {
            long started = System.nanoTime();
            double total = 0;
            for (int step = 0; step < settings.outerSteps(); step++) {
                INDArray direction = Nd4j.zerosLike(theta);
                double loss = Double.NaN;
                for (int task : tasksOf(tasks.size(), settings.metaBatch(), random)) {
                    Episode episode = Episode.draw(tasks.get(task), settings.support(), settings.query(), random);
                    inner.reset(theta);
                    inner.steps(EncodedRows.batch(episode.support()), settings.innerSteps());
                    INDArray queryGradient = learner.needsQueryGradient() ? inner.gradient(episode.query()) : null;
                    if (Double.isNaN(loss)) {
                        // the progress report's query loss: the first task of each meta-batch is enough, and
                        // costs no extra pass when the query gradient was taken
                        loss = queryGradient != null ? inner.lastLoss() : inner.loss(episode.query());
                    }
                    direction.addi(learner.outerGradient(theta, inner.graph().params(), queryGradient));
                }
                if (!Double.isFinite(loss)) {
                    throw new MtlException(ErrorCategory.NUMERIC_DIVERGENCE, "meta-training diverged in epoch " + epoch
                            + ", outer step " + (step + 1) + ": the query loss is " + loss + "; lower strategy.innerLr (now "
                            + settings.innerLearningRate() + ") or training.optimizer.lr");
                }
                direction.divi(settings.metaBatch());
                outer.applyUpdater(direction, iteration++, epoch - 1);
                theta.subi(direction);
                total += loss;
                listener.batchDone(epoch, step + 1, settings.outerSteps(), loss);
            }
            double validationLoss = validationEpisodes.isEmpty() ? Double.NaN
                    : meanQueryLoss(inner, theta, validationEpisodes, settings.innerSteps());
            EpochReport report = new EpochReport(epoch, total / settings.outerSteps(), validationLoss, Map.of(),
                    (System.nanoTime() - started) / 1e9, Map.of(), Map.of());
            reports.add(report);
            listener.epochDone(report);
        }
        network.params().assign(theta);
        return new TrainingHistory(reports, reports.size(), false);
    }

    private static GradientUpdater<?> outerUpdater(TrainingSpec training, long parameters) {
        IUpdater config = Optimizers.updater(training.optimizer());
        long size = config.stateSize(parameters);
        INDArray state = size == 0 ? null : Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, size);
        return config.instantiate(state, true);
    }

    /** A meta-batch of distinct tasks (with repeats only when there are fewer tasks than the batch). */
    private static int[] tasksOf(int tasks, int batch, Random random) {
        int[] picked = new int[batch];
        int[] order = Shuffle.permutation(tasks, random);
        for (int i = 0; i < batch; i++) {
            if (i > 0 && i % tasks == 0) {
                order = Shuffle.permutation(tasks, random);
            }
            picked[i] = order[i % tasks];
        }
        return picked;
    }

    private static double meanQueryLoss(InnerLoop inner, INDArray theta, List<Episode> episodes, int steps) {
        double total = 0;
        for (Episode episode : episodes) {
            inner.reset(theta);
            inner.steps(EncodedRows.batch(episode.support()), steps);
            total += inner.loss(episode.query());
        }
        return total / episodes.size();
    }

    /** One task's support and query rows. */
    record Episode(EncodedData support, EncodedData query) {

        /** k support and q query rows of a task, drawn without replacement. */
        static Episode draw(TaskRows task, int support, int query, Random random) {
            int[] order = Shuffle.permutation(task.size(), random);
            return new Episode(EncodedRows.subset(task.rows(), Arrays.copyOfRange(order, 0, support)),
                    EncodedRows.subset(task.rows(), Arrays.copyOfRange(order, support, support + query)));
        }

        /** For each held-out task, k seeded support rows and every other row as its query: the same every time. */
        static List<Episode> fixed(List<TaskRows> tasks, int support, long seed) {
            List<Episode> episodes = new ArrayList<>();
            for (int t = 0; t < tasks.size(); t++) {
                TaskRows task = tasks.get(t);
                int[] order = Shuffle.permutation(task.size(), new Random(seed * 31 + t));
                int[] supportRows = Arrays.copyOfRange(order, 0, support);
                int[] queryRows = Arrays.copyOfRange(order, support, order.length);
                Arrays.sort(supportRows);
                Arrays.sort(queryRows);
                episodes.add(new Episode(EncodedRows.subset(task.rows(), supportRows), EncodedRows.subset(task.rows(), queryRows)));
            }
            return episodes;
        }
    }
}
