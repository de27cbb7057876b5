package dev.portregistry.advice;

import java.util.Objects;

/**
 * One reason why a port is a poor choice for a new service.
 *
 * <p>Immutable and thread-safe. A final value class rather than a record, so that a 1.x release
 * can add a field (a related port, a source) without breaking callers.
 */
public final class PortConflict {
    private final ConflictKind kind;
    private final String message;

    private PortConflict(ConflictKind kind, String message) {
        this.kind = kind;
        this.message = message;
    }

    /**
     * A conflict.
     *
     * @param kind    the kind of conflict, not null
     * @param message a plain-English sentence that names the port and what it conflicts with; not blank
     * @return the conflict
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the message is blank
     */
    public static PortConflict of(ConflictKind kind, String message) {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(message, "message must not be null");
        if (message.isBlank()) {
            throw new IllegalArgumentException("conflict message of " + kind + " is blank: expected an explanation");
        }
        return new PortConflict(kind, message);
    }

    /**
     * The kind of conflict.
     *
     * @return the kind, never null
     */
    public ConflictKind kind() {
        return kind;
    }

    /**
     * What the conflict is.
     *
     * @return a plain-English sentence that names the port and what it conflicts with; never null or blank
     */
    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortConflict c && kind == c.kind && message.equals(c.message);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + message.hashCode();
    }

    /**
     * Returns the kind and the message, such as
     * {@code RELATED: Port 1196 belongs to a family of related ports (1194, 1195, 1197).}
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
