package dev.portregistry.bench;

import dev.portregistry.AlternateUse;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code PortRegistry.byService} for typical names, against a linear scan over every port.
 *
 * <p>Each invocation resolves {@value #NAMES} names: the one name of the parameter eight times,
 * or for {@code mixed} a set of official names, common names, names in upper case and unknown
 * names. The score is the cost of one name.
 *
 * <p>The baseline {@code linearScan} is what one would write without an index: walk all 65,536
 * records and keep those with an assignment or an alternate use of that name, ignoring case.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ServiceBenchmark {
    /** Names resolved per invocation. */
    static final int NAMES = 8;

    /** Official, common, upper-case and unknown names, as a log or a config file would give them. */
    static final String[] MIXED = {"https", "ssh", "OpenVPN", "dns", "postgres", "no-such-service", "SMTP", "xyzzy"};

    /** One name eight times, or {@code mixed} for {@link #MIXED}. */
    @Param({"http", "openvpn", "rdp", "mixed"})
    public String name;

    private String[] names;
    private PortInfo[] all;

    /** Fills the names and the array the baseline scans. */
    @Setup
    public void setUp() {
        if (name.equals("mixed")) {
            names = MIXED.clone();
        } else {
            names = new String[NAMES];
            Arrays.fill(names, name);
        }
        all = new PortInfo[65536];
        for (int port = 0; port < all.length; port++) {
            all[port] = PortRegistry.lookup(port);
        }
    }

    /**
     * The public API.
     *
     * @param bh consumes each answer
     */
    @Benchmark
    @OperationsPerInvocation(NAMES)
    public void byService(Blackhole bh) {
        for (String n : names) {
            bh.consume(PortRegistry.byService(n));
        }
    }

    /**
     * The baseline: a scan of every port.
     *
     * @param bh consumes each answer
     */
    @Benchmark
    @OperationsPerInvocation(NAMES)
    public void linearScan(Blackhole bh) {
        for (String n : names) {
            bh.consume(scan(all, n));
        }
    }

    static List<PortInfo> scan(PortInfo[] all, String name) {
        List<PortInfo> found = new ArrayList<>();
        for (PortInfo p : all) {
            if (matches(p, name)) {
                found.add(p);
            }
        }
        return found;
    }

    /** Indexed loops, so that the baseline does not pay for an iterator per list. */
    private static boolean matches(PortInfo p, String name) {
        List<ServiceAssignment> assignments = p.assignments();
        for (int i = 0; i < assignments.size(); i++) {
            if (assignments.get(i).name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        List<AlternateUse> uses = p.alternateUses();
        for (int i = 0; i < uses.size(); i++) {
            if (uses.get(i).name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
