package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spec.SpecException;
import java.util.ArrayList;
import java.util.List;

/** Finds an encoder layer by its full vertex name, or by a trailing part of it that names one layer. */
final class LayerNames {
    private LayerNames() {
    }

    static int find(String name, List<String> layers) {
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            String layer = layers.get(i);
            if (layer.equals(name) || layer.endsWith("/" + name)) {
                matches.add(i);
            }
        }
        if (matches.size() != 1) {
            throw new SpecException("frozen", (matches.isEmpty() ? "no encoder layer '" : "more than one encoder layer is '")
                    + name + "'; the layers are " + layers);
        }
        return matches.get(0);
    }
}
