package dev.portregistry;

import java.util.Locale;

/**
 * The transport protocols for which IANA assigns port numbers.
 *
 * <p>Immutable and thread-safe.
 */
public enum Transport {
    /** Transmission Control Protocol. */
    TCP,
    /** User Datagram Protocol. */
    UDP,
    /** Stream Control Transmission Protocol. */
    SCTP,
    /** Datagram Congestion Control Protocol. */
    DCCP;

    private static final Transport[] VALUES = values();

    /**
     * Returns the lower-case name used by IANA and services(5), e.g. "tcp".
     *
     * @return the label, never null
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a transport name, ignoring case.
     *
     * @param text "tcp", "udp", "sctp" or "dccp" in any case; not null
     * @return the transport, never null
     * @throws NullPointerException if text is null
     * @throws IllegalArgumentException naming the text and the accepted names if it is none of them
     */
    public static Transport parse(String text) {
        if (text == null) {
            throw new NullPointerException("transport must not be null: expected tcp, udp, sctp or dccp");
        }
        for (Transport t : VALUES) {
            if (t.name().equalsIgnoreCase(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "unknown transport \"" + text + "\": expected tcp, udp, sctp or dccp");
    }
}
