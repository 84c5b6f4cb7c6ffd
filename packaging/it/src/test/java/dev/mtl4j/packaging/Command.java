package dev.mtl4j.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program to its end (or kills it after a time limit) and keeps what it printed. */
final class Command {

    /**
     * What a finished command left.
     *
     * @param exit its exit status, or -1 when it was killed for running too long
     * @param output stdout and stderr, interleaved
     */
    record Result(int exit, String output) {
    }

    private Command() {
    }

    static Result run(Path directory, Map<String, String> environment, Duration limit, List<String> command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("command", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new Result(-1, Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
