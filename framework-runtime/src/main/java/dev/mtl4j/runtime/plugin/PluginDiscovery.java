package dev.mtl4j.runtime.plugin;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spi.Plugin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * ServiceLoader, with errors that name the jar. ServiceLoader's own messages name a class but not
 * where it was declared, so the service files are read first to map each declared class to its jar.
 */
final class PluginDiscovery {
    private static final String SERVICE_FILE = "META-INF/services/" + Plugin.class.getName();

    private PluginDiscovery() {
    }

    static List<PluginRegistry.LoadedPlugin> load(ClassLoader loader) {
        Map<String, String> declaredIn = declarations(loader);
        List<PluginRegistry.LoadedPlugin> loaded = new ArrayList<>();
        Iterator<Plugin> iterator = ServiceLoader.load(Plugin.class, loader).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                Plugin plugin = iterator.next();
                String className = plugin.getClass().getName();
                String origin = declaredIn.getOrDefault(className, PluginRegistry.LoadedPlugin.originOf(plugin.getClass()));
                loaded.add(new PluginRegistry.LoadedPlugin(plugin, className, origin, PluginVersion.of(plugin.getClass())));
            } catch (ServiceConfigurationError | LinkageError e) {
                throw new MtlException(ErrorCategory.PLUGIN_LOAD_FAILED, culprit(e, declaredIn)
                        + ": cannot load plugin: " + rootMessage(e), e);
            }
        }
        return loaded;
    }

    private static String culprit(Throwable error, Map<String, String> declaredIn) {
        String message = String.valueOf(error.getMessage());
        for (Map.Entry<String, String> declaration : declaredIn.entrySet()) {
            if (message.contains(declaration.getKey())) {
                return declaration.getValue();
            }
        }
        return "a plugin jar (" + String.join(", ", new java.util.TreeSet<>(declaredIn.values())) + ")";
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + " (" + root + ")";
    }

    /** Declared plugin class name to the jar (or folder) whose service file declares it. */
    private static Map<String, String> declarations(ClassLoader loader) {
        Map<String, String> declaredIn = new LinkedHashMap<>();
        try {
            for (URL url : Collections.list(loader.getResources(SERVICE_FILE))) {
                String origin = originOf(url);
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    reader.lines().map(line -> line.replaceAll("#.*", "").trim()).filter(line -> !line.isEmpty())
                            .forEach(name -> declaredIn.putIfAbsent(name, origin));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return declaredIn;
    }

    private static String originOf(URL serviceFile) {
        String text = serviceFile.toString();
        int bang = text.indexOf("!/");
        if (bang >= 0) {
            String jar = text.substring(0, bang);
            return jar.substring(jar.lastIndexOf('/') + 1);
        }
        return text.substring(0, text.length() - SERVICE_FILE.length()).replaceFirst("^file:", "");
    }
}
