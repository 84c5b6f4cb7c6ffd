package dev.mtl4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.api.spi.Shuffle;
import dev.mtl4j.runtime.data.EncodedData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An epoch's batches come from arrays made once for the run: each epoch is the permutation the run's
 * generator draws next, every row exactly once, features and labels kept together.
 */
class BatchPlanTest {
    private static final int ROWS = 10;

    @Test
    void eachEpochIsTheNextPermutationOfTheRowsInArraysMadeOnce() {
        EncodedData data = data();
        EpochSource epochs = BatchPlan.epochs(data, 4, 7, true);
        Random expected = new Random(7);
        INDArray firstEpochBatch = null;
        for (int epoch = 0; epoch < 3; epoch++) {
            Batches plan = epochs.next();
            assertThat(plan.batches()).isEqualTo(3);
            int[] order = Shuffle.permutation(ROWS, expected);
            assertThat(rowsOf(plan)).as("epoch %d", epoch).isEqualTo(Arrays.stream(order).boxed().toList());
            if (epoch == 0) {
                firstEpochBatch = plan.batch(0).getFeatures(0);
            } else {
                // the same view, refilled: nothing is allocated per epoch or per batch
                assertThat(plan.batch(0).getFeatures(0)).isSameAs(firstEpochBatch);
            }
            for (int b = 0; b < plan.batches(); b++) {
                MultiDataSet batch = plan.batch(b);
                // labels travel with their rows: label = 2 · feature
                assertThat(batch.getLabels(0)).isEqualTo(batch.getFeatures(0).mul(2));
            }
        }
    }

    @Test
    void withoutShufflingTheBatchesAreViewsOfTheDataInOrder() {
        EncodedData data = data();
        Batches plan = BatchPlan.epochs(data, 4, 7, false).next();
        assertThat(rowsOf(plan)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        plan.batch(1).getFeatures(0).putScalar(0, 0, 100f);
        assertThat(data.features().getFloat(4, 0)).as("a view, not a copy").isEqualTo(100f);
    }

    @Test
    void aResumedRunSkipsToTheSameOrder() {
        EncodedData data = data();
        EpochSource whole = BatchPlan.epochs(data, 4, 11, true);
        whole.next();
        List<Integer> second = rowsOf(whole.next());
        EpochSource resumed = BatchPlan.epochs(data, 4, 11, true);
        resumed.skip();
        assertThat(rowsOf(resumed.next())).isEqualTo(second);
    }

    /** Ten rows: feature i in both columns, label 2i. */
    private static EncodedData data() {
        INDArray features = Nd4j.create(DataType.FLOAT, ROWS, 2);
        INDArray labels = Nd4j.create(DataType.FLOAT, ROWS, 2);
        for (int i = 0; i < ROWS; i++) {
            features.putScalar(i, 0, i);
            features.putScalar(i, 1, i);
            labels.putScalar(i, 0, 2 * i);
            labels.putScalar(i, 1, 2 * i);
        }
        List<INDArray> masks = new ArrayList<>();
        masks.add(null);
        return new EncodedData(features, List.of(labels), masks, null);
    }

    private static List<Integer> rowsOf(Batches plan) {
        List<Integer> rows = new ArrayList<>();
        for (int b = 0; b < plan.batches(); b++) {
            INDArray features = plan.batch(b).getFeatures(0);
            for (int r = 0; r < features.size(0); r++) {
                rows.add(features.getInt(r, 0));
            }
        }
        return rows;
    }
}
