package dev.portregistry;

import java.util.Objects;
import java.util.Set;

/**
 * One official IANA assignment of a port: a service name over one or more transports.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name        the IANA service name, e.g. {@code netmagic}; empty for Reserved and some
 *                    De-registered entries, never null
 * @param description IANA's description, e.g. {@code Network Magic}; may be empty, never null
 * @param transports  the transports this assignment covers; immutable, never empty, iterates in
 *                    declaration order (TCP, UDP, SCTP, DCCP)
 * @param status      whether the assignment is alive; one of ACTIVE, ABANDONED, HISTORIC,
 *                    DEREGISTERED or RESERVED, never null
 * @param note        why the status is what it is, in plain English (for example which product was
 *                    discontinued and when); empty when there is nothing to add, never null
 */
public record ServiceAssignment(String name, String description, Set<Transport> transports,
                                LifecycleStatus status, String note) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if transports is empty or the status is UNASSIGNED
     */
    public ServiceAssignment {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(description, "description must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(note, "note must not be null");
        transports = Transports.copyOf(transports, "assignment ", name);
        if (status == LifecycleStatus.UNASSIGNED) {
            throw new IllegalArgumentException(
                    "assignment \"" + name + "\" has status UNASSIGNED: expected an assignment or RESERVED status");
        }
    }

    /**
     * Creates an assignment with no note.
     *
     * @param name        the IANA service name, not null
     * @param description the description, not null
     * @param transports  the transports, not null or empty
     * @param status      the status, not null
     */
    public ServiceAssignment(String name, String description, Set<Transport> transports, LifecycleStatus status) {
        this(name, description, transports, status, "");
    }

    /**
     * Tells whether this assignment covers a transport.
     *
     * @param transport the transport, not null
     * @return true if {@link #transports()} contains it
     */
    public boolean covers(Transport transport) {
        return transports.contains(Objects.requireNonNull(transport, "transport must not be null"));
    }
}
