package dev.portregistry.bench;

import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code PortRegistry.lookup} against the physical limit and against a {@code HashMap}, in one run.
 *
 * <p>Every method walks the same {@link PortSample} of 4,096 pseudo-random ports and hands each
 * answer to the Blackhole, so a score is the cost of one lookup including the consume, and the
 * three methods differ only in how the {@code PortInfo} is found:
 * <ul>
 *   <li>{@code lookup}: the public static API, {@code PortRegistry.lookup(port)};</li>
 *   <li>{@code arrayLimit}: the physical limit, one load from a prebuilt {@code PortInfo[65536]}
 *       holding the very same records (filled from the registry), read through a field;</li>
 *   <li>{@code arrayLimitConstant}: the same load from a {@code static final} array, which the
 *       JIT treats as a constant, as it does the registry's own array in {@code lookup}; the
 *       limit is the faster of the two;</li>
 *   <li>{@code hashMap}: {@code HashMap<Integer, PortInfo>} of all 65,536 ports, what one would
 *       write by hand.</li>
 * </ul>
 * The {@code 2Threads} variants run the same loop from two threads at once; JMH reports the
 * time per operation per thread, comparable with the single-thread score.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class LookupBenchmark {
    /** The limit array as a constant; filled by the class initializer, before any benchmark runs. */
    private static final PortInfo[] CONSTANT = filled();

    private int[] ports;
    private PortInfo[] limit;
    private Map<Integer, PortInfo> map;

    /**
     * Builds the sample, the limit array and the map from the bundled registry. It decodes every
     * port through the instance ({@code bundled().get}), not through {@code lookup}: 65,536 first
     * lookups through {@code lookup} would leave its decode branch in the profile the JIT compiles
     * the measured loops from, and whether that costs 0.2 ns a lookup then depends on when each
     * fork compiles what (0.55 to 0.8 ns between forks of one run, and a two-thread score that
     * moved from 1.01x to 1.28x of the single-thread one between two runs). So every variant
     * measures the steady state, compiled the same way.
     */
    @Setup
    public void setUp() {
        ports = PortSample.ports();
        limit = filled();
        map = new HashMap<>();
        for (int port = 0; port < limit.length; port++) {
            map.put(port, limit[port]);
        }
    }

    /** Every port's record, decoded through the instance (see {@link #setUp()}). */
    private static PortInfo[] filled() {
        PortInfo[] a = new PortInfo[65536];
        PortRegistry registry = PortRegistry.bundled();
        for (int port = 0; port < a.length; port++) {
            a[port] = registry.get(port);
        }
        return a;
    }

    /**
     * The public API.
     *
     * @param bh consumes each answer
     */
    @Benchmark
    @OperationsPerInvocation(PortSample.SIZE)
    public void lookup(Blackhole bh) {
        for (int port : ports) {
            bh.consume(PortRegistry.lookup(port));
        }
    }

    /**
     * The physical limit: one array load per port.
     *
     * @param bh consumes each answer
     */
    @Benchmark
    @OperationsPerInvocation(PortSample.SIZE)
    public void arrayLimit(Blackhole bh) {
        PortInfo[] a = limit;
        for (int port : ports) {
            bh.consume(a[port]);
        }
    }

    /**
     * The physical limit with the array as a constant, as {@code lookup} has its own.
     *
     * @param bh consumes each answer
     */
    @Benchmark
    @OperationsPerInvocation(PortSample.SIZE)
    public void arrayLimitConstant(Blackhole bh) {
        for (int port : ports) {
            bh.consume(CONSTANT[port]);
        }
    }

    /**
     * What one would write by hand: a boxed-key hash map.
     *
     * @param bh consumes each answer
     */
    @Benchmark
    @OperationsPerInvocation(PortSample.SIZE)
    public void hashMap(Blackhole bh) {
        Map<Integer, PortInfo> m = map;
        for (int port : ports) {
            bh.consume(m.get(port));
        }
    }

    /**
     * The public API from two threads at once.
     *
     * @param bh consumes each answer
     */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(PortSample.SIZE)
    public void lookup2Threads(Blackhole bh) {
        lookup(bh);
    }

    /**
     * The physical limit from two threads at once: what the machine itself gives.
     *
     * @param bh consumes each answer
     */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(PortSample.SIZE)
    public void arrayLimit2Threads(Blackhole bh) {
        arrayLimit(bh);
    }
}
