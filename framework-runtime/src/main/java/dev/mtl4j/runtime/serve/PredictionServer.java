package dev.mtl4j.runtime.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.runtime.predict.Predictor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model behind HTTP, on the JDK's own server ({@code com.sun.net.httpserver}: no dependency for a
 * three-endpoint JSON service, HTTP/1.1 with keep-alive, a thread pool of our choosing):
 * <ul>
 *   <li>{@code POST /predict} with one record as a JSON object (the answer: its prediction, task
 *       by task) or an array of records (the answer: an array of predictions, in order);</li>
 *   <li>{@code GET /model}: what the model reads and predicts;</li>
 *   <li>{@code GET /health}: {@code {"status":"ok"}} while it serves.</li>
 * </ul>
 * A body that is not JSON is answered 400, a record the model cannot read (a missing or unknown
 * column, a category never seen) 422 naming record and column, a body or batch over the limits 413.
 */
public final class PredictionServer implements AutoCloseable {
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";
    private final HttpServer server;
    private final ExecutorService threads;

    private PredictionServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    public static PredictionServer start(Predictor predictor, ServerOptions options) {
        // The JDK server writes an answer's headers and body apart; with Nagle's algorithm on, the body
        // then waits for the client's delayed ACK: 40 ms and more per request (measured: p50 68 ms
        // against 3 ms for one record, docs/serving.md). Read once, when the JDK's server is first used.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        ObjectMapper json = new ObjectMapper();
        HttpServer server;
        try {
            server = HttpServer.create(options.address(), 0);
        } catch (IOException e) {
            throw new MtlException(ErrorCategory.IO_FAILED, "cannot listen on " + options.address() + ": " + e.getMessage(), e);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(options.threads(), task -> {
            Thread thread = new Thread(task, "mtl-serve-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Exchanges exchanges = new Exchanges(json);
        server.createContext("/", new Routes(exchanges, predictor, options));
        server.setExecutor(threads);
        server.start();
        return new PredictionServer(server, threads);
    }

    /** Where it listens (the port chosen when the options asked for port 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops taking requests, lets running ones finish (for at most a second), and stops. */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdownNow();
    }
}
