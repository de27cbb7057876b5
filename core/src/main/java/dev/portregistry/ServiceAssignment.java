package dev.portregistry;

import java.util.Objects;
import java.util.Set;

/**
 * One assignment of a port: a service name over one or more transports. In the bundled registry
 * every assignment is IANA's; a registry with an {@link Overlay} also holds the user's own
 * ({@link Origin#LOCAL}).
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
 *                    discontinued and when, or where a local assignment was declared); empty when
 *                    there is nothing to add, never null
 * @param origin      IANA for the official registry, LOCAL for an assignment layered on by the
 *                    user; never null
 */
public record ServiceAssignment(String name, String description, Set<Transport> transports,
                                LifecycleStatus status, String note, Origin origin) {

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
        Objects.requireNonNull(origin, "origin must not be null");
        transports = Transports.copyOf(transports, "assignment ", name);
        if (status == LifecycleStatus.UNASSIGNED) {
            throw new IllegalArgumentException(
                    "assignment \"" + name + "\" has status UNASSIGNED: expected an assignment or RESERVED status");
        }
    }

    /**
     * Creates an IANA assignment.
     *
     * @param name        the IANA service name, not null
     * @param description the description, not null
     * @param transports  the transports, not null or empty
     * @param status      the status, not null
     * @param note        the note, not null
     */
    public ServiceAssignment(String name, String description, Set<Transport> transports, LifecycleStatus status,
                             String note) {
        this(name, description, transports, status, note, Origin.IANA);
    }

    /**
     * Creates an IANA assignment with no note.
     *
     * @param name        the IANA service name, not null
     * @param description the description, not null
     * @param transports  the transports, not null or empty
     * @param status      the status, not null
     */
    public ServiceAssignment(String name, String description, Set<Transport> transports, LifecycleStatus status) {
        this(name, description, transports, status, "", Origin.IANA);
    }

    /**
     * Tells whether this assignment was layered on by the user rather than taken from IANA.
     *
     * @return true if {@link #origin()} is LOCAL
     */
    public boolean isLocal() {
        return origin == Origin.LOCAL;
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
