package dev.mtl4j.runtime.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtl4j.runtime.config.SearchDimension;
import dev.mtl4j.runtime.config.SearchDimension.Kind;
import dev.mtl4j.runtime.config.SearchSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Successive halving's rungs and promotions; draws that depend on the seed and trial number only, within their ranges. */
final class TrialPlanTest {
    private static final List<SearchDimension> SPACE = List.of(
            new SearchDimension("training.optimizer.lr", Kind.LOG_UNIFORM, 1e-4, 1e-2, List.of()),
            new SearchDimension("encoder.dropout", Kind.UNIFORM, 0, 0.5, List.of()),
            new SearchDimension("training.batchSize", Kind.INT, 8, 10, List.of()),
            new SearchDimension("encoder.hidden", Kind.CHOICE, 0, 0, List.of("[16]", "[64, 32]")));

    @Test
    void halvingKeepsTheBestThirdAndTrainsItThreeTimesLonger() {
        TrialPlan plan = new TrialPlan(new SearchSpec(SearchSpec.Method.HALVING, SearchSpec.MEAN, 3, 1, SPACE), 9, 18);

        assertThat(plan.rungs()).isEqualTo(3);
        assertThat(List.of(plan.epochs(0), plan.epochs(1), plan.epochs(2))).containsExactly(2, 6, 18);
        List<Trial> rung = new ArrayList<>();
        double[] objectives = {0.5, 0.9, Double.NaN, 0.1, 0.8, 0.7, 0.2, 0.3, 0.95};
        for (int i = 0; i < 9; i++) {
            rung.add(new Trial(i, 0, 2, plan.values(i), objectives[i], Map.of(), 1, null));
        }
        assertThat(plan.promoted(rung, true)).containsExactly(1, 4, 8);
        assertThat(plan.promoted(rung, false)).containsExactly(3, 6, 7);
        assertThat(plan.promoted(rung.subList(0, 2), true)).containsExactly(1);
    }

    @Test
    void randomSearchIsOneRungAtThePipelinesEpochs() {
        TrialPlan plan = new TrialPlan(new SearchSpec(SearchSpec.Method.RANDOM, SearchSpec.MEAN, 3, 1, SPACE), 50, 30);

        assertThat(plan.rungs()).isEqualTo(1);
        assertThat(plan.epochs(0)).isEqualTo(30);
        assertThat(plan.first()).hasSize(50);
    }

    @Test
    void drawsDependOnTheSeedAndTrialOnlyAndStayInTheirRanges() {
        TrialPlan plan = new TrialPlan(new SearchSpec(SearchSpec.Method.RANDOM, SearchSpec.MEAN, 3, 7, SPACE), 200, 10);
        TrialPlan same = new TrialPlan(new SearchSpec(SearchSpec.Method.RANDOM, SearchSpec.MEAN, 3, 7, SPACE), 5, 10);
        TrialPlan other = new TrialPlan(new SearchSpec(SearchSpec.Method.RANDOM, SearchSpec.MEAN, 3, 8, SPACE), 5, 10);

        assertThat(same.values(3)).isEqualTo(plan.values(3));
        assertThat(other.values(3)).isNotEqualTo(plan.values(3));
        int belowOneThousandth = 0;
        List<String> hidden = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Map<String, String> values = plan.values(i);
            double lr = Double.parseDouble(values.get("training.optimizer.lr"));
            assertThat(lr).isBetween(1e-4, 1e-2);
            belowOneThousandth += lr < 1e-3 ? 1 : 0;
            assertThat(Double.parseDouble(values.get("encoder.dropout"))).isBetween(0.0, 0.5);
            assertThat(values.get("training.batchSize")).isIn("8", "9", "10");
            hidden.add(values.get("encoder.hidden"));
        }
        // log-uniform: half the draws below the geometric middle 1e-3 (a uniform draw would put 9 % there)
        assertThat(belowOneThousandth).isBetween(70, 130);
        assertThat(hidden).contains("[16]", "[64, 32]");
    }
}
