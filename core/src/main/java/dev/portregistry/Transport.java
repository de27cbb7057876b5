package dev.portregistry;

import dev.portregistry.internal.ServiceNames;

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
     * Parses a transport name, ignoring ASCII case. Nothing is trimmed, and only the ASCII letters
     * of the four names match: {@code "TCP"} and {@code "tcp"} do, {@code " tcp"} and
     * {@code "\u017Fctp"} (with a long s, which Unicode upper-cases to S) do not.
     *
     * @param text "tcp", "udp", "sctp" or "dccp" in any case; not null
     * @return the transport, never null
     * @throws NullPointerException if text is null
     * @throws IllegalArgumentException naming the text (quoted, escaped and shortened to 64
     *                                  characters) and the accepted names if it is none of them
     */
    public static Transport parse(String text) {
        if (text == null) {
            throw new NullPointerException("transport must not be null: expected tcp, udp, sctp or dccp");
        }
        for (Transport t : VALUES) {
            if (asciiEqualsIgnoreCase(t.name(), text)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "unknown transport " + ServiceNames.quote(text) + ": expected tcp, udp, sctp or dccp");
    }

    /** Compares an upper-case ASCII name with any text, folding only ASCII letters. */
    private static boolean asciiEqualsIgnoreCase(String upperAscii, String text) {
        if (upperAscii.length() != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - ('a' - 'A'));
            }
            if (c != upperAscii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
