package dev.portregistry;

import java.util.Objects;

/**
 * Bad data read from a file or other source: a line of a services(5) file, an entry of a JSON
 * overlay or of IANA's CSV, a line of Nmap's data or of {@code /proc}, that cannot be read, or an
 * entry that contradicts the registry it is layered on. The message names the source (usually a
 * file), the line and what was expected, e.g.
 * {@code services.local:3: port 70000 is out of range: expected 0..65535}.
 *
 * <p>The one format exception of the library; see the package documentation for the others.
 * Immutable and thread-safe.
 */
public final class RegistryFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The source of the entry, never null. */
    private final String source;
    /** The line of the entry, or 0 when it has none (an entry added in code). */
    private final int line;

    /**
     * Creates the exception.
     *
     * @param source the file or other source of the bad entry, not null
     * @param line   the 1-based line of the entry, or 0 if it has none
     * @param detail what is wrong and what was expected, not null
     * @throws NullPointerException if source or detail is null
     */
    public RegistryFormatException(String source, int line, String detail) {
        super(location(source, line) + ": " + Objects.requireNonNull(detail, "detail must not be null"));
        this.source = source;
        this.line = line;
    }

    private static String location(String source, int line) {
        Objects.requireNonNull(source, "source must not be null");
        return line > 0 ? source + ":" + line : source;
    }

    /**
     * Returns the source of the bad entry, usually a file name.
     *
     * @return the source, never null
     */
    public String source() {
        return source;
    }

    /**
     * Returns the 1-based line of the bad entry.
     *
     * @return the line, or 0 if the entry has none
     */
    public int line() {
        return line;
    }
}
