package dev.mtl4j.runtime.cli;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.spec.PipelineSpec;
import dev.mtl4j.api.spec.SplitSpec;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.config.PipelineOverride;
import dev.mtl4j.runtime.config.SearchDimension;
import dev.mtl4j.runtime.config.SearchReader;
import dev.mtl4j.runtime.config.SearchSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What mtl tune checks before the first trial, so that a mistake costs no training. */
final class TuneChecks {
    private TuneChecks() {
    }

    /** Trials are scored on validation rows: a random split needs a validation fraction (a split column brings its own). */
    static void requireValidationRows(PipelineSpec spec) {
        SplitSpec split = spec.data().split();
        if (split.column() == null && split.validation() <= 0) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.keyed("data.split.validation", "mtl tune scores "
                    + "each trial on the validation rows and never on the test rows: give the split a validation fraction, "
                    + "e.g. data.split: { test: 0.2, validation: 0.15 }"));
        }
    }

    /**
     * Reads the pipeline with each searched key at the ends of its range and with each of its choices;
     * a value the pipeline refuses is reported at the key in the search section.
     */
    static void dryRead(MtlRuntime runtime, Path pipeline, List<PipelineOverride> overrides, SearchSpec search) {
        for (SearchDimension dimension : search.space()) {
            for (String value : dimension.extremes()) {
                List<PipelineOverride> all = new ArrayList<>(overrides);
                all.add(new PipelineOverride(dimension.key(), value));
                try {
                    runtime.loadPipeline(pipeline, all);
                } catch (MtlException e) {
                    String why = e.problems().isEmpty() ? e.getMessage() : e.problems().get(0).render();
                    throw new MtlException(ErrorCategory.CONFIG_INVALID, new Problem("search.space." + dimension.key(),
                            SearchReader.placeOf(pipeline, dimension.key()), "the value " + value
                            + " does not fit the pipeline: " + why.replace(pipeline + " (--set " + dimension.key() + "=" + value
                            + "): ", "")));
                }
            }
        }
    }
}
