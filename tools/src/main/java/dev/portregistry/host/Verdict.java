package dev.portregistry.host;

/**
 * Whether a listener is what belongs on its port: the process behind the socket compared with what
 * the registry and the curated program data know of the port and transport.
 *
 * <p>Declared from the best to the least known; {@link #severity()} orders them for a reader,
 * worst first. New constants may be added in later releases.
 *
 * <p>Immutable and thread-safe.
 */
public enum Verdict {
    /**
     * The process is what the port is assigned to, or a known use of it (sshd on 22), or what your
     * overlay assigns it to.
     */
    EXPECTED,
    /**
     * Likely fine, not proven: the port's assignment is ABANDONED or HISTORIC and the process is a
     * known alternate use (openvpn on 1196); or the process is a generic runtime (java, python,
     * node, ...) whose command line names nothing known for the port; or your overlay assigns the
     * port to a service of yours whose program the data does not know.
     */
    PLAUSIBLE,
    /** The process matches nothing known for the port and transport (nc on 1196). */
    UNEXPECTED,
    /** The port and transport have a malware association and the process matches nothing legitimate there. */
    SUSPICIOUS,
    /** The process could not be seen: another user's without privileges, the kernel's, or gone mid-scan. */
    UNKNOWN;

    /**
     * Returns how much the verdict asks for a look: SUSPICIOUS 4, UNEXPECTED 3, UNKNOWN 2,
     * PLAUSIBLE 1, EXPECTED 0.
     *
     * @return the severity, 0 or more; higher is worse
     */
    public int severity() {
        return switch (this) {
            case SUSPICIOUS -> 4;
            case UNEXPECTED -> 3;
            case UNKNOWN -> 2;
            case PLAUSIBLE -> 1;
            default -> 0;
        };
    }

    /**
     * Tells whether the verdict calls for a look: UNEXPECTED or SUSPICIOUS.
     *
     * @return true for UNEXPECTED and SUSPICIOUS
     */
    public boolean needsAttention() {
        return this == UNEXPECTED || this == SUSPICIOUS;
    }
}
