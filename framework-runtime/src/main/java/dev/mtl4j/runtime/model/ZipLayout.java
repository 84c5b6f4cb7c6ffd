package dev.mtl4j.runtime.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entries a zip of ours may hold, those it must hold, and the most bytes each may take.
 *
 * @param what what the zip is, for messages ("model", "checkpoint")
 * @param allowed every entry name it may hold
 * @param required the entries it must hold
 * @param caps the cap of each text entry (read whole, so capped); arrays are checked against the
 *     sizes the network implies, and their cap here only refuses a declared size no network needs
 */
record ZipLayout(String what, Set<String> allowed, List<String> required, Map<String, Long> caps) {
    /** 2^31 values of 8 bytes: more than any network ND4J can hold in one array. */
    private static final long ARRAY_CAP = 16L << 30;

    ZipLayout {
        allowed = Set.copyOf(allowed);
        required = List.copyOf(required);
        caps = Map.copyOf(caps);
    }

    long cap(String name) {
        return caps.getOrDefault(name, ARRAY_CAP);
    }
}
