package dev.portregistry.host;

import dev.portregistry.AlternateUse;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A listening socket classified against a registry: which service or software it probably is,
 * and the registry's advice about the port.
 *
 * <p>Immutable and thread-safe.
 *
 * @param socket the socket, never null
 * @param kind   what the registry makes of it, never null
 * @param names  the names behind the kind: the services or software of that kind that cover the
 *               socket's transport; empty for UNKNOWN; immutable, never null
 * @param info   everything the registry knows about the port, never null
 */
public record Listener(ListeningSocket socket, ListenerKind kind, List<String> names, PortInfo info) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException     if a component or a name is null
     * @throws IllegalArgumentException if info is about another port than the socket's
     */
    public Listener {
        Objects.requireNonNull(socket, "socket must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        names = List.copyOf(Objects.requireNonNull(names, "names must not be null"));
        Objects.requireNonNull(info, "info must not be null");
        if (info.port() != socket.port()) {
            throw new IllegalArgumentException("info is about port " + info.port() + ": expected the socket's port "
                    + socket.port());
        }
    }

    /**
     * Classifies a socket against a registry; the rules are those of {@link ListenerKind}.
     *
     * @param socket   the socket, not null
     * @param registry the registry, such as {@link PortRegistry#bundled()} or one with your overlay; not null
     * @return the listener, never null
     * @throws NullPointerException if an argument is null
     */
    public static Listener classify(ListeningSocket socket, PortRegistry registry) {
        Objects.requireNonNull(socket, "socket must not be null");
        Objects.requireNonNull(registry, "registry must not be null");
        PortInfo info = registry.get(socket.port());
        Transport t = socket.transport();
        List<String> local = new ArrayList<>();
        List<String> active = new ArrayList<>();
        List<String> fading = new ArrayList<>();
        for (ServiceAssignment a : info.assignmentsFor(t)) {
            if (a.name().isEmpty() || !a.status().isAssignment() || a.status() == LifecycleStatus.DEREGISTERED) {
                continue;
            }
            if (a.isLocal()) {
                local.add(a.name());
            } else if (a.status() == LifecycleStatus.ACTIVE) {
                active.add(a.name());
            } else {
                fading.add(a.name());
            }
        }
        List<String> unofficial = useNames(info, UseKind.UNOFFICIAL, t);
        List<String> malware = useNames(info, UseKind.MALWARE, t);
        if (!local.isEmpty()) {
            return new Listener(socket, ListenerKind.LOCAL, distinct(local), info);
        }
        if (!active.isEmpty()) {
            return new Listener(socket, ListenerKind.OFFICIAL, distinct(active), info);
        }
        if (!unofficial.isEmpty()) {
            return new Listener(socket, ListenerKind.ALTERNATE_USE, unofficial, info);
        }
        if (!fading.isEmpty()) {
            return new Listener(socket, ListenerKind.OFFICIAL, distinct(fading), info);
        }
        if (!malware.isEmpty()) {
            return new Listener(socket, ListenerKind.MALWARE, malware, info);
        }
        return new Listener(socket, ListenerKind.UNKNOWN, List.of(), info);
    }

    /**
     * Tells whether malware is known to use the socket's port and transport, whatever the kind.
     *
     * @return true if a MALWARE alternate use covers the socket's transport
     */
    public boolean malwareAssociated() {
        return !useNames(info, UseKind.MALWARE, socket.transport()).isEmpty();
    }

    /**
     * Returns the registry's advice about the port: its {@link PortInfo#summary()}.
     *
     * @return the advice, never null or empty
     */
    public String advice() {
        return info.summary();
    }

    private static List<String> useNames(PortInfo info, UseKind kind, Transport t) {
        List<String> out = new ArrayList<>();
        for (AlternateUse u : info.alternateUses(kind)) {
            if (u.transports().contains(t)) {
                out.add(u.name());
            }
        }
        return distinct(out);
    }

    private static List<String> distinct(List<String> names) {
        return names.stream().distinct().toList();
    }
}
