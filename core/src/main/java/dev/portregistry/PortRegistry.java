package dev.portregistry;

import org.jspecify.annotations.Nullable;
import dev.portregistry.internal.PortTable;
import dev.portregistry.internal.RegistrySource;
import dev.portregistry.internal.ServiceNames;
import dev.portregistry.internal.TableFormatException;
import dev.portregistry.internal.TableSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
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
 * <p>Immutable and thread-safe. A registry answers from one internal source: the bundled table
 * (or one read by {@link #fromTable}), whose records are decoded on their first lookup and kept,
 * or a layer made by {@link #with} or {@link #withIanaCsv} that holds only what it changed and
 * asks the registry it was applied to for the rest. From then on a lookup takes no lock and
 * allocates nothing. Names are indexed on the first name query. Loading checks the table but
 * builds no records, which keeps a fresh JVM's first answer cheap (see
 * {@code benchmarks/README.md}); applying an overlay decodes only the ports and names it touches.
 */
public final class PortRegistry {
    /** The class path resource that holds the bundled table. */
    static final String RESOURCE = "/dev/portregistry/ports.table";
    /** The same resource as a path in the module, without the leading slash. */
    static final String RESOURCE_PATH = "dev/portregistry/ports.table";

    private static final int PORT_COUNT = PortRange.MAX_PORT + 1;

    /** Where the answers come from: a table, or a layer over another registry's source. */
    private final RegistrySource source;
    private final List<String> overlays;
    /** What did not fit when this registry was built (withIanaCsv); empty otherwise. */
    private final List<String> notices;

    /**
     * A registry over a source.
     *
     * @param source   the source, not null
     * @param overlays the sources of the overlays applied, oldest first
     * @param notices  what did not fit when it was made (see {@link #withIanaCsv})
     */
    PortRegistry(RegistrySource source, List<String> overlays, List<String> notices) {
        this.source = source;
        this.overlays = List.copyOf(overlays);
        this.notices = List.copyOf(notices);
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
     * assigns to that service name, then the ports where it is a known alternate use. See
     * {@link #findService} for which names are accepted.
     *
     * @param name a service name such as {@code openvpn}, {@code http} or a common name such as
     *             {@code rdp}; not null, not blank, at most 128 characters, not trimmed
     * @return the ports, immutable, empty if the name is well-formed but unknown; never null
     * @throws NullPointerException     if name is null
     * @throws IllegalArgumentException naming the value and the problem if the name is not
     *                                  well-formed (see {@link #findService})
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
            RuntimeException failure = Objects.requireNonNull(Bundled.FAILURE, "no registry and no failure");
            throw new IllegalStateException(failure.getMessage(), failure);
        }
        return registry;
    }

    /**
     * Reads a registry from a compiled port table, such as one produced by the
     * {@code registry-data} compiler.
     *
     * @param in     the table, read to its end (never more than a table can hold) and not closed; not null
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
            return new PortRegistry(new TableSource(PortTable.open(in, source).verify()), List.of(), List.of());
        } catch (RuntimeException e) { // not catch (TableFormatException): the verifier would load it in a fresh JVM
            if (e instanceof TableFormatException) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            throw e;
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
        try {
            // no explicit range check: a table source's array has exactly the ports 0..65535, and its
            // own bounds check is the range check (an explicit one costs the hot loop about 30%,
            // LookupBenchmark); a layer asks the source below for every port it did not change
            return source.port(port);
        } catch (RuntimeException e) { // ArrayIndexOutOfBoundsException, not named: the verifier would load it
            PortRange.checkPort(port); // throws the IllegalArgumentException naming the port
            throw e;
        }
    }

    /** The source this registry answers from, for a layer made over it. */
    RegistrySource source() {
        return source;
    }

    /**
     * Finds the ports of a service, ignoring case: first the ports IANA assigns to that service
     * name, then the ports where it is a known alternate use.
     *
     * <p>A well-formed name is answered, an empty list meaning that this registry does not know
     * it; names are matched exactly as given, after {@code toLowerCase(Locale.ROOT)} (whatever the
     * default locale), and nothing is trimmed. Names may start with a digit ({@code 3com-tsmux}),
     * hold inner spaces ({@code Home Assistant}), punctuation and letters of any script. A name
     * that no registry can hold is refused instead of answered: one that is blank, longer than
     * 128 characters, begins or ends with white space, or holds a control character (such as a
     * tab or line feed), an invisible formatting character, a line separator or an unpaired
     * surrogate.
     *
     * @param name a service name; not null, not blank, at most 128 characters, not trimmed
     * @return the ports, immutable, empty if the name is well-formed but unknown; never null
     * @throws NullPointerException     if name is null
     * @throws IllegalArgumentException naming the value (quoted, escaped and shortened to 64
     *                                  characters) and the problem if the name is not well-formed
     */
    public List<PortInfo> findService(String name) {
        if (name == null) {
            throw new NullPointerException("service name must not be null: expected a name such as \"http\"");
        }
        String problem = ServiceNames.problem(name);
        if (problem != null) {
            throw new IllegalArgumentException("service name " + ServiceNames.quote(name) + " " + problem
                    + ": expected a name such as \"http\"");
        }
        String key = name.toLowerCase(Locale.ROOT);
        List<PortInfo> found = source.service(key);
        return found == null ? List.of() : found;
    }

    /**
     * Returns every name that {@link #findService} resolves, in lower case and sorted.
     *
     * @return an immutable set, never null
     */
    public Set<String> serviceNames() {
        return source.serviceNames();
    }

    /**
     * Returns every port that has any data (an assignment, an alternate use or related ports),
     * ascending.
     *
     * @return an immutable list, never null
     */
    public List<PortInfo> knownPorts() {
        List<PortInfo> out = new ArrayList<>();
        for (int port : source.dataPorts()) {
            PortInfo p = source.port(port);
            if (!p.assignments().isEmpty() || !p.alternateUses().isEmpty() || !p.relatedPorts().isEmpty()) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- local knowledge

    /**
     * Returns a new registry with local knowledge layered on this one (see {@link Overlay} for how
     * entries apply). This registry does not change.
     *
     * @param overlay the overlay, not null
     * @return a new registry, never null
     * @throws NullPointerException   if overlay is null
     * @throws RegistryFormatException naming the overlay's source and line if an entry contradicts
     *                                this registry (a lifecycle note for an assignment it lacks)
     */
    public PortRegistry with(Overlay overlay) {
        return OverlayApplier.apply(this, Objects.requireNonNull(overlay, "overlay must not be null"));
    }

    /**
     * Returns a new registry with one local assignment added, e.g. {@code withAssignment(7443,
     * new ServiceAssignment("billing", "our billing service", Set.of(Transport.TCP), LifecycleStatus.ACTIVE))}.
     *
     * @param port       the port, 0 to 65535
     * @param assignment the assignment, marked {@link Origin#LOCAL} in the result; not null
     * @return a new registry, never null
     * @throws NullPointerException   if assignment is null
     * @throws RegistryFormatException if the port or the assignment's name is invalid
     */
    public PortRegistry withAssignment(int port, ServiceAssignment assignment) {
        return with(Overlay.builder("withAssignment").assign(port, assignment).build());
    }

    /**
     * Returns a new registry with one alternate use added to a port.
     *
     * @param port the port, 0 to 65535
     * @param use  the alternate use, not null
     * @return a new registry, never null
     * @throws NullPointerException   if use is null
     * @throws RegistryFormatException if the port is invalid
     */
    public PortRegistry withAlternateUse(int port, AlternateUse use) {
        return with(Overlay.builder("withAlternateUse").alternateUse(port, use).build());
    }

    /**
     * Returns a new registry with the assignments of a services(5) file layered on this one; see
     * {@link Overlay#readServices(Path)}.
     *
     * @param file the services(5) file, UTF-8; not null
     * @return a new registry, never null
     * @throws NullPointerException   if file is null
     * @throws IOException            if the file cannot be read
     * @throws RegistryFormatException naming the file, the line and what was expected, on a bad line
     */
    public PortRegistry withServicesFile(Path file) throws IOException {
        return with(Overlay.readServices(file));
    }

    /**
     * Returns a new registry whose official layer is IANA's CSV as a user downloads it from IANA
     * ({@code service-names-port-numbers.csv}), read by {@link IanaCsv}, with this registry's
     * curated layers re-applied: fresh official data without waiting for a release. This registry
     * does not change.
     *
     * <ul>
     * <li>Official: every port's IANA assignments are the file's, with all of IANA's fields.</li>
     * <li>Alternate uses and related ports stay as they are.</li>
     * <li>Curated lifecycle (an ABANDONED assignment, or a HISTORIC one for a reason of ours: its
     *     status, product, vendor, year, reason and basis) and the programs known to serve an
     *     assignment move to the file's assignment of the same service name on the same port.</li>
     * <li>Local assignments layered on this registry stay.</li>
     * <li>Names: the file's service names, plus the names of alternate uses and curated common
     *     names with their ports.</li>
     * <li>A curated entry that no longer fits, such as a lifecycle entry for a service the file no
     *     longer assigns on that port, or one that the file now lists as de-registered, is not
     *     applied and is reported in {@link #notices()}, one sentence each.</li>
     * <li>{@link #version()} names the file and its newest registration or modification date;
     *     the curated revision stays this registry's.</li>
     * </ul>
     *
     * @param file IANA's CSV, UTF-8; not null
     * @return a new registry, never null
     * @throws NullPointerException    if file is null
     * @throws IOException             if the file cannot be read
     * @throws RegistryFormatException naming the file and the line of the first bad record, or if
     *                                 no record has a date
     */
    public PortRegistry withIanaCsv(Path file) throws IOException {
        return IanaCsvApplier.apply(this, IanaCsv.read(Objects.requireNonNull(file, "file must not be null")));
    }

    /**
     * Returns what did not fit when this registry was made by {@link #withIanaCsv}: curated
     * entries that were not applied, one sentence each, such as
     * {@code Port 1196: the curated ABANDONED entry for netmagic is not applied: service-names-port-numbers.csv
     * no longer assigns netmagic on that port.}
     *
     * @return an immutable list, empty for the bundled registry and for a registry with nothing left out; never null
     */
    public List<String> notices() {
        return notices;
    }

    /**
     * Returns the sources of the overlays applied to this registry, oldest first.
     *
     * @return an immutable list, empty for the bundled registry; never null
     */
    public List<String> overlays() {
        return overlays;
    }

    /**
     * Returns where this registry's data comes from and how new it is.
     *
     * @return the version, never null
     */
    public DataVersion version() {
        return source.version();
    }

    @Override
    public String toString() {
        return "PortRegistry[" + version().label() + (overlays.isEmpty() ? "" : ", overlays " + overlays) + "]";
    }

    /** Loads the bundled table once, on first use; keeps the failure to report it on every call. */
    private static final class Bundled {
        static final @Nullable PortRegistry INSTANCE;
        static final @Nullable RuntimeException FAILURE;
        /** INSTANCE's records; all null if it failed to load, so that lookup asks bundled(). */
        static final PortInfo[] PORTS;

        static {
            PortRegistry registry = null;
            PortInfo[] records = null;
            RuntimeException failure = null;
            try (InputStream in = openTable()) {
                // "resource " + RESOURCE is a compile-time constant: no string concatenation at run time
                // no verify(): the build verified these very bytes (BundledTableIsCurrentTest) and the CRC-32
                // guards them; verify() would decode everything, several times the first lookup
                TableSource table = new TableSource(PortTable.open(in, "resource " + RESOURCE));
                registry = new PortRegistry(table, List.of(), List.of());
                records = table.records();
            } catch (Exception e) { // IOException or RuntimeException
                // one handler, of a class a fresh JVM has loaded already: the verifier loads each caught class
                failure = new IllegalStateException(e instanceof TableFormatException
                        ? "cannot load the bundled port registry: " + e.getMessage()
                        : "cannot load the bundled port registry from resource " + RESOURCE + ": " + e, e);
            }
            INSTANCE = registry;
            FAILURE = failure;
            PORTS = records == null ? new PortInfo[PORT_COUNT] : records;
        }

        /**
         * Opens the table resource: first from this class's own module, then, if that finds nothing,
         * with the usual search. For a jar on the class path, Module.getResourceAsStream asks only the
         * loader that defined this class, where Class.getResourceAsStream first searches the JDK's
         * own modules and the parent loaders: 2-3 ms of a fresh JVM's first lookup (benchmarks/README.md).
         * On the module path both read the module's own jar. Core reads no other resource, and names
         * no files, URLs or zip files (NoSurprisesTest).
         *
         * @return the stream, or null if neither finds the resource
         * @throws IOException if the module's reader fails
         */
        private static InputStream openTable() throws IOException {
            InputStream in = PortRegistry.class.getModule().getResourceAsStream(RESOURCE_PATH);
            return in != null ? in : PortRegistry.class.getResourceAsStream(RESOURCE);
        }
    }
}
