package dev.mtl4j.runtime.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads at most {@code limit} bytes of a stream, and the SHA-256 of what it read. One byte more is
 * {@link TooLarge}: a zip entry that inflates to gigabytes is refused after {@code limit + 1} bytes,
 * never read whole, whatever size the zip's directory declares.
 */
public final class BoundedInput extends FilterInputStream {
    private final long limit;
    private final MessageDigest digest;
    private long count;

    /** More bytes than the limit allows. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("larger than the limit of " + Sizes.text(limit));
        }
    }

    public BoundedInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        // Ask for one byte past the limit at most, so an oversized entry shows itself without being read.
        int n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
        if (n > 0) {
            count += n;
            if (count > limit) {
                throw new TooLarge(limit);
            }
            digest.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads to the end (within the limit) and returns every byte. */
    public byte[] readToEnd() throws IOException {
        return readAllBytes();
    }

    /** Reads the rest (within the limit) without keeping it. */
    public void drain() throws IOException {
        skip(Long.MAX_VALUE);
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    /** The SHA-256 of the bytes read so far, in lower-case hex; call once, at the end. */
    public String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
