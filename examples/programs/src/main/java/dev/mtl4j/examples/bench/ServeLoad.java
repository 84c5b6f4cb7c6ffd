package dev.mtl4j.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.predict.Predictor;
import dev.mtl4j.runtime.serve.PredictionServer;
import dev.mtl4j.runtime.serve.ServerOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load test of the prediction server on the loopback interface, bounded in requests and time:
 * {@code --clients} threads each send requests one after another with the JDK's HTTP client (one
 * connection each, kept alive), until {@code --requests} were sent or {@code --seconds} passed.
 * Each request holds {@code --batch} records (rows of the data file). Reported: requests/s,
 * records/s, latency p50/p90/p99, and every status other than 200.
 *
 * <pre>
 * java -cp "examples/programs/target/lib/*:examples/programs/target/classes" dev.mtl4j.examples.bench.ServeLoad \
 *     --model runs/income/model.zip [--clients 1,4,16] [--batch 1,100] [--requests 20000] [--seconds 20]
 *     [--url http://127.0.0.1:8080]   (a running mtl serve; default: a server started in this JVM)
 * </pre>
 */
public final class ServeLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServeLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path modelFile = Path.of("runs/income/model.zip");
        Path data = Path.of("examples/data/income_marketing.csv");
        List<Integer> clients = List.of(1, 4, 16);
        List<Integer> batches = List.of(1, 100);
        int requests = 20_000;
        double seconds = 20;
        String url = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--model" -> modelFile = Path.of(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]);
                case "--clients" -> clients = Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
                case "--batch" -> batches = Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
                case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                case "--url" -> url = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        MtlRuntime runtime = MtlRuntime.create();
        Predictor predictor = Predictor.of(runtime.load(modelFile));
        PredictionServer server = null;
        if (url == null) {
            server = PredictionServer.start(predictor, new ServerOptions(new InetSocketAddress("127.0.0.1", 0),
                    Math.max(2, Runtime.getRuntime().availableProcessors()), ServerOptions.DEFAULT_MAX_BODY,
                    ServerOptions.DEFAULT_MAX_RECORDS));
            url = "http://127.0.0.1:" + server.address().getPort();
        }
        List<Map<String, Object>> records = ExampleRecords.read(runtime, data, predictor.info().features());
        System.out.printf(Locale.ROOT, "%s, model %s, %d processors, at most %d requests or %.0f s per row%n%n", url,
                predictor.info().pipeline(), Runtime.getRuntime().availableProcessors(), requests, seconds);
        System.out.println("| clients | records/request | requests | requests/s | records/s | p50 ms | p90 ms | p99 ms | not 200 |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        try {
            for (int batch : batches) {
                List<String> bodies = bodies(records, batch);
                for (int count : clients) {
                    run(URI.create(url + "/predict"), bodies, count, batch, requests, seconds);
                }
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static List<String> bodies(List<Map<String, Object>> records, int batch) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int start = 0; start + batch <= records.size() && bodies.size() < 500; start += batch) {
            bodies.add(batch == 1 ? JSON.writeValueAsString(records.get(start))
                    : JSON.writeValueAsString(records.subList(start, start + batch)));
        }
        return bodies;
    }

    private static void run(URI uri, List<String> bodies, int clients, int batch, int requests, double seconds)
            throws Exception {
        send(uri, bodies, Math.min(clients, 4), Math.min(requests, 200), seconds); // warm-up
        long start = System.nanoTime();
        Result result = send(uri, bodies, clients, requests, seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] nanos = result.latencies();
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "| %d | %d | %d | %.0f | %.0f | %.2f | %.2f | %.2f | %d |%n", clients, batch, nanos.length,
                nanos.length / elapsed, nanos.length * batch / elapsed, ExampleRecords.millis(nanos, 0.5),
                ExampleRecords.millis(nanos, 0.9), ExampleRecords.millis(nanos, 0.99), result.failures());
    }

    private record Result(long[] latencies, long failures) {
    }

    private static Result send(URI uri, List<String> bodies, int clients, int requests, double seconds) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        AtomicInteger sent = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Future<long[]>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(threads.submit(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                long[] latencies = new long[requests];
                int n = 0;
                for (int i = sent.getAndIncrement(); i < requests && System.nanoTime() < end; i = sent.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build();
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    latencies[n++] = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        try {
            for (Future<long[]> worker : workers) {
                parts.add(worker.get());
            }
        } finally {
            threads.shutdownNow();
        }
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(all, failures.get());
    }
}
