package dev.portregistry.bench;

import dev.portregistry.PortRegistry;
import dev.portregistry.host.Listener;
import dev.portregistry.host.ListeningSockets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The host audit's scan, {@code ListeningSockets.listeners(registry, proc)}, on a synthetic
 * {@code /proc} tree of 2,000 processes holding 100,000 open fds in all (50 each: sockets, pipes,
 * files, event fds), with 200 listening sockets in {@code net/tcp} and {@code net/udp}, one per
 * 10th process. One listening socket belongs to no process, so the scan cannot stop early and
 * reads every fd: the worst case (as for a non-root user, where some processes stay hidden). The
 * tree lives in {@code /dev/shm} (tmpfs, in memory like {@code /proc}) where that exists.
 *
 * <p>{@code realProc} runs the same on this machine's own {@code /proc}, for scale.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ProcScanBenchmark {
    @Param({"2000"})
    public int processes;

    @Param({"50"})
    public int fdsPerProcess;

    private Path root;
    private PortRegistry registry;

    @Setup(Level.Trial)
    public void buildTree() throws IOException {
        registry = PortRegistry.bundled();
        // in memory where the machine has /dev/shm, as /proc is: the scan then costs what its system calls cost
        Path shm = Path.of("/dev/shm");
        root = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "synthetic-proc")
                : Files.createTempDirectory("synthetic-proc");
        Files.createDirectories(root.resolve("net"));
        Random random = new Random(42);
        StringBuilder tcp = new StringBuilder(HEADER);
        StringBuilder udp = new StringBuilder(HEADER);
        long inode = 100_000;
        int listening = 0;
        for (int pid = 1; pid <= processes; pid++) {
            Path dir = root.resolve(Integer.toString(pid));
            Path fd = Files.createDirectories(dir.resolve("fd"));
            Files.writeString(dir.resolve("comm"), "proc" + pid + "\n");
            Files.write(dir.resolve("cmdline"), ("/usr/bin/proc" + pid + "\0--flag\0").getBytes(StandardCharsets.UTF_8));
            Files.createSymbolicLink(dir.resolve("exe"), Path.of("/usr/bin/proc" + pid));
            for (int i = 0; i < fdsPerProcess; i++) {
                String target;
                if (i == 3 && pid % 10 == 0) {
                    long mine = inode++;
                    target = "socket:[" + mine + "]";
                    int port = 1024 + random.nextInt(30000);
                    boolean isTcp = listening++ % 2 == 0;
                    (isTcp ? tcp : udp).append(line(listening, port, isTcp ? "0A" : "07", mine));
                } else {
                    switch (i % 4) {
                        case 0 -> target = "/dev/null";
                        case 1 -> target = "pipe:[" + inode++ + "]";
                        case 2 -> target = "socket:[" + inode++ + "]";
                        default -> target = "anon_inode:[eventpoll]";
                    }
                }
                Files.createSymbolicLink(fd.resolve(Integer.toString(i)), Path.of(target));
            }
        }
        // a listener no process holds: the scan must read every fd table
        tcp.append(line(listening + 1, 4444, "0A", 99_999));
        Files.writeString(root.resolve("net/tcp"), tcp.toString());
        Files.writeString(root.resolve("net/udp"), udp.toString());
        List<Listener> ls = ListeningSockets.listeners(registry, root);
        long seen = ls.stream().filter(l -> l.process().isPresent()).count();
        if (ls.size() != processes / 10 + 1 || seen != processes / 10) {
            throw new IllegalStateException("synthetic tree: " + ls.size() + " listeners, " + seen + " with a process");
        }
    }

    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode\n";

    private static String line(int sl, int port, String state, long inode) {
        // 0.0.0.0 reads the same in either byte order
        return String.format("%4d: 00000000:%04X 00000000:0000 %s 00000000:00000000 00:00000000 00000000  1000"
                + "        0 %d 1 0000000000000000 100 0 0 10 0%n", sl, port, state, inode);
    }

    @TearDown(Level.Trial)
    public void deleteTree() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public List<Listener> syntheticProc() {
        return ListeningSockets.listeners(registry, root);
    }

    @Benchmark
    public List<Listener> realProc() {
        return ListeningSockets.listeners(registry);
    }
}
