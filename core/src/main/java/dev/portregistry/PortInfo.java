package dev.portregistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the registry knows about one port number.
 *
 * <p>Immutable and thread-safe. All collections are immutable and never null. The
 * {@linkplain #range() range} and {@linkplain #status() status} are derived from the port and its
 * assignments. Instances are made with {@link #builder(int)} or {@link #of}; new fields in later
 * releases come with new builder methods and accessors.
 */
public final class PortInfo {
    private final int port;
    private final List<ServiceAssignment> assignments;
    private final List<AlternateUse> alternateUses;
    private final List<Integer> relatedPorts;
    private final LifecycleStatus status;

    private PortInfo(Builder b) {
        port = b.port;
        assignments = Values.copyOf(b.assignments, "assignments of port ", port);
        alternateUses = Values.copyOf(b.alternateUses, "alternateUses of port ", port);
        relatedPorts = Values.copyOf(b.relatedPorts, "relatedPorts of port ", port);
        int previous = -1;
        for (int related : relatedPorts) {
            PortRange.checkPort(related);
            if (related <= previous || related == port) {
                throw new IllegalArgumentException("relatedPorts of port " + port
                        + " must be ascending, unique and exclude the port itself: " + relatedPorts);
            }
            previous = related;
        }
        LifecycleStatus best = LifecycleStatus.UNASSIGNED;
        for (ServiceAssignment a : assignments) {
            if (a.status().compareTo(best) < 0) {
                best = a.status();
            }
        }
        status = best;
    }

    /**
     * Returns a builder for the record of a port, with no assignments, uses or related ports.
     *
     * @param port the port, 0 to 65535
     * @return the builder, never null
     * @throws IllegalArgumentException naming the port if it is outside 0..65535
     */
    public static Builder builder(int port) {
        return new Builder(PortRange.checkPort(port));
    }

    /**
     * Creates the record of a port.
     *
     * @param port          the port, 0 to 65535
     * @param assignments   the official assignments, not null
     * @param alternateUses the alternate uses, not null
     * @param relatedPorts  the related ports, ascending, without the port itself, not null
     * @return the record, never null
     * @throws IllegalArgumentException naming the value if the port or a related port is invalid
     * @throws NullPointerException     if a list or an element is null
     */
    public static PortInfo of(int port, List<ServiceAssignment> assignments, List<AlternateUse> alternateUses,
                              List<Integer> relatedPorts) {
        return builder(port).assignments(assignments).alternateUses(alternateUses).relatedPorts(relatedPorts).build();
    }

    /**
     * Returns a builder that starts from this record's values.
     *
     * @return a new builder, never null
     */
    public Builder toBuilder() {
        return new Builder(port).assignments(assignments).alternateUses(alternateUses).relatedPorts(relatedPorts);
    }

    /** Returns the port, 0 to 65535. */
    public int port() {
        return port;
    }

    /** Returns the RFC 6335 range of the port, never null. */
    public PortRange range() {
        return PortRange.of(port);
    }

    /**
     * Returns the status of the port: that of its most alive assignment (ACTIVE before ABANDONED
     * before HISTORIC before DEREGISTERED), else RESERVED if IANA reserved it, else UNASSIGNED.
     *
     * @return the status, never null
     */
    public LifecycleStatus status() {
        return status;
    }

    /** Returns the official assignments over all transports, in registry order; possibly empty, never null. */
    public List<ServiceAssignment> assignments() {
        return assignments;
    }

    /** Returns known unofficial uses, unofficial software first, then malware; possibly empty, never null. */
    public List<AlternateUse> alternateUses() {
        return alternateUses;
    }

    /** Returns ports that belong with this one, ascending, without this port; possibly empty, never null. */
    public List<Integer> relatedPorts() {
        return relatedPorts;
    }

    /**
     * Returns the official assignments that cover one transport.
     *
     * @param transport the transport, not null
     * @return an immutable list, possibly empty, never null
     * @throws NullPointerException if transport is null
     */
    public List<ServiceAssignment> assignmentsFor(Transport transport) {
        Objects.requireNonNull(transport, "transport must not be null");
        List<ServiceAssignment> out = new ArrayList<>(assignments.size());
        for (ServiceAssignment a : assignments) {
            if (a.covers(transport)) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Returns the alternate uses of one kind.
     *
     * @param kind UNOFFICIAL or MALWARE, not null
     * @return an immutable list, possibly empty, never null
     * @throws NullPointerException if kind is null
     */
    public List<AlternateUse> alternateUses(UseKind kind) {
        Objects.requireNonNull(kind, "kind must not be null");
        List<AlternateUse> out = new ArrayList<>(alternateUses.size());
        for (AlternateUse u : alternateUses) {
            if (u.kind() == kind) {
                out.add(u);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Returns the alternate uses on one transport.
     *
     * @param transport the transport, not null
     * @return an immutable list, possibly empty, never null
     * @throws NullPointerException if transport is null
     */
    public List<AlternateUse> alternateUsesFor(Transport transport) {
        Objects.requireNonNull(transport, "transport must not be null");
        List<AlternateUse> out = new ArrayList<>(alternateUses.size());
        for (AlternateUse u : alternateUses) {
            if (u.covers(transport)) {
                out.add(u);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Returns a short paragraph in plain English that explains the port: its range, its official
     * assignments and their status, what commonly runs there in practice, related ports and advice
     * about an unexpected listener. Built from this record's fields on each call.
     *
     * @return the summary, never null or empty
     */
    public String summary() {
        return Summaries.describe(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortInfo p && p.port == port && p.assignments.equals(assignments)
                && p.alternateUses.equals(alternateUses) && p.relatedPorts.equals(relatedPorts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(port, assignments, alternateUses, relatedPorts);
    }

    /**
     * Returns a short form such as {@code 1196 ABANDONED [netmagic ...] [OpenVPN ...] related [1194, 1195, 1197]}:
     * the port, its status, its assignments and alternate uses, and its related ports where it has any.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return port + " " + status + " " + assignments + " " + alternateUses + (relatedPorts.isEmpty() ? "" : " related " + relatedPorts);
    }

    /** Builds a {@link PortInfo}. Not thread-safe; each {@link #build()} gives a new value. */
    public static final class Builder {
        private final int port;
        private List<ServiceAssignment> assignments = List.of();
        private List<AlternateUse> alternateUses = List.of();
        private List<Integer> relatedPorts = List.of();

        private Builder(int port) {
            this.port = port;
        }

        /**
         * Sets {@code assignments}.
         *
         * @param value the official assignments, not null
         * @return this builder
         */
        public Builder assignments(List<ServiceAssignment> value) {
            assignments = Values.required(value, "assignments of port ", port, " must not be null");
            return this;
        }

        /**
         * Sets {@code alternateUses}.
         *
         * @param value the alternate uses, not null
         * @return this builder
         */
        public Builder alternateUses(List<AlternateUse> value) {
            alternateUses = Values.required(value, "alternateUses of port ", port, " must not be null");
            return this;
        }

        /**
         * Sets {@code relatedPorts}.
         *
         * @param value related ports, ascending, without the port itself, not null
         * @return this builder
         */
        public Builder relatedPorts(List<Integer> value) {
            relatedPorts = Values.required(value, "relatedPorts of port ", port, " must not be null");
            return this;
        }

        /**
         * Builds the record.
         *
         * @return a new record, never null
         * @throws NullPointerException     if a list holds null
         * @throws IllegalArgumentException naming the value if a related port is invalid, repeated, out of order or the port itself
         */
        public PortInfo build() {
            return new PortInfo(this);
        }
    }
}
