package dev.mtl4j.runtime.serve;

import java.net.InetSocketAddress;

/**
 * How the prediction server listens and what it accepts.
 *
 * @param address where it listens (port 0: any free port)
 * @param threads requests handled at once
 * @param maxBodyBytes the largest request body; a larger one is refused with 413
 * @param maxRecords the most records in one request; more are refused with 413
 */
public record ServerOptions(InetSocketAddress address, int threads, int maxBodyBytes, int maxRecords) {
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_BODY = 1 << 20;
    public static final int DEFAULT_MAX_RECORDS = 10_000;

    public ServerOptions {
        if (threads < 1 || maxBodyBytes < 2 || maxRecords < 1) {
            throw new IllegalArgumentException("threads, body size and records must be positive: " + threads + ", "
                    + maxBodyBytes + ", " + maxRecords);
        }
    }

    /** Loopback only, the given port, a thread per processor (at least two), 1 MiB bodies, 10,000 records. */
    public static ServerOptions loopback(int port) {
        return new ServerOptions(new InetSocketAddress("127.0.0.1", port),
                Math.max(2, Runtime.getRuntime().availableProcessors()), DEFAULT_MAX_BODY, DEFAULT_MAX_RECORDS);
    }
}
