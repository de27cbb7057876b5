package dev.portregistry.advice;

import java.util.Objects;

/**
 * One reason why a port is a poor choice for a new service.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind    the kind of conflict, never null
 * @param message a plain-English sentence that names the port and what it conflicts with; never null or blank
 */
public record PortConflict(ConflictKind kind, String message) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the message is blank
     */
    public PortConflict {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(message, "message must not be null");
        if (message.isBlank()) {
            throw new IllegalArgumentException("conflict message of " + kind + " is blank: expected an explanation");
        }
    }
}
