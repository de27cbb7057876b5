package dev.portregistry;

/**
 * Whether an assignment, or a port as a whole, is alive.
 *
 * <p>The constants are declared from most to least alive: a port's status is that of its most
 * alive assignment (ACTIVE before ABANDONED before HISTORIC before DEREGISTERED), else RESERVED
 * or UNASSIGNED.
 *
 * <p>Immutable and thread-safe.
 */
public enum LifecycleStatus {
    /** Assigned, and nothing known says the service is gone. */
    ACTIVE,
    /**
     * Still assigned by IANA, but the product or service it was assigned to has been discontinued:
     * a "digital tombstone" that often carries other traffic now.
     */
    ABANDONED,
    /** Assigned to a protocol that is obsolete or marked historic. */
    HISTORIC,
    /** The assignment was withdrawn ("De-registered"). */
    DEREGISTERED,
    /** Reserved by IANA, not assigned. */
    RESERVED,
    /** Nothing assigned; this includes every port of the dynamic range. */
    UNASSIGNED;

    /**
     * Tells whether this status describes a real assignment (ACTIVE, ABANDONED, HISTORIC or
     * DEREGISTERED), as opposed to RESERVED or UNASSIGNED.
     *
     * @return true for the four assignment states
     */
    public boolean isAssignment() {
        return compareTo(DEREGISTERED) <= 0;
    }
}
