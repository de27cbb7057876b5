package dev.portregistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the registry knows about one port number.
 *
 * <p>Immutable and thread-safe. All collections are immutable and never null.
 *
 * @param port          the port, 0 to 65535
 * @param range         the RFC 6335 range of the port, never null
 * @param status        the status of the port: that of its most alive assignment (ACTIVE before
 *                      ABANDONED before HISTORIC before DEREGISTERED), else RESERVED if IANA reserved
 *                      it, else UNASSIGNED; never null
 * @param assignments   the official IANA assignments over all transports, in registry order; may be
 *                      empty, never null
 * @param alternateUses known unofficial uses, unofficial software first, then malware; may be empty,
 *                      never null
 * @param relatedPorts  ports that belong with this one (a service's usual alternates, a product's
 *                      port family), ascending, without this port; may be empty, never null
 */
public record PortInfo(int port, PortRange range, LifecycleStatus status, List<ServiceAssignment> assignments,
                       List<AlternateUse> alternateUses, List<Integer> relatedPorts) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException if the port is outside 0..65535, the range is not the port's,
     *                                  the status is not the one derived from the assignments, or
     *                                  relatedPorts holds an invalid or duplicate port or the port itself
     * @throws NullPointerException     if a component or an element is null
     */
    public PortInfo {
        PortRange.checkPort(port);
        Objects.requireNonNull(range, "range must not be null");
        Objects.requireNonNull(status, "status must not be null");
        assignments = copyOf(assignments, "assignments", port);
        alternateUses = copyOf(alternateUses, "alternateUses", port);
        relatedPorts = copyOf(relatedPorts, "relatedPorts", port);
        if (range != PortRange.of(port)) {
            throw new IllegalArgumentException("port " + port + " is in range " + PortRange.of(port) + ", not " + range);
        }
        LifecycleStatus derived = statusOf(assignments);
        if (status != derived) {
            throw new IllegalArgumentException(
                    "port " + port + " has status " + status + " but its assignments give " + derived);
        }
        int previous = -1;
        for (int related : relatedPorts) {
            PortRange.checkPort(related);
            if (related <= previous || related == port) {
                throw new IllegalArgumentException("relatedPorts of port " + port
                        + " must be ascending, unique and exclude the port itself: " + relatedPorts);
            }
            previous = related;
        }
    }

    /** List.copyOf, with a message that names the list and the port when it or an element is null. */
    private static <T> List<T> copyOf(List<T> list, String what, int port) {
        if (list == null) {
            throw new NullPointerException(what + " of port " + port + " must not be null: expected a list, possibly empty");
        }
        if (list.isEmpty()) {
            return List.of();
        }
        for (T element : list) {
            if (element == null) {
                throw new NullPointerException(what + " of port " + port + " must not contain null: " + list);
            }
        }
        return List.copyOf(list);
    }

    /**
     * Creates the record of a port, deriving its range and status.
     *
     * @param port          the port, 0 to 65535
     * @param assignments   the official assignments, not null
     * @param alternateUses the alternate uses, not null
     * @param relatedPorts  the related ports, ascending, not null
     * @return the record, never null
     * @throws IllegalArgumentException as the constructor does, naming the port or value
     * @throws NullPointerException     if a list or an element is null
     */
    public static PortInfo of(int port, List<ServiceAssignment> assignments, List<AlternateUse> alternateUses,
                              List<Integer> relatedPorts) {
        List<ServiceAssignment> copy = copyOf(assignments, "assignments", port);
        return new PortInfo(port, PortRange.of(port), statusOf(copy), copy, alternateUses, relatedPorts);
    }

    /**
     * Derives a port's status from its assignments: the most alive assignment status (ACTIVE
     * before ABANDONED before HISTORIC before DEREGISTERED before RESERVED), else UNASSIGNED.
     *
     * @param assignments the assignments, not null and without null elements
     * @return the status, never null
     * @throws NullPointerException if the list or an element is null
     */
    public static LifecycleStatus statusOf(List<ServiceAssignment> assignments) {
        Objects.requireNonNull(assignments, "assignments must not be null: expected a list, possibly empty");
        LifecycleStatus best = LifecycleStatus.UNASSIGNED;
        for (ServiceAssignment a : assignments) {
            Objects.requireNonNull(a, "assignments must not contain null");
            if (a.status().compareTo(best) < 0) {
                best = a.status();
            }
        }
        return best;
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
            if (a.transports().contains(transport)) {
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
     * Returns a short paragraph in plain English that explains the port: its range, its official
     * assignments and their status, what commonly runs there in practice, related ports and advice
     * about an unexpected listener. Built from this record on each call.
     *
     * @return the summary, never null or empty
     */
    public String summary() {
        return Summaries.describe(this);
    }
}
