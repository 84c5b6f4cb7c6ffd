package dev.mtl4j.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.dsl.Data;
import dev.mtl4j.api.spec.FeatureType;
import dev.mtl4j.api.spi.RawTable;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FeatureResolverTest {

    private final RawTable income = ExampleData.income();

    @Test
    void featuresAreMatchedColumnsInFileOrderLessLabelsAndDrops() {
        List<FeatureColumn> features = FeatureResolver.resolve(ExampleData.incomeSpec(), income);
        assertThat(features).extracting(FeatureColumn::column).containsExactly("SEX", "AGE", "EDUCATION",
                "OCCUPATION", "AREA", "HOUSEHOLD.SIZE", "UNDER18", "HOUSEHOLDER", "HOME.TYPE", "ETHNIC.CLASS",
                "LANGUAGE");
    }

    @Test
    void anExactNameWinsOverAnEarlierGlob() {
        List<FeatureColumn> features = FeatureResolver.resolve(ExampleData.incomeSpec(
                Data.csv("x.csv").categorical("*").ordinal("AGE", "14-17", "18-24", "25-34", "35-44", "45-54",
                        "55-64", "65+").drop("DUAL.INCOMES")), income);
        assertThat(features).filteredOn(f -> f.column().equals("AGE")).singleElement()
                .satisfies(f -> assertThat(f.spec().type()).isEqualTo(FeatureType.ORDINAL));
        assertThat(features).filteredOn(f -> f.column().equals("SEX")).singleElement()
                .satisfies(f -> assertThat(f.spec().type()).isEqualTo(FeatureType.CATEGORICAL));
    }

    @Test
    void missingColumnsAreAllReportedWithSuggestions() {
        assertThatThrownBy(() -> FeatureResolver.resolve(ExampleData.incomeSpec(
                Data.csv("x.csv").categorical("SEX", "EDUCATON").drop("DUAL.INCOME")), income))
                .isInstanceOfSatisfying(MtlException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.DATA_INVALID);
                    assertThat(e.lines()).containsExactly(
                            "data.features.EDUCATON: " + income.origin() + " has no column 'EDUCATON' (columns: INCOME, SEX, MARITAL.STATUS, AGE,"
                                    + " EDUCATION, OCCUPATION, AREA, DUAL.INCOMES, HOUSEHOLD.SIZE, UNDER18,"
                                    + " HOUSEHOLDER, HOME.TYPE, ... (14 in all)); did you mean 'EDUCATION'?",
                            "data.drop: " + income.origin() + " has no column 'DUAL.INCOME' to drop (columns: INCOME, SEX,"
                                    + " MARITAL.STATUS, AGE, EDUCATION, OCCUPATION, AREA, DUAL.INCOMES,"
                                    + " HOUSEHOLD.SIZE, UNDER18, HOUSEHOLDER, HOME.TYPE, ... (14 in all));"
                                    + " did you mean 'DUAL.INCOMES'?");
                });
    }

    @Test
    void aMissingLabelColumnNamesTheTask() {
        var spec = dev.mtl4j.api.dsl.Mtl.pipeline("p").data(Data.csv("x.csv").categorical("*"))
                .encoder(dev.mtl4j.api.dsl.Encoders.mlp())
                .task("marital", dev.mtl4j.api.dsl.Heads.classification()).labels("MARITAL_STATUS").build();
        assertThatThrownBy(() -> FeatureResolver.resolve(spec, income))
                .hasMessageStartingWith("tasks.marital.labels: task 'marital' reads labels from column 'MARITAL_STATUS', which "
                        + income.origin() + " does not have (columns: ")
                .hasMessageEndingWith("did you mean 'MARITAL.STATUS'?");
    }

    @Test
    void noFeatureColumnIsAnError() {
        assertThatThrownBy(() -> FeatureResolver.resolve(ExampleData.incomeSpec(Data.csv("x.csv").numeric("px*")),
                income))
                .isInstanceOf(MtlException.class)
                .hasMessageStartingWith("data.features: no feature columns: the declared features [px*] match no column of "
                        + income.origin() + " other than");
    }
}
