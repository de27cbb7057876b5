package dev.portregistry.advice;

import dev.portregistry.PortInfo;
import java.util.List;
import java.util.Objects;

/**
 * The result of checking a port planned for a new service: what the registry knows about it and
 * every conflict found, in the order of {@link ConflictKind}.
 *
 * <p>Immutable and thread-safe. A final value class rather than a record, so that a 1.x release
 * can add a field without breaking callers. The port is derived from {@link #info()}.
 */
public final class PortCheck {
    private final PortInfo info;
    private final List<PortConflict> conflicts;

    private PortCheck(PortInfo info, List<PortConflict> conflicts) {
        this.info = info;
        this.conflicts = conflicts;
    }

    /**
     * A check result.
     *
     * @param info      what the registry knows about the port checked, not null
     * @param conflicts the conflicts, in the order of {@link ConflictKind}; empty when the port is a
     *                  good choice; copied; not null and without null elements
     * @return the result
     * @throws NullPointerException if an argument or a conflict is null
     */
    public static PortCheck of(PortInfo info, List<PortConflict> conflicts) {
        Objects.requireNonNull(info, "info must not be null");
        return new PortCheck(info, List.copyOf(Objects.requireNonNull(conflicts, "conflicts must not be null")));
    }

    /**
     * The port checked.
     *
     * @return the port, 0 to 65535
     */
    public int port() {
        return info.port();
    }

    /**
     * What the registry knows about the port.
     *
     * @return the port's record, never null
     */
    public PortInfo info() {
        return info;
    }

    /**
     * The conflicts found.
     *
     * @return the conflicts in the order of {@link ConflictKind}; empty when the port is a good
     *         choice; immutable, never null
     */
    public List<PortConflict> conflicts() {
        return conflicts;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof PortCheck c && info.equals(c.info) && conflicts.equals(c.conflicts);
    }

    @Override
    public int hashCode() {
        return 31 * info.hashCode() + conflicts.hashCode();
    }

    /**
     * Returns a short form with the port and the conflicts, such as {@code PortCheck[port=7443, conflicts=[]]}
     * or {@code PortCheck[port=1196, conflicts=[ASSIGNED: ..., ALTERNATE_USE: ..., RELATED: ...]]}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "PortCheck[port=" + port() + ", conflicts=" + conflicts + "]";
    }
}
