package dev.mtl4j.runtime.model;

import dev.mtl4j.runtime.io.BoundedInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.longer.MatchCondition;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Checks an array as ND4J writes it ({@code Nd4j.write}: the shape buffer, then the data buffer, each
 * a header — allocation mode, length, data type — and its values) without reading it into memory:
 * the headers must be well formed, the data must hold exactly the number of values the network
 * needs, and nothing may follow it. {@code Nd4j.read} trusts the length in the header and allocates
 * it, so a header is checked here before ND4J ever sees the entry.
 */
final class ArrayEntry {
    /** Allocation modes whose buffer length is written as an int; the newer ones write a long. */
    private static final Set<String> INT_LENGTH_MODES = Set.of("HEAP", "JAVACPP", "DIRECT");
    private static final Set<String> MODES = Set.of("HEAP", "JAVACPP", "DIRECT", "LONG_SHAPE", "MIXED_DATA_TYPES");
    private static final Map<String, Integer> VALUE_BYTES = Map.of("FLOAT", 4, "DOUBLE", 8, "HALF", 2, "BFLOAT16", 2);
    /** A shape buffer holds 2·rank + 4 values; ND4J's rank is at most 32. */
    private static final int MAX_SHAPE_BUFFER = 2 * 32 + 4;

    private ArrayEntry() {
    }

    /**
     * The entry, checked to hold {@code values} values (a first pass that reads no array), then read
     * by ND4J (a second pass); every failure names the entry.
     */
    static INDArray read(ModelZip zip, String name, long values) {
        try (BoundedInput in = zip.open(name, maxBytes(values))) {
            check(in, values);
        } catch (IllegalArgumentException e) {
            throw zip.entryInvalid(name, e.getMessage());
        } catch (IOException e) {
            throw zip.entryInvalid(name, e.getMessage(), e);
        }
        try (BoundedInput in = zip.open(name, maxBytes(values))) {
            return Nd4j.read(new DataInputStream(in));
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            throw zip.entryInvalid(name, "ND4J cannot read it: " + message.lines().findFirst().orElse(""), e);
        }
    }

    /** Refuses NaN and infinite values, naming the first part (a parameter of {@code parts}) that holds one. */
    static void requireFinite(ModelZip zip, String name, Map<String, INDArray> parts, INDArray values) {
        long bad = values == null ? 0 : nonFinite(values);
        if (bad == 0) {
            return;
        }
        String where = parts.entrySet().stream().filter(p -> nonFinite(p.getValue()) > 0).findFirst()
                .map(p -> " (the first in parameter '" + p.getKey() + "')").orElse("");
        throw zip.entryInvalid(name, bad + " of " + values.length() + " values are NaN or infinite" + where
                + "; a network with them predicts NaN");
    }

    private static long nonFinite(INDArray values) {
        return Nd4j.getExecutioner().exec(new MatchCondition(values, Conditions.notFinite())).getLong(0);
    }

    /** The most bytes a well-formed entry of {@code values} values can take. */
    static long maxBytes(long values) {
        return 1024 + values * 8;
    }

    /**
     * Reads the entry to its end and checks it holds {@code expected} values.
     *
     * @throws IllegalArgumentException saying what is wrong, for the caller to name the entry
     */
    static void check(InputStream entry, long expected) throws IOException {
        DataInputStream in = new DataInputStream(entry);
        try {
            Header shapeHeader = header(in, "shape");
            String shapeType = shapeHeader.type();
            long shapeLength = shapeHeader.length();
            if (!shapeType.equals("LONG") || shapeLength < 4 || shapeLength > MAX_SHAPE_BUFFER) {
                throw new IllegalArgumentException("not an array ND4J wrote (shape buffer of " + shapeLength + " " + shapeType + ")");
            }
            long[] shape = new long[(int) shapeLength];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = in.readLong();
            }
            Header data = header(in, "data");
            String dataType = data.type();
            long length = data.length();
            Integer bytes = VALUE_BYTES.get(dataType);
            if (bytes == null) {
                throw new IllegalArgumentException("holds " + dataType + " values, not floating-point parameters");
            }
            if (length != expected) {
                throw new IllegalArgumentException("holds " + length + " values, but the network's configuration needs "
                        + expected);
            }
            long elements = elements(shape);
            if (elements != length) {
                throw new IllegalArgumentException("its shape says " + elements + " values, its data has " + length);
            }
            in.skipNBytes(length * bytes);
        } catch (EOFException e) {
            throw new IllegalArgumentException("cut short: it ends before the " + expected + " values the network needs");
        }
        if (in.read() >= 0) {
            throw new IllegalArgumentException("trailing junk after the " + expected + " values the network needs");
        }
    }

    /** A buffer's header: its data type and how many values follow. */
    private record Header(String type, long length) {
    }

    private static Header header(DataInputStream in, String which) throws IOException {
        String mode = in.readUTF();
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("not an array ND4J wrote (" + which + " buffer mode '" + abbreviate(mode) + "')");
        }
        long length = INT_LENGTH_MODES.contains(mode) ? in.readInt() : in.readLong();
        if (length < 0) {
            throw new IllegalArgumentException("not an array ND4J wrote (" + which + " buffer length " + length + ")");
        }
        return new Header(in.readUTF(), length);
    }

    /** The product of the dimensions in a shape buffer [rank, dims..., strides..., extras, ews, order]. */
    private static long elements(long[] shape) {
        long rank = shape[0];
        if (rank < 0 || 2 * rank + 4 != shape.length) {
            throw new IllegalArgumentException("not an array ND4J wrote (rank " + rank + " in a shape buffer of " + shape.length + ")");
        }
        long product = 1;
        for (int i = 1; i <= rank; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException("not an array ND4J wrote (dimension " + shape[i] + ")");
            }
            product = Math.multiplyExact(product, shape[i]);
        }
        return product;
    }

    private static String abbreviate(String text) {
        return text.length() <= 24 ? text : text.substring(0, 24) + "...";
    }
}
