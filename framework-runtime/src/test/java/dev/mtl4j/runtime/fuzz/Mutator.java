package dev.mtl4j.runtime.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * A seeded mutator of input files, for fuzzing the readers: each call applies one to four random
 * edits to one of the seed files: byte flips, deletions, duplications, splices from another seed,
 * truncation, odd Unicode, huge numbers, deep nesting, YAML aliases and tags, CSV quotes and line
 * breaks. The same seed always gives the same cases, so a failure can be replayed from its number.
 */
final class Mutator {
    private static final List<String> TOKENS = List.of(
            // odd Unicode: NUL, BOM, right-to-left override, a lone surrogate's bytes below, emoji, combining mark, NEL
            "\u0000", "\uFEFF", "\u202E", "\uD83D\uDE00", "e\u0301", "\u0085", "\u2028", "\u00A0",
            // huge and odd numbers
            "1e999999", "-1e-999999", "99999999999999999999999999", "0x7FFFFFFFFFFFFFFF", ".nan", "-.inf", "1_000_000",
            "2147483648", "-2147483649", "1e-3", "0o777", "NaN", "Infinity",
            // YAML structure
            ": ", "- ", "{", "}", "[", "]", ",", "? ", "&a ", "*a", "<<: *a", "!!binary ", "!!java.io.File ", "!<tag:x> ",
            "|\n", ">-\n", "'", "\"", "#", "%YAML 1.1\n", "---\n", "...\n", "\t", "  ", "~", "null", "yes", "on",
            // CSV structure
            "\"\"", "\"a,b\"", ",,,", "\r\n", "\r", "\n\n", ";", "\"unterminated");

    private final Random random;
    private final List<byte[]> seeds;

    Mutator(long seed, List<byte[]> seeds) {
        this.random = new Random(seed);
        this.seeds = seeds;
    }

    /** The next case: a mutated copy of a seed file. */
    byte[] next() {
        byte[] data = seeds.get(random.nextInt(seeds.size())).clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            data = edit(data);
        }
        return data;
    }

    private byte[] edit(byte[] data) {
        int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
        return switch (random.nextInt(10)) {
            case 0 -> flip(data);
            case 1 -> delete(data, at, 1 + random.nextInt(Math.max(1, data.length / 8 + 1)));
            case 2 -> duplicate(data, at);
            case 3 -> splice(data, at);
            case 4 -> java.util.Arrays.copyOf(data, at);
            case 5, 6 -> insert(data, at, TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8));
            case 7 -> insert(data, at, nesting());
            case 8 -> insert(data, at, new byte[] {(byte) (0x80 + random.nextInt(0x80))}); // not UTF-8
            default -> insert(data, at, aliases());
        };
    }

    private byte[] flip(byte[] data) {
        if (data.length > 0) {
            data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return data;
    }

    private static byte[] delete(byte[] data, int at, int length) {
        int end = Math.min(data.length, at + length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        out.write(data, 0, at);
        out.write(data, end, data.length - end);
        return out.toByteArray();
    }

    private byte[] duplicate(byte[] data, int at) {
        int length = Math.min(data.length - at, 1 + random.nextInt(200));
        return length <= 0 ? data : insert(data, at, java.util.Arrays.copyOfRange(data, at, at + length));
    }

    /** A piece of another seed, so that the sections of one format meet those of another. */
    private byte[] splice(byte[] data, int at) {
        byte[] other = seeds.get(random.nextInt(seeds.size()));
        if (other.length == 0) {
            return data;
        }
        int from = random.nextInt(other.length);
        int length = Math.min(other.length - from, 1 + random.nextInt(300));
        return insert(data, at, java.util.Arrays.copyOfRange(other, from, from + length));
    }

    private byte[] nesting() {
        int depth = 1 + random.nextInt(200);
        String open = random.nextBoolean() ? "[" : "{a: ";
        String close = open.equals("[") ? "]" : "}";
        return (open.repeat(depth) + close.repeat(random.nextInt(depth + 1))).getBytes(StandardCharsets.UTF_8);
    }

    /** Anchors and aliases, nested: the start of a "billion laughs". */
    private byte[] aliases() {
        StringBuilder text = new StringBuilder("\nx0: &x0 [a, a]\n");
        int levels = 1 + random.nextInt(12);
        for (int i = 1; i <= levels; i++) {
            text.append('x').append(i).append(": &x").append(i).append(" [*x").append(i - 1).append(", *x").append(i - 1)
                    .append("]\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] data, int at, byte[] piece) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + piece.length);
        out.write(data, 0, at);
        out.write(piece, 0, piece.length);
        out.write(data, at, data.length - at);
        return out.toByteArray();
    }
}
