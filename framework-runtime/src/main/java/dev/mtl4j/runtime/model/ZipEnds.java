package dev.mtl4j.runtime.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * A zip of ours starts with its first entry and ends with its end record: Java's zip reader would
 * accept bytes before and after (it looks for the end record and trusts offsets), so a model file
 * with junk appended, or cut inside its end record, would load without a word.
 */
final class ZipEnds {
    /** An end-of-central-directory record is 22 bytes and may carry a comment of up to 65,535. */
    private static final int END_RECORD = 22;
    private static final int MAX_COMMENT = 0xffff;

    private ZipEnds() {
    }

    /**
     * @throws ZipException when the file is no zip at all
     * @throws dev.mtl4j.api.MtlException MODEL_INVALID when junk follows the end record or the record is cut
     */
    static void check(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate(4);
            channel.read(head);
            if (size < END_RECORD || head.getInt(0) != 0x504b0304) {
                throw new ZipException("it does not start with a zip entry");
            }
            int tail = (int) Math.min(size, END_RECORD + MAX_COMMENT);
            ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            channel.position(size - tail);
            while (end.hasRemaining() && channel.read(end) > 0) {
                // read the whole tail
            }
            for (int at = tail - END_RECORD; at >= 0; at--) {
                if (end.getInt(at) == 0x06054b50) {
                    int comment = end.getShort(at + 20) & 0xffff;
                    long junk = tail - (at + END_RECORD + comment);
                    if (junk != 0) {
                        throw ModelZip.invalid(file, junk > 0 ? junk + " bytes of trailing junk after the end of the zip"
                                : "the zip's end record is cut");
                    }
                    return;
                }
            }
            throw new ZipException("no end of central directory record");
        }
    }
}
