package dev.mtl4j.packaging;

import java.nio.file.Path;

/** Where the build runs: the checkout, the version built, Maven and the user's local repository. */
final class Checkout {

    private Checkout() {
    }

    static Path root() {
        return Path.of(property("mtl.root")).toAbsolutePath().normalize();
    }

    static String version() {
        return property("mtl.version");
    }

    static Path mvn() {
        return Path.of(property("maven.home"), "bin", "mvn");
    }

    static Path userRepository() {
        return Path.of(property("mtl.localRepository"));
    }

    /** This module's own scratch space, under target/. */
    static Path scratch(String name) {
        return root().resolve("packaging/it/target").resolve(name);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (run through Maven: mvn verify)");
        }
        return value;
    }
}
