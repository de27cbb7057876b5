package dev.portregistry;

/**
 * The three port ranges of RFC 6335, section 6.
 *
 * <p>Immutable and thread-safe.
 */
public enum PortRange {
    /** 0-1023, RFC 6335 "System Ports", also called well-known ports. */
    WELL_KNOWN(0, 1023, "well-known"),
    /** 1024-49151, RFC 6335 "User Ports", also called registered ports. */
    REGISTERED(1024, 49151, "registered"),
    /** 49152-65535, RFC 6335 "Dynamic and/or Private Ports"; IANA assigns none of them. */
    DYNAMIC(49152, 65535, "dynamic");

    /** The lowest port number, 0. */
    public static final int MIN_PORT = 0;
    /** The highest port number, 65535. */
    public static final int MAX_PORT = 65535;

    private final int first;
    private final int last;
    private final String label;

    PortRange(int first, int last, String label) {
        this.first = first;
        this.last = last;
        this.label = label;
    }

    /**
     * Returns the first port of this range.
     *
     * @return the first port, inclusive
     */
    public int first() {
        return first;
    }

    /**
     * Returns the last port of this range.
     *
     * @return the last port, inclusive
     */
    public int last() {
        return last;
    }

    /**
     * Tells whether a port number lies in this range; never throws.
     *
     * @param port any int, also outside 0..65535
     * @return true if {@code first() <= port <= last()}, false for every value outside 0..65535
     */
    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    /**
     * Returns the lower-case English label of this range, e.g. "well-known".
     *
     * @return the label, never null
     */
    public String label() {
        return label;
    }

    /**
     * Returns the range a port belongs to.
     *
     * @param port the port, 0 to 65535
     * @return the range, never null
     * @throws IllegalArgumentException naming the value and the range 0..65535 if the port is outside it
     */
    public static PortRange of(int port) {
        checkPort(port);
        if (port <= WELL_KNOWN.last) {
            return WELL_KNOWN;
        }
        return port <= REGISTERED.last ? REGISTERED : DYNAMIC;
    }

    /**
     * Checks that a value is a port number.
     *
     * @param port the value to check
     * @return the port, unchanged
     * @throws IllegalArgumentException naming the value and the valid range if it is outside 0..65535
     */
    static int checkPort(int port) {
        if (port < MIN_PORT || port > MAX_PORT) {
            throw new IllegalArgumentException(
                    "port " + port + " is out of range: expected " + MIN_PORT + ".." + MAX_PORT);
        }
        return port;
    }
}
