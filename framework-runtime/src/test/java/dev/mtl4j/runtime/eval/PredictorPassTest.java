package dev.mtl4j.runtime.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class PredictorPassTest {
    @Test
    void flatFeaturesScoreInBatchesOf4096Rows() {
        assertThat(Predictor.rowsPerPass(Nd4j.zeros(DataType.FLOAT, 10, 300), null)).isEqualTo(4096);
    }

    @Test
    void sequencesScoreByPositionsWithAFloorOfRows() {
        assertThat(Predictor.rowsPerPass(Nd4j.zeros(DataType.FLOAT, 10, 64), Nd4j.ones(DataType.FLOAT, 10, 64))).isEqualTo(64);
        assertThat(Predictor.rowsPerPass(Nd4j.zeros(DataType.FLOAT, 10, 3, 100), null)).isEqualTo(40);
        assertThat(Predictor.rowsPerPass(Nd4j.zeros(DataType.FLOAT, 2, 1024), Nd4j.ones(DataType.FLOAT, 2, 1024))).isEqualTo(16);
    }
}
