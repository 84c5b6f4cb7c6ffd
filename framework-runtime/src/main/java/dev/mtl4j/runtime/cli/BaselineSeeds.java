package dev.mtl4j.runtime.cli;

import java.util.ArrayList;
import java.util.List;

/** The seeds of repeated runs: the pipeline's own, then the next ones. */
final class BaselineSeeds {
    private BaselineSeeds() {
    }

    static List<Long> from(long first, int count) {
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seeds.add(first + i);
        }
        return seeds;
    }
}
