package dev.mtl4j.plugins.text.transformer;

import java.util.HashMap;
import java.util.Map;

/**
 * The frozen lower layers' outputs, shared by every network one encoder factory builds (one runtime):
 * the same pretrained model cut at the same layer gives each text the same output whatever network
 * it sits in, so a comparison over seeds or tunings (LoRA, adapters, full, all tuning the top layers)
 * computes the frozen layers once per text, not once per network. Each cache keeps its own budget
 * ({@code cacheMegabytes} of the first network that asked for it).
 */
final class PrefixCaches {
    private record Key(String pretrained, int blocks, String dataType) {
    }

    private final Map<Key, PrefixCache> caches = new HashMap<>();

    synchronized PrefixCache get(String pretrained, int blocks, String dataType, long budgetBytes) {
        return caches.computeIfAbsent(new Key(pretrained, blocks, dataType), key -> new PrefixCache(budgetBytes));
    }
}
