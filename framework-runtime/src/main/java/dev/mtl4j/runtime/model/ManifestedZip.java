package dev.mtl4j.runtime.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/** Writes a zip whose last entry is the {@link Manifest} of every entry before it. */
final class ManifestedZip implements Closeable {
    private final ZipOutputStream zip;
    private final Map<String, Manifest.Entry> written = new LinkedHashMap<>();

    ManifestedZip(OutputStream out) {
        this.zip = new ZipOutputStream(out);
    }

    void put(String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
        written.put(name, new Manifest.Entry(content.length, sha256(content)));
    }

    /** The network with its optimizer state: DL4J writes its zip to a buffer, whose entries are copied to the root of ours. */
    void putDl4jEntries(ComputationGraph graph) throws IOException {
        putDl4jEntries(graph, true);
    }

    /**
     * As {@link #putDl4jEntries(ComputationGraph)}; without the parameters ({@code coefficients.bin})
     * when {@code withParameters} is false, for a file that stores them its own way.
     */
    void putDl4jEntries(ComputationGraph graph, boolean withParameters) throws IOException {
        if (!withParameters) {
            // ModelSerializer's entries less coefficients.bin, written directly: DL4J would first
            // serialise and compress every parameter (seconds for a 22 M-parameter transformer whose
            // pretrained weights this file leaves out). The same bytes as its entries (ManifestedZipTest).
            put(ModelEntries.CONFIGURATION, graph.getConfiguration().toJson().getBytes(StandardCharsets.UTF_8));
            org.nd4j.linalg.api.ndarray.INDArray state = graph.getUpdater().getStateViewArray();
            if (state != null && state.length() > 0) {
                putArray(ModelEntries.UPDATER_STATE, state);
            }
            return;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ModelSerializer.writeModel(graph, buffer, true);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(buffer.toByteArray()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                put(entry.getName(), in.readAllBytes());
            }
        }
    }

    /** An ND4J array as {@code Nd4j.write} writes it (what DL4J's own entries hold). */
    void putArray(String name, org.nd4j.linalg.api.ndarray.INDArray array) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(buffer)) {
            org.nd4j.linalg.factory.Nd4j.write(array, out);
        }
        put(name, buffer.toByteArray());
    }

    /** Writes the manifest as the last entry. */
    void finish(String manifestName) throws IOException {
        put(manifestName, PlainYaml.dump(new Manifest(written).toMap()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
