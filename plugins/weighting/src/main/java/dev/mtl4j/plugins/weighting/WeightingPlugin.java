package dev.mtl4j.plugins.weighting;

import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.api.spi.TaskWeightingFactory;
import java.util.List;

/** The built-in task-weighting methods: loss weightings and gradient aggregators. */
public final class WeightingPlugin implements Plugin {

    public WeightingPlugin() {
        // ojAlgo prints a notice about hardware profiles to standard output on first use unless this is set;
        // standard output is the user's (metrics tables, predictions).
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    @Override
    public String name() {
        return "weighting";
    }

    @Override
    public List<TaskWeightingFactory<?>> taskWeightings() {
        return List.of(new StaticWeightingFactory(), new UncertaintyWeightingFactory(), new DwaWeightingFactory(), new RlwWeightingFactory(), new FamoWeightingFactory(), new GradNormWeightingFactory(), new MgdaWeightingFactory(), new PcGradWeightingFactory(), new CaGradWeightingFactory(), new ImtlWeightingFactory(), new NashMtlWeightingFactory(), new AlignedMtlWeightingFactory(), new UpGradWeightingFactory());
    }
}
