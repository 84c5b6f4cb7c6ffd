package dev.mtl4j.runtime.plugin;

import java.net.URL;
import java.security.CodeSource;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which plugin an unexpected exception came from: the plugin whose jar (or class folder) holds the
 * innermost frame of the exception, or of one of its causes, that is plugin code. So that "internal
 * error: IllegalArgumentException" becomes an error that names the plugin to report it to.
 */
public final class PluginBlame {

    /**
     * The plugin and the frame where it failed.
     *
     * @param plugin the plugin whose code threw
     * @param frame the innermost frame in that plugin's code
     */
    public record Culprit(PluginRegistry.LoadedPlugin plugin, StackTraceElement frame) {

        /** {@code plugin dev.x.MyPlugin (my-plugin-1.0.jar, version 1.0) at dev.x.Head.build(Head.java:42)}. */
        public String describe() {
            return "plugin " + plugin.className() + " (" + plugin.origin() + ", version " + plugin.version() + ") at " + frame;
        }
    }

    private PluginBlame() {
    }

    public static Optional<Culprit> of(Throwable error, PluginRegistry registry) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
            for (StackTraceElement frame : cause.getStackTrace()) {
                Optional<PluginRegistry.LoadedPlugin> owner = owner(frame, registry.plugins());
                if (owner.isPresent()) {
                    return Optional.of(new Culprit(owner.get(), frame));
                }
            }
        }
        return Optional.empty();
    }

    /** The plugin whose code source holds the frame's class, if any. */
    private static Optional<PluginRegistry.LoadedPlugin> owner(StackTraceElement frame, List<PluginRegistry.LoadedPlugin> plugins) {
        for (PluginRegistry.LoadedPlugin plugin : plugins) {
            ClassLoader loader = plugin.plugin().getClass().getClassLoader();
            URL home = location(plugin.plugin().getClass());
            if (home == null) {
                continue;
            }
            try {
                Class<?> type = Class.forName(frame.getClassName(), false, loader);
                if (Objects.equals(home, location(type))) {
                    return Optional.of(plugin);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not a class this plugin's loader knows: not its code
            }
        }
        return Optional.empty();
    }

    private static URL location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }
}
