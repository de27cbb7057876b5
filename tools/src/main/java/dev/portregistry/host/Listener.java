package dev.portregistry.host;

import dev.portregistry.AlternateUse;
import dev.portregistry.PortInfo;
import dev.portregistry.UseKind;
import org.jspecify.annotations.Nullable;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A listening socket of this machine, the process behind it and a verdict: whether that process is
 * what belongs on the port, with a one-sentence reason built from the data.
 *
 * <pre>{@code
 * for (Listener l : ListeningSockets.listeners(PortRegistry.bundled())) {
 *     System.out.println(l.socket().endpoint() + " " + l.verdict() + ": " + l.reason());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. Instances come from {@link ListeningSockets}; new accessors may be
 * added in later releases.
 */
public final class Listener {
    private final ListeningSocket socket;
    private final @Nullable ProcessInfo process;
    private final Verdict verdict;
    private final String reason;
    private final PortInfo info;

    Listener(ListeningSocket socket, @Nullable ProcessInfo process, Verdict verdict, String reason, PortInfo info) {
        this.socket = Objects.requireNonNull(socket, "socket must not be null");
        this.process = process;
        this.verdict = Objects.requireNonNull(verdict, "verdict must not be null");
        this.reason = Objects.requireNonNull(reason, "reason must not be null");
        this.info = Objects.requireNonNull(info, "info must not be null");
        if (info.port() != socket.port()) {
            throw new IllegalArgumentException("info is about port " + info.port() + ": expected the socket's port "
                    + socket.port());
        }
    }

    /**
     * Returns the socket: transport, address and port.
     *
     * @return the socket, never null
     */
    public ListeningSocket socket() {
        return socket;
    }

    /**
     * Returns the process that holds the socket, where it could be seen.
     *
     * @return the process, or empty when the verdict is {@link Verdict#UNKNOWN}; never null
     */
    public Optional<ProcessInfo> process() {
        return Optional.ofNullable(process);
    }

    /**
     * Returns whether the process is what belongs on the port.
     *
     * @return the verdict, never null
     */
    public Verdict verdict() {
        return verdict;
    }

    /**
     * Returns why: one sentence built from the data, such as "nc (pid 4242) listens on 1196/tcp;
     * 1196 is assigned to netmagic, whose product was discontinued, and nc is no known use of it."
     *
     * @return the reason, never null or empty
     */
    public String reason() {
        return reason;
    }

    /**
     * Tells whether only this machine can reach the socket (bound to a loopback address): such a
     * listener matters less, since no other host can connect to it.
     *
     * @return true for {@code 127.0.0.0/8} or {@code ::1}
     */
    public boolean loopbackOnly() {
        return socket.isLoopback();
    }

    /**
     * Returns everything the registry knows about the socket's port.
     *
     * @return the port's record, never null
     */
    public PortInfo info() {
        return info;
    }

    /**
     * Tells whether malware is known to use the socket's port and transport, whatever the verdict.
     *
     * @return true if a {@link UseKind#MALWARE} alternate use covers the socket's transport
     */
    public boolean malwareAssociated() {
        for (AlternateUse u : info.alternateUses(UseKind.MALWARE)) {
            if (u.transports().contains(socket.transport())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns an order for a reader: worst verdict first (by {@link Verdict#severity()}), listeners
     * other hosts can reach before loopback-only ones, then by transport, port and address.
     *
     * @return the comparator, never null
     */
    public static Comparator<Listener> worstFirst() {
        return Comparator.comparingInt((Listener l) -> -l.verdict.severity())
                .thenComparing(Listener::loopbackOnly)
                .thenComparing(l -> l.socket.transport())
                .thenComparingInt(l -> l.socket.port())
                .thenComparing(l -> l.socket.addressText());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Listener l && socket.equals(l.socket) && Objects.equals(process, l.process)
                && verdict == l.verdict && reason.equals(l.reason) && info.equals(l.info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(socket, process, verdict, reason, info);
    }

    /**
     * Returns a short form: transport, endpoint, verdict and reason, such as
     * {@code Listener[tcp 0.0.0.0:22 EXPECTED: sshd (pid 812) listens on 22/tcp, ...]}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "Listener[" + socket.transport().label() + " " + socket.endpoint() + " " + verdict + ": " + reason + "]";
    }
}
