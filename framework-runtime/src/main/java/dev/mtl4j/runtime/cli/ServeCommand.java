package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.predict.Predictor;
import dev.mtl4j.runtime.serve.PredictionServer;
import dev.mtl4j.runtime.serve.ServerOptions;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mtl serve MODEL [--port N]}: the model behind an HTTP JSON endpoint until stopped. */
@Command(name = "serve", description = "Serve a model over HTTP: POST /predict (a JSON record or an array of them), "
        + "GET /model, GET /health. Stop with Ctrl-C.")
final class ServeCommand implements Callable<Integer>, InputCommand {
    @ParentCommand
    MtlCommand parent;

    @Parameters(paramLabel = "MODEL", description = "The model file (model.zip).")
    Path model;

    @Option(names = "--port", paramLabel = "N", description = "The port (default ${DEFAULT-VALUE}; 0: any free one).")
    int port = ServerOptions.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "The address to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0: every interface).")
    String host = "127.0.0.1";

    @Option(names = "--threads", paramLabel = "N", description = "Requests handled at once (default: processors, at least 2).")
    Integer threads;

    @Option(names = "--max-body", paramLabel = "BYTES", description = "The largest request body (default ${DEFAULT-VALUE}).")
    int maxBody = ServerOptions.DEFAULT_MAX_BODY;

    @Option(names = "--max-records", paramLabel = "N", description = "The most records in one request (default ${DEFAULT-VALUE}).")
    int maxRecords = ServerOptions.DEFAULT_MAX_RECORDS;

    @Override
    public Path input() {
        return model;
    }

    @Override
    public Integer call() throws InterruptedException {
        Predictor predictor = Predictor.of(parent.runtime().load(model));
        ServerOptions defaults = ServerOptions.loopback(port);
        ServerOptions options = new ServerOptions(new InetSocketAddress(host, port),
                threads == null ? defaults.threads() : threads, maxBody, maxRecords);
        PredictionServer server = PredictionServer.start(predictor, options);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "mtl-serve-stop"));
        PrintStream out = System.out;
        InetSocketAddress at = server.address();
        out.println("serving " + model + " (" + String.join(", ", predictor.tasks()) + ") on http://"
                + at.getHostString() + ":" + at.getPort() + ": POST /predict, GET /model, GET /health; Ctrl-C stops");
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
