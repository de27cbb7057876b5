package dev.portregistry.internal;

/**
 * A port table that cannot be read or written: bad magic, unsupported format, wrong checksum,
 * truncated or inconsistent content, or content over the format's limits. The message names the
 * table and the problem. Internal: callers of the API see it as the cause of an
 * {@link IllegalStateException}.
 */
public final class TableFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the table; not null
     */
    public TableFormatException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong, naming the table; not null
     * @param cause   the underlying failure, may be null
     */
    public TableFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
