package dev.mtl4j.runtime.plugin;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spi.ComponentFactory;
import dev.mtl4j.api.spi.Plugin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Every component of every plugin on a class path, by family and type name. Built-in plugins are
 * found exactly like third-party ones. Two components with one name, a plugin that fails to load and
 * a plugin that provides nothing are errors that name the jars involved.
 */
public final class PluginRegistry implements ComponentCatalog {
    private static final Pattern TYPE_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final List<LoadedPlugin> plugins;
    private final Map<Family<?>, Map<String, Entry>> byFamily = new LinkedHashMap<>();

    /**
     * One component as found.
     *
     * @param family its family
     * @param factory the factory
     * @param plugin the plugin that provided it
     */
    public record Entry(Family<?> family, ComponentFactory<?> factory, LoadedPlugin plugin) {
    }

    private PluginRegistry(List<LoadedPlugin> plugins) {
        this.plugins = List.copyOf(plugins);
        for (Family<?> family : Family.all()) {
            byFamily.put(family, new TreeMap<>());
        }
        for (LoadedPlugin plugin : plugins) {
            List<Entry> entries = plugin.entries(this);
            if (entries.isEmpty()) {
                throw new MtlException(ErrorCategory.PLUGIN_LOAD_FAILED, plugin.origin() + ": plugin "
                        + plugin.className() + " is declared but provides no components");
            }
            entries.forEach(this::add);
        }
    }

    /** Finds every plugin that {@code loader} can see through {@link java.util.ServiceLoader}. */
    public static PluginRegistry discover(ClassLoader loader) {
        return new PluginRegistry(PluginDiscovery.load(loader));
    }

    /**
     * Exactly these plugins, none discovered: for an application that wires its components itself,
     * and for testing a plugin alone ({@code mtl4j-plugin-testkit}). The same checks as discovery apply.
     */
    public static PluginRegistry of(List<Plugin> plugins) {
        List<LoadedPlugin> loaded = new ArrayList<>();
        for (Plugin plugin : plugins) {
            Class<?> type = plugin.getClass();
            loaded.add(new LoadedPlugin(plugin, type.getName(), LoadedPlugin.originOf(type), PluginVersion.of(type)));
        }
        return new PluginRegistry(loaded);
    }

    /** The class names of the loaded plugins. */
    @Override
    public java.util.Set<String> pluginClasses() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        plugins.forEach(p -> names.add(p.className()));
        return names;
    }

    private void add(Entry entry) {
        String name = entry.factory().name();
        if (name == null || !TYPE_NAME.matcher(name).matches()) {
            throw new MtlException(ErrorCategory.PLUGIN_LOAD_FAILED, entry.plugin().origin() + ": "
                    + entry.family().label() + " type name '" + name + "' of " + entry.factory().getClass().getName()
                    + " must be lower case words joined by dashes");
        }
        if (!entry.family().factoryType().isInstance(entry.factory())) {
            throw new MtlException(ErrorCategory.PLUGIN_LOAD_FAILED, entry.plugin().origin() + ": "
                    + entry.factory().getClass().getName() + " is listed among the " + entry.family().plural()
                    + " but is not a " + entry.family().factoryType().getSimpleName());
        }
        Entry previous = byFamily.get(entry.family()).putIfAbsent(name, entry);
        if (previous != null) {
            throw new MtlException(ErrorCategory.PLUGIN_LOAD_FAILED, entry.family().label() + " type '" + name
                    + "' is provided twice: by " + previous.factory().getClass().getName() + " in "
                    + previous.plugin().origin() + " and by " + entry.factory().getClass().getName() + " in "
                    + entry.plugin().origin());
        }
    }

    public List<LoadedPlugin> plugins() {
        return plugins;
    }

    /** The components of one family, by type name (sorted). */
    public Map<String, Entry> entries(Family<?> family) {
        return Collections.unmodifiableMap(byFamily.get(family));
    }

    /** The factories of one family by name, for Guice's MapBinder. */
    public Map<String, ComponentFactory<?>> factories(Family<?> family) {
        Map<String, ComponentFactory<?>> map = new LinkedHashMap<>();
        byFamily.get(family).forEach((name, entry) -> map.put(name, entry.factory()));
        return map;
    }

    /** All families where a type name exists (a name may be used by several families). */
    public List<Entry> lookup(String type) {
        List<Entry> found = new ArrayList<>();
        for (Family<?> family : Family.all()) {
            Entry entry = byFamily.get(family).get(type);
            if (entry != null) {
                found.add(entry);
            }
        }
        return found;
    }

    @Override
    public Optional<ComponentFactory<?>> find(Family<?> family, String type) {
        return Optional.ofNullable(byFamily.get(family).get(type)).map(Entry::factory);
    }

    @Override
    public SortedSet<String> names(Family<?> family) {
        return new TreeSet<>(byFamily.get(family).keySet());
    }

    @Override
    public String origin(ComponentFactory<?> factory) {
        return LoadedPlugin.originOf(factory.getClass());
    }

    /**
     * A plugin as loaded, with where it came from.
     *
     * @param plugin the instance
     * @param className its class
     * @param origin the jar or folder that declared it
     * @param version the jar's version (Implementation-Version, else Maven's pom.properties), or "unknown"
     */
    public record LoadedPlugin(Plugin plugin, String className, String origin, String version) {

        static String originOf(Class<?> type) {
            var source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return "(unknown location)";
            }
            String path = source.getLocation().getPath();
            return path.endsWith("/") ? path : path.substring(path.lastIndexOf('/') + 1);
        }

        List<Entry> entries(PluginRegistry registry) {
            List<Entry> entries = new ArrayList<>();
            try {
                for (Family<?> family : Family.all()) {
                    family.provided(plugin).forEach(f -> entries.add(new Entry(family, f, this)));
                }
            } catch (RuntimeException | LinkageError e) {
                throw new MtlException(ErrorCategory.PLUGIN_LOAD_FAILED, origin + ": plugin " + className
                        + " failed to list its components: " + e, e);
            }
            return entries;
        }
    }
}
