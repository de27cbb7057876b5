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
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One registry's answers in the shapes Spark's rows hold, computed once: the service name per port
 * and transport, the alternate-use names per port and transport and the status per port, as
 * {@link UTF8String} and {@link ArrayData} values that a function call returns without allocating.
 * The {@code port_info} struct and the summary are built on a port's first call and kept.
 *
 * <p>Built once per registry and JVM (see {@link RegistryRef}): 11 arrays of 65,536 references.
 * Immutable after construction except for the lazily filled {@code info} and {@code summary}
 * arrays, whose elements are immutable and safely published (benign race: two threads may build
 * the same element, both equal). Thread-safe.
 */
// EnumOrdinal: ordinals index the per-transport and per-status arrays built here in this JVM; never stored
@SuppressWarnings("EnumOrdinal")
final class PortColumns {
    static final int PORTS = PortRange.MAX_PORT + 1;
    private static final Transport[] TRANSPORTS = Transport.values();

    private static final UTF8String[] RANGE_NAMES = names(PortRange.values());
    private static final UTF8String[] STATUS_NAMES = names(LifecycleStatus.values());
    private static final ArrayData EMPTY = new GenericArrayData(new Object[0]);

    private final PortRegistry registry;
    /** By port: the status name. */
    private final UTF8String[] status = new UTF8String[PORTS];
    /** By transport ordinal, then port: the ACTIVE service name, local first; null if none. */
    private final UTF8String[][] service = new UTF8String[TRANSPORTS.length][PORTS];
    /** By transport ordinal, then port: the alternate-use names, EMPTY if none. */
    private final ArrayData[][] uses = new ArrayData[TRANSPORTS.length][PORTS];
    /** By port, filled on first use: the port_info struct. */
    private final InternalRow[] info = new InternalRow[PORTS];
    /** By port, filled on first use: the summary. */
    private final UTF8String[] summary = new UTF8String[PORTS];

    PortColumns(PortRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry must not be null");
        for (int port = 0; port < PORTS; port++) {
            PortInfo p = registry.get(port);
            status[port] = STATUS_NAMES[p.status().ordinal()];
            for (Transport t : TRANSPORTS) {
                service[t.ordinal()][port] = activeName(p, t);
                uses[t.ordinal()][port] = useNames(p.alternateUses(), t, null);
            }
        }
    }

    /** The registry these columns were computed from. */
    PortRegistry registry() {
        return registry;
    }

    // ------------------------------------------------------------------ lookups; port and transport may be invalid

    UTF8String service(int port, int transport) {
        return isPort(port) && transport >= 0 ? service[transport][port] : null;
    }

    ArrayData uses(int port, int transport) {
        return isPort(port) && transport >= 0 ? uses[transport][port] : null;
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
    private static UTF8String activeName(PortInfo p, Transport t) {
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
        return found == null ? null : UTF8String.fromString(found);
    }

    /** The distinct names of the uses on a transport (any transport if t is null), of one kind (any if null). */
    private static ArrayData useNames(List<AlternateUse> all, Transport t, UseKind kind) {
        Set<String> names = new LinkedHashSet<>();
        for (AlternateUse u : all) {
            if ((t == null || u.transports().contains(t)) && (kind == null || u.kind() == kind)) {
                names.add(u.name());
            }
        }
        return strings(names);
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
                related.length == 0 ? EMPTY : new GenericArrayData(related),
                assignments.isEmpty() ? EMPTY : new GenericArrayData(assignments.toArray())});
    }

    private static ArrayData strings(java.util.Collection<String> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        Object[] out = new Object[values.size()];
        int i = 0;
        for (String s : values) {
            out[i++] = UTF8String.fromString(s);
        }
        return new GenericArrayData(out);
    }

    private static UTF8String[] names(Enum<?>[] values) {
        UTF8String[] out = new UTF8String[values.length];
        for (Enum<?> e : values) {
            out[e.ordinal()] = UTF8String.fromString(e.name());
        }
        return out;
    }
}
