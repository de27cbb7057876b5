package dev.portregistry.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Real listening processes under chosen names, for end-to-end tests: a tiny C server compiled once
 * with gcc, copied as {@code openvpn}, {@code nc} and so on. Each child dies with the test JVM
 * (PR_SET_PDEATHSIG) and {@link #close()} kills them all.
 */
public final class TinyListeners implements AutoCloseable {
    private final Path dir;
    private final Path binary;
    private final List<Process> children = new ArrayList<>();

    private TinyListeners(Path dir, Path binary) {
        this.dir = dir;
        this.binary = binary;
    }

    /**
     * Compiles the tiny server into a directory.
     *
     * @return the listeners, or empty if gcc is missing or fails (the caller skips)
     */
    public static Optional<TinyListeners> compile(Path dir) throws IOException, InterruptedException {
        Path source = dir.resolve("tiny-listener.c");
        try (InputStream in = TinyListeners.class.getResourceAsStream("/tiny-listener.c")) {
            Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
        }
        Path binary = dir.resolve("tiny-listener");
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-O1", "-o", binary.toString(), source.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return Optional.empty(); // no gcc on this machine
        }
        gcc.getInputStream().readAllBytes();
        if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            return Optional.empty();
        }
        return Optional.of(new TinyListeners(dir, binary));
    }

    /** A running child: its process and the port it listens on. */
    public record Child(Process process, int port) {
        public long pid() {
            return process.pid();
        }
    }

    /**
     * Starts the server under a program name, on an address, port and transport, and waits until
     * it listens.
     *
     * @return the child, or empty if the port is taken
     */
    public Optional<Child> start(String name, String address, int port, String transport, String... launcher)
            throws IOException, InterruptedException {
        Path named = dir.resolve(name);
        if (!Files.exists(named)) {
            Files.copy(binary, named);
            named.toFile().setExecutable(true);
        }
        List<String> command = new ArrayList<>(List.of(launcher));
        command.addAll(List.of(named.toString(), address, Integer.toString(port), transport));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        children.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String first;
        try {
            first = line.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + " did not start listening within 20 s", e);
        }
        if (first == null || !first.startsWith("listening ")) {
            p.destroyForcibly();
            if (first != null && first.contains("Address already in use")) {
                return Optional.empty();
            }
            throw new IllegalStateException(name + " failed: " + first);
        }
        return Optional.of(new Child(p, Integer.parseInt(first.substring("listening ".length()).strip())));
    }

    @Override
    public void close() {
        for (Process p : children) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        try {
            for (Process p : children) {
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the children are killed already; only the wait is cut short
        }
    }
}
