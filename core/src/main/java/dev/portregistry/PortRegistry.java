package dev.portregistry;

import dev.portregistry.internal.PortTable;
import dev.portregistry.internal.TableFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A registry of all 65,536 port numbers: their range, official IANA assignments, lifecycle status,
 * known alternate uses and related ports.
 *
 * <p>The static methods answer from the registry bundled in this jar, loaded once, lazily, on first
 * use. The instance methods answer from one registry; {@link #bundled()} returns the bundled one.
 *
 * <p>Immutable and thread-safe. A port's record is decoded from the table on its first lookup and
 * kept; from then on a lookup is one array load, takes no lock and allocates nothing. Names are
 * indexed on the first name query. Loading only checks the table, which keeps a fresh JVM's first
 * answer cheap (see {@code benchmarks/README.md}).
 */
public final class PortRegistry {
    /** The class path resource that holds the bundled table. */
    static final String RESOURCE = "/dev/portregistry/ports.table";

    private static final int PORT_COUNT = PortRange.MAX_PORT + 1;

    private final DataVersion version;
    private final PortTable table;
    /** Each port's record once decoded; written under the lock, read without (records are immutable). */
    private final PortInfo[] ports;
    /** The name index once built; written under the lock. */
    private volatile ServiceNames names;

    private PortRegistry(PortTable table) {
        this.version = table.version();
        this.table = table;
        this.ports = new PortInfo[PORT_COUNT];
    }

    // ---------------------------------------------------------------- the bundled registry

    /**
     * Returns what the bundled registry knows about a port.
     *
     * @param port the port, 0 to 65535
     * @return the port's record, never null (a port with no data is UNASSIGNED with empty lists)
     * @throws IllegalArgumentException naming the value and the range 0..65535 if the port is outside it
     * @throws IllegalStateException    if the bundled table is missing or damaged
     */
    public static PortInfo lookup(int port) {
        // get(port) against the bundled array, a static final that the JIT folds into the code:
        // the hot path is one range check and one load (LookupBenchmark). Everything else, a
        // port's first lookup, a bad port, a failed load, goes through bundled().get(port).
        // Keep this method at most 35 bytes of bytecode: the JIT may decline to inline a larger
        // one into a loop it compiles early (PeerBenchmark: 2.9 ns a call at 36 bytes, 0.7 inlined).
        if (port >= 0 && port < PORT_COUNT) {
            PortInfo info = Bundled.PORTS[port];
            if (info != null) {
                return info;
            }
        }
        return bundled().get(port);
    }

    /**
     * Finds the ports of a service in the bundled registry, ignoring case: first the ports IANA
     * assigns to that service name, then the ports where it is a known alternate use.
     *
     * @param name a service name such as {@code openvpn}, {@code http} or a common name such as
     *             {@code rdp}; not null or blank
     * @return the ports, immutable, empty if the name is unknown; never null
     * @throws NullPointerException     if name is null
     * @throws IllegalArgumentException if name is blank
     * @throws IllegalStateException    if the bundled table is missing or damaged
     */
    public static List<PortInfo> byService(String name) {
        return bundled().findService(name);
    }

    /**
     * Returns where the bundled data comes from and how new it is.
     *
     * @return the version, never null
     * @throws IllegalStateException if the bundled table is missing or damaged
     */
    public static DataVersion dataVersion() {
        return bundled().version();
    }

    /**
     * Returns the bundled registry, loading it on first use.
     *
     * @return the bundled registry, the same instance on every call; never null
     * @throws IllegalStateException naming the resource and the problem if the bundled table is
     *                               missing or damaged (on every call, not only the first)
     */
    public static PortRegistry bundled() {
        PortRegistry registry = Bundled.INSTANCE;
        if (registry == null) {
            throw new IllegalStateException(Bundled.FAILURE.getMessage(), Bundled.FAILURE);
        }
        return registry;
    }

    /**
     * Reads a registry from a compiled port table, such as one produced by the
     * {@code registry-data} compiler.
     *
     * @param in     the table, read to its end and not closed; not null
     * @param source a name for the table used in error messages, such as its file name; not null
     * @return the registry, never null
     * @throws NullPointerException  if an argument is null
     * @throws IllegalStateException naming the source and the problem if the table is damaged,
     *                               truncated or of another format
     */
    public static PortRegistry fromTable(InputStream in, String source) {
        Objects.requireNonNull(in, "in must not be null");
        Objects.requireNonNull(source, "source must not be null");
        try {
            return new PortRegistry(PortTable.open(in, source));
        } catch (TableFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- one registry

    /**
     * Returns what this registry knows about a port.
     *
     * @param port the port, 0 to 65535
     * @return the port's record, never null
     * @throws IllegalArgumentException naming the value and the range 0..65535 if the port is outside it
     */
    public PortInfo get(int port) {
        PortInfo info;
        try {
            // the array's own bounds check is the range check: an explicit one costs the hot loop
            // about 30% (LookupBenchmark), and the array holds exactly the ports 0..65535
            info = ports[port];
        } catch (ArrayIndexOutOfBoundsException e) {
            PortRange.checkPort(port); // throws the IllegalArgumentException naming the port
            throw e;
        }
        return info != null ? info : decode(port);
    }

    /** The first lookup of a port: decodes its record once, under the lock, so all callers share it. */
    private PortInfo decode(int port) {
        synchronized (ports) {
            PortInfo info = ports[port];
            if (info == null) {
                info = table.port(port);
                ports[port] = info;
            }
            return info;
        }
    }

    private ServiceNames names() {
        ServiceNames n = names;
        if (n == null) {
            synchronized (ports) {
                n = names;
                if (n == null) {
                    n = new ServiceNames(table, this, ports);
                    names = n;
                }
            }
        }
        return n;
    }

    /**
     * Finds the ports of a service, ignoring case: first the ports IANA assigns to that service
     * name, then the ports where it is a known alternate use.
     *
     * @param name a service name; not null or blank
     * @return the ports, immutable, empty if the name is unknown; never null
     * @throws NullPointerException     if name is null
     * @throws IllegalArgumentException if name is blank
     */
    public List<PortInfo> findService(String name) {
        if (name == null) {
            throw new NullPointerException("service name must not be null: expected a name such as \"http\"");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("service name \"" + name + "\" is blank: expected a name such as \"http\"");
        }
        List<PortInfo> found = names().find(name.toLowerCase(Locale.ROOT));
        return found == null ? List.of() : found;
    }

    /**
     * Returns every name that {@link #findService} resolves, in lower case and sorted.
     *
     * @return an immutable set, never null
     */
    public Set<String> serviceNames() {
        return names().sortedView();
    }

    /**
     * Returns every port that has any data (an assignment, an alternate use or related ports),
     * ascending.
     *
     * @return an immutable list, never null
     */
    public List<PortInfo> knownPorts() {
        List<PortInfo> out = new ArrayList<>(table.portCount());
        for (int i = 0; i < table.portCount(); i++) {
            PortInfo p = get(table.dataPort(i));
            if (!p.assignments().isEmpty() || !p.alternateUses().isEmpty() || !p.relatedPorts().isEmpty()) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Returns where this registry's data comes from and how new it is.
     *
     * @return the version, never null
     */
    public DataVersion version() {
        return version;
    }

    @Override
    public String toString() {
        return "PortRegistry[" + version.label() + "]";
    }

    /** Loads the bundled table once, on first use; keeps the failure to report it on every call. */
    private static final class Bundled {
        static final PortRegistry INSTANCE;
        static final RuntimeException FAILURE;
        /** INSTANCE's records; all null if it failed to load, so that lookup asks bundled(). */
        static final PortInfo[] PORTS;

        static {
            PortRegistry registry = null;
            RuntimeException failure = null;
            try {
                // "resource " + RESOURCE is a compile-time constant: no string concatenation at run time
                registry = new PortRegistry(PortTable.openResource(PortRegistry.class, RESOURCE, "resource " + RESOURCE));
            } catch (TableFormatException e) {
                failure = new IllegalStateException("cannot load the bundled port registry: " + e.getMessage(), e);
            } catch (IOException | RuntimeException e) {
                failure = new IllegalStateException("cannot load the bundled port registry from resource "
                        + RESOURCE + ": " + e, e);
            }
            INSTANCE = registry;
            FAILURE = failure;
            PORTS = registry == null ? new PortInfo[PORT_COUNT] : registry.ports;
        }
    }
}
