package dev.mtl4j.runtime.plugin;

import dev.mtl4j.api.spi.ComponentFactory;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/** Every component type the loaded plugins provide, by family and name. */
public interface ComponentCatalog {

    Optional<ComponentFactory<?>> find(Family<?> family, String type);

    /** The type names of one family, sorted (for "did you mean" and listings). */
    SortedSet<String> names(Family<?> family);

    /** Where a factory came from: the jar (or class folder) that holds its class. */
    String origin(ComponentFactory<?> factory);

    /** The class names of the plugins the components came from. */
    Set<String> pluginClasses();
}
