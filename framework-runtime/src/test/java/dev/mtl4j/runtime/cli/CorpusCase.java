package dev.mtl4j.runtime.cli;

import dev.mtl4j.runtime.Repository;
import dev.mtl4j.runtime.io.OutputFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One case of the bad-input corpus (the format is {@link BadInputCorpusTest}'s Javadoc), copied into
 * a working folder with its placeholders replaced, and run.
 */
final class CorpusCase {
    private static final List<String> KINDS = List.of("pipeline", "data", "model", "command");
    /** The corpus folder of files several cases read (not a case itself). */
    static final String SHARED = "_shared";

    private final Path dir;
    private final List<String> arguments;
    private final Map<String, String> expect;

    private CorpusCase(Path dir, List<String> arguments, Map<String, String> expect) {
        this.dir = dir;
        this.arguments = arguments;
        this.expect = expect;
    }

    static CorpusCase copy(Path folder, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> values = Map.of("{dir}", dir.toString(), "{out}", dir.resolve("out").toString(),
                "{examples}", Repository.file("examples").toString(), "{shared}", folder.resolveSibling(SHARED).toString(),
                "{golden}", Repository.file("framework-runtime/src/test/resources/golden/digits-format1.zip").toString());
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = dir.resolve(folder.relativize(file).toString());
                Files.createDirectories(target.getParent());
                String name = file.getFileName().toString();
                Optional<String> text = name.equals("command") || name.equals("expect") || name.endsWith(".yaml")
                        ? utf8(file) : Optional.empty();
                if (text.isPresent()) {
                    Files.writeString(target, replace(text.get(), values));
                } else {
                    Files.copy(file, target);
                }
            }
        }
        String command = Files.readString(dir.resolve("command")).strip();
        Map<String, String> expect = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("expect"))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                expect.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        if (!expect.containsKey("exit") || !expect.containsKey("where")) {
            throw new IllegalStateException(folder + "/expect needs 'exit:' and 'where:'");
        }
        return new CorpusCase(dir, command.isEmpty() ? List.of() : List.of(command.split("\\s+")), expect);
    }

    /** A file's text, or empty when it is not UTF-8 (a case about a file in another encoding is copied as is). */
    private static Optional<String> utf8(Path file) throws IOException {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String replace(String text, Map<String, String> values) {
        String replaced = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            replaced = replaced.replace(value.getKey(), value.getValue());
        }
        return replaced;
    }

    String kind() {
        String name = dir.getFileName().toString();
        return KINDS.stream().filter(k -> name.startsWith(k + "-")).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + ": a case's name starts with one of " + KINDS));
    }

    int exit() {
        return Integer.parseInt(expect.get("exit"));
    }

    String where() {
        return expect.get("where");
    }

    Optional<String> says() {
        return Optional.ofNullable(expect.get("says"));
    }

    Path out() {
        return dir.resolve("out");
    }

    /**
     * Runs the command in this JVM, or in a child JVM when the case names JVM options; with
     * {@code busy: FOLDER}, while this JVM holds that output folder as another run would.
     */
    CliRun run() {
        if (expect.containsKey("busy")) {
            try (OutputFolder held = OutputFolder.take(Path.of(expect.get("busy")))) {
                return runCommand();
            }
        }
        return runCommand();
    }

    private CliRun runCommand() {
        if (!expect.containsKey("jvm")) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try {
                return CliRun.of(arguments.toArray(String[]::new));
            } finally {
                Thread.currentThread().setContextClassLoader(loader); // --plugin-path sets it
            }
        }
        return child(List.of(expect.get("jvm").split("\\s+")));
    }

    private CliRun child(List<String> options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(dir.resolve("child.out").toFile()).redirectError(dir.resolve("child.err").toFile()).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the child JVM of " + dir.getFileName() + " ran for over 180 s");
            }
            return new CliRun(process.exitValue(), new String(Files.readAllBytes(dir.resolve("child.out")), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(dir.resolve("child.err")), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
