package dev.portregistry.bench;

import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import jnr.netdb.Service;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The Java peer, jnr-netdb's {@code Service.getServiceByPort} (native {@code getservbyport} or its
 * own parse of {@code /etc/services}), against ours on the same {@link PortSample}, in one run.
 * Run by {@code benchmarks/peers/run-peers.sh}, not by {@code run.sh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(2)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class PeerBenchmark {
    private int[] ports;

    /**
     * Builds the sample and looks every port of it up once in both libraries, so that both are
     * measured warm (for us: every sampled port already decoded, as in LookupBenchmark).
     */
    @Setup
    public void setUp() {
        ports = PortSample.ports();
        PortRegistry registry = PortRegistry.bundled();
        for (int port : ports) {
            registry.get(port); // decodes without leaving lookup's decode branch in its profile (LookupBenchmark)
            Service.getServiceByPort(port, "tcp");
        }
    }

    /**
     * Ours.
     *
     * @param bh consumes each answer
     */
    @Benchmark
    @OperationsPerInvocation(PortSample.SIZE)
    public void portRegistry(Blackhole bh) {
        for (int port : ports) {
            PortInfo info = PortRegistry.lookup(port);
            bh.consume(info);
        }
    }

    /**
     * jnr-netdb, TCP (the answer for UDP is a second call).
     *
     * @param bh consumes each answer, null for a port without a service
     */
    @Benchmark
    @OperationsPerInvocation(PortSample.SIZE)
    public void jnrNetdb(Blackhole bh) {
        for (int port : ports) {
            bh.consume(Service.getServiceByPort(port, "tcp"));
        }
    }
}
