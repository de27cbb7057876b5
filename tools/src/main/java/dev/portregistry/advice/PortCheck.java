package dev.portregistry.advice;

import dev.portregistry.PortInfo;
import java.util.List;
import java.util.Objects;

/**
 * The result of checking a port planned for a new service: what the registry knows about it and
 * every conflict found, in the order of {@link ConflictKind}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param port      the port checked, 0 to 65535
 * @param info      what the registry knows about it, never null
 * @param conflicts the conflicts; empty when the port is a good choice; immutable, never null
 */
public record PortCheck(int port, PortInfo info, List<PortConflict> conflicts) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException     if a component or conflict is null
     * @throws IllegalArgumentException if info is about another port
     */
    public PortCheck {
        Objects.requireNonNull(info, "info must not be null");
        conflicts = List.copyOf(Objects.requireNonNull(conflicts, "conflicts must not be null"));
        if (info.port() != port) {
            throw new IllegalArgumentException("info is about port " + info.port() + ": expected port " + port);
        }
    }

    /**
     * Tells whether the port is a good choice: no conflict at all.
     *
     * @return true if {@link #conflicts()} is empty
     */
    public boolean isClear() {
        return conflicts.isEmpty();
    }

    /**
     * Tells whether one kind of conflict was found.
     *
     * @param kind the kind, not null
     * @return true if a conflict of that kind is in {@link #conflicts()}
     * @throws NullPointerException if kind is null
     */
    public boolean has(ConflictKind kind) {
        Objects.requireNonNull(kind, "kind must not be null");
        return conflicts.stream().anyMatch(c -> c.kind() == kind);
    }
}
