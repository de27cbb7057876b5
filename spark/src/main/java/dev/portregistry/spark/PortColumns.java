package dev.portregistry.spark;

import dev.portregistry.AlternateUse;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.Origin;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRange;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeArrayWriter;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One registry's answers in the shapes Spark's rows hold, computed once: the service name per port
 * and transport, the alternate-use names per port and transport and the status per port, as
 * {@link UTF8String} and {@link ArrayData} values that a function call returns without allocating.
 * The {@code port_info} struct and the summary are built on a port's first call and kept.
 *
 * <p>Laid out for the per-row lookup: one flat table per answer, indexed by
 * {@code transport << 16 | port} (one array load, no table per transport to load first), and
 * equal values are one object (a name on TCP and UDP, the empty list), so the working set of a
 * flow mix stays small. The {@code port_uses} lists are {@link UnsafeArrayData}, Spark's own
 * binary form, which the row writer copies in one block instead of element by element.
 *
 * <p>Built once per registry and JVM (see {@link RegistryRef}): 11 × 65,536 references in 5 tables. Immutable after construction except for the lazily filled {@code info}
 * and {@code summary} arrays, whose elements are immutable and safely published (benign race: two
 * threads may build the same element, both equal). Nothing ever writes into a returned value: the
 * same object is handed to every row, and Spark copies it into the row it builds. Thread-safe.
 */
// EnumOrdinal: ordinals index the per-transport and per-status arrays built here in this JVM; never stored
@SuppressWarnings("EnumOrdinal")
final class PortColumns {
    static final int PORTS = PortRange.MAX_PORT + 1;
    private static final Transport[] TRANSPORTS = Transport.values();

    private static final UTF8String[] RANGE_NAMES = names(PortRange.values());
    private static final UTF8String[] STATUS_NAMES = names(LifecycleStatus.values());
    private static final ArrayData EMPTY = unsafeStrings(List.of());
    /** Bits of a port in a table index: {@code transport << PORT_BITS | port}. */
    private static final int PORT_BITS = 16;

    private final PortRegistry registry;
    /** By port: the status name. */
    private final UTF8String[] status = new UTF8String[PORTS];
    /** By {@code transport << 16 | port}: the ACTIVE service name, local first; null if none. */
    private final UTF8String[] service = new UTF8String[TRANSPORTS.length << PORT_BITS];
    /** By {@code transport << 16 | port}: the alternate-use names, EMPTY if none. */
    private final ArrayData[] uses = new ArrayData[TRANSPORTS.length << PORT_BITS];
    /** By port, filled on first use: the port_info struct. */
    private final InternalRow[] info = new InternalRow[PORTS];
    /** By port, filled on first use: the summary. */
    private final UTF8String[] summary = new UTF8String[PORTS];

    PortColumns(PortRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry must not be null");
        Map<String, UTF8String> names = new HashMap<>();
        Map<List<String>, ArrayData> lists = new HashMap<>();
        for (int port = 0; port < PORTS; port++) {
            PortInfo p = registry.get(port);
            status[port] = STATUS_NAMES[p.status().ordinal()];
            for (Transport t : TRANSPORTS) {
                int i = t.ordinal() << PORT_BITS | port;
                String name = activeName(p, t);
                service[i] = name == null ? null : names.computeIfAbsent(name, UTF8String::fromString);
                uses[i] = lists.computeIfAbsent(new ArrayList<>(useNameSet(p.alternateUses(), t, null)),
                        PortColumns::strings);
            }
        }
    }

    /** The registry these columns were computed from. */
    PortRegistry registry() {
        return registry;
    }

    // ------------------------------------------------------------------ lookups; port and transport may be invalid

    UTF8String service(int port, int transport) {
        return isPort(port) && transport >= 0 ? service[transport << PORT_BITS | port] : null;
    }

    ArrayData uses(int port, int transport) {
        return isPort(port) && transport >= 0 ? uses[transport << PORT_BITS | port] : null;
    }

    UTF8String status(int port) {
        return isPort(port) ? status[port] : null;
    }

    static UTF8String range(int port) {
        if (!isPort(port)) {
            return null;
        }
        return RANGE_NAMES[port <= PortRange.WELL_KNOWN.last() ? 0 : port <= PortRange.REGISTERED.last() ? 1 : 2];
    }

    InternalRow info(int port) {
        if (!isPort(port)) {
            return null;
        }
        InternalRow row = info[port];
        if (row == null) {
            row = infoRow(registry.get(port));
            info[port] = row;
        }
        return row;
    }

    UTF8String summary(int port) {
        if (!isPort(port)) {
            return null;
        }
        UTF8String s = summary[port];
        if (s == null) {
            s = UTF8String.fromString(registry.get(port).summary());
            summary[port] = s;
        }
        return s;
    }

    static boolean isPort(int port) {
        return port >= 0 && port < PORTS;
    }

    // ------------------------------------------------------------------ building

    /**
     * The name a flow on this port and transport is for: the first ACTIVE local assignment that
     * covers the transport, else the first ACTIVE IANA one; null if there is none or it has no name.
     */
    private static String activeName(PortInfo p, Transport t) {
        String found = null;
        for (ServiceAssignment a : p.assignments()) {
            if (a.status() == LifecycleStatus.ACTIVE && a.transports().contains(t) && !a.name().isEmpty()) {
                if (a.origin() == Origin.LOCAL) {
                    found = a.name();
                    break;
                }
                if (found == null) {
                    found = a.name();
                }
            }
        }
        return found;
    }

    /** The distinct names of the uses on a transport (any transport if t is null), of one kind (any if null). */
    private static ArrayData useNames(List<AlternateUse> all, Transport t, UseKind kind) {
        return strings(useNameSet(all, t, kind));
    }

    /** The distinct names of the uses on a transport (any if t is null), of one kind (any if null), in order. */
    private static Set<String> useNameSet(List<AlternateUse> all, Transport t, UseKind kind) {
        Set<String> names = new LinkedHashSet<>();
        for (AlternateUse u : all) {
            if ((t == null || u.transports().contains(t)) && (kind == null || u.kind() == kind)) {
                names.add(u.name());
            }
        }
        return names;
    }

    private static InternalRow infoRow(PortInfo p) {
        Set<String> services = new LinkedHashSet<>();
        List<Object> assignments = new ArrayList<>(p.assignments().size());
        for (ServiceAssignment a : p.assignments()) {
            if (a.status() == LifecycleStatus.ACTIVE && !a.name().isEmpty()) {
                services.add(a.name());
            }
            List<String> transports = new ArrayList<>(a.transports().size());
            for (Transport t : a.transports()) {
                transports.add(t.label());
            }
            assignments.add(new GenericInternalRow(new Object[] {
                    UTF8String.fromString(a.name()),
                    UTF8String.fromString(a.description()),
                    strings(transports),
                    STATUS_NAMES[a.status().ordinal()],
                    a.origin() == Origin.LOCAL}));
        }
        int[] related = new int[p.relatedPorts().size()];
        for (int i = 0; i < related.length; i++) {
            related[i] = p.relatedPorts().get(i);
        }
        return new GenericInternalRow(new Object[] {
                p.port(),
                RANGE_NAMES[p.range().ordinal()],
                STATUS_NAMES[p.status().ordinal()],
                strings(services),
                useNames(p.alternateUses(), null, null),
                useNames(p.alternateUses(), null, UseKind.MALWARE),
                UnsafeArrayData.fromPrimitiveArray(related),
                assignments.isEmpty() ? EMPTY : new GenericArrayData(assignments.toArray())});
    }

    private static ArrayData strings(Collection<String> values) {
        return values.isEmpty() && EMPTY != null ? EMPTY : unsafeStrings(values);
    }

    /**
     * The strings as an {@code array<string>} in Spark's binary form, written the way generated
     * code writes one, then copied out of the writer's buffer into a buffer of its own.
     */
    private static UnsafeArrayData unsafeStrings(Collection<String> values) {
        UnsafeRowWriter row = new UnsafeRowWriter(1);
        row.resetRowWriter();
        UnsafeArrayWriter array = new UnsafeArrayWriter(row, 8);
        int start = row.cursor();
        array.initialize(values.size());
        int i = 0;
        for (String s : values) {
            array.write(i++, UTF8String.fromString(s));
        }
        row.setOffsetAndSizeFromPreviousCursor(0, start);
        return row.getRow().getArray(0).copy();
    }

    private static UTF8String[] names(Enum<?>[] values) {
        UTF8String[] out = new UTF8String[values.length];
        for (Enum<?> e : values) {
            out[e.ordinal()] = UTF8String.fromString(e.name());
        }
        return out;
    }
}
