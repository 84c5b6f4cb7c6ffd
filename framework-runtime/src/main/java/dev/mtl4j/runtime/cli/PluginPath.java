package dev.mtl4j.runtime.cli;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Location;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The class loader of {@code --plugin-path}: each entry a jar, or a folder whose jars are all loaded.
 * Every jar is opened first: a class loader skips a jar it cannot read without a word, and the user's
 * plugin would then just be missing ("unknown encoder type") instead of named as broken.
 */
final class PluginPath {
    private PluginPath() {
    }

    static ClassLoader loader(List<Path> entries, ClassLoader parent) {
        if (entries.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> jars = Files.list(entry)) {
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jar -> urls.add(checked(jar)));
                } catch (IOException e) {
                    throw broken(entry, "cannot list plugin folder: " + e.getMessage(), e);
                }
            } else if (Files.exists(entry)) {
                urls.add(checked(entry));
            } else {
                throw broken(entry, "plugin jar or folder not found", null);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    /** The jar's URL, after making sure it opens as a jar. */
    private static URL checked(Path jar) {
        if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
            throw broken(jar, "cannot be read", null);
        }
        try (JarFile opened = new JarFile(jar.toFile())) {
            opened.entries().hasMoreElements();
        } catch (IOException | SecurityException e) {
            throw broken(jar, "is not a readable jar (" + e.getMessage() + ")", e);
        }
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw broken(jar, "cannot be named as a URL: " + e.getMessage(), e);
        }
    }

    private static MtlException broken(Path where, String message, Throwable cause) {
        return new MtlException(ErrorCategory.PLUGIN_LOAD_FAILED, Problem.at(Location.file(where.toString()), message), cause);
    }
}
