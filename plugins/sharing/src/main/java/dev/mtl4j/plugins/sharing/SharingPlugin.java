package dev.mtl4j.plugins.sharing;

import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.api.spi.SharingStrategyFactory;
import java.util.List;

/** The built-in sharing strategies. */
public final class SharingPlugin implements Plugin {

    @Override
    public String name() {
        return "sharing";
    }

    @Override
    public List<SharingStrategyFactory<?>> sharingStrategies() {
        return List.of(new HardSharingFactory(), new SoftSharingFactory(), new HierarchicalSharingFactory(),
                new AttentionSharingFactory(), new TaskAdaptersFactory());
    }
}
