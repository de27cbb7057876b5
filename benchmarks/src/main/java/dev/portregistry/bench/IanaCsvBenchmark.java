package dev.portregistry.bench;

import dev.portregistry.IanaCsv;
import dev.portregistry.PortRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reading IANA's full CSV (14,500 records) with {@link IanaCsv}, and building a registry from it
 * with {@link PortRegistry#withIanaCsv}. The file is the project's copy,
 * {@code registry-data/data/iana/service-names-port-numbers.csv}, or the one named by
 * {@code -p file=...}; run from the repository root.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class IanaCsvBenchmark {
    @Param("registry-data/data/iana/service-names-port-numbers.csv")
    public String file;

    private Path path;

    @Setup
    public void setUp() throws IOException {
        path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IOException(path.toAbsolutePath() + " does not exist: run from the repository root or pass -p file=...");
        }
    }

    @Benchmark
    public IanaCsv read() throws IOException {
        return IanaCsv.read(path);
    }

    @Benchmark
    public PortRegistry withIanaCsv() throws IOException {
        return PortRegistry.bundled().withIanaCsv(path);
    }
}
