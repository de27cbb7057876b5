package dev.portregistry.advice;

import dev.portregistry.AlternateUse;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRange;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import dev.portregistry.nmap.PortFrequency;
import dev.portregistry.nmap.PortPopularity;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Helps choose a port for a new service: {@link #suggest(int)} and {@link #suggestNear(int, int)}
 * propose ports, {@link #check(int)} explains what is wrong with a planned one.
 *
 * <pre>{@code
 * PortAdvisor advisor = PortAdvisor.of(PortRegistry.bundled());
 * advisor.suggestNear(8443, 3);              // free ports closest to 8443
 * advisor.check(7443).conflicts();           // why 7443 is or is not a good idea
 * }</pre>
 *
 * <p>A port is suggested only when {@link #check(int)} finds no conflict: it lies in 1024..32767
 * (registered, and below both RFC 6335's dynamic range and Linux's default ephemeral range
 * 32768-60999), nothing is assigned or reserved on it for any transport, not even locally, no
 * alternate use or malware is known there, it belongs to no family of related ports, and, if
 * popularity data was given with {@link #avoiding(PortPopularity)}, Nmap has never found it open.
 * Answers depend only on the registry and the popularity data: the same inputs always give the
 * same ports.
 *
 * <p>Immutable and thread-safe.
 */
public final class PortAdvisor {
    /** The most ports one call suggests. */
    private static final int MAX_SUGGESTIONS = 1000;
    /** The first port of Linux's default ephemeral range ({@code net.ipv4.ip_local_port_range}). */
    private static final int LINUX_EPHEMERAL_FIRST = 32768;
    /** The last port of Linux's default ephemeral range. */
    private static final int LINUX_EPHEMERAL_LAST = 60999;

    private final PortRegistry registry;
    private final @Nullable PortPopularity popularity;

    private PortAdvisor(PortRegistry registry, @Nullable PortPopularity popularity) {
        this.registry = registry;
        this.popularity = popularity;
    }

    /**
     * Returns an advisor that answers from a registry, such as the bundled one or one with your
     * overlay (so that your own services count as taken).
     *
     * @param registry the registry, not null
     * @return the advisor, never null
     * @throws NullPointerException if registry is null
     */
    public static PortAdvisor of(PortRegistry registry) {
        return new PortAdvisor(Objects.requireNonNull(registry, "registry must not be null"), null);
    }

    /**
     * Returns an advisor that also avoids every port Nmap has found open on any transport.
     *
     * @param popularity the popularity data, not null
     * @return a new advisor, never null
     * @throws NullPointerException if popularity is null
     */
    public PortAdvisor avoiding(PortPopularity popularity) {
        return new PortAdvisor(registry, Objects.requireNonNull(popularity, "popularity must not be null"));
    }

    /**
     * Returns the popularity data this advisor avoids.
     *
     * @return the data, or empty if none was given; never null
     */
    public Optional<PortPopularity> popularity() {
        return Optional.ofNullable(popularity);
    }

    /**
     * Checks a port planned for a new service and explains every conflict.
     *
     * @param port the port, 0 to 65535
     * @return the check, never null
     * @throws IllegalArgumentException naming the value and 0..65535 if the port is outside it
     */
    public PortCheck check(int port) {
        PortInfo info = registry.get(port);
        List<PortConflict> out = new ArrayList<>();
        if (port < PortRange.REGISTERED.first()) {
            out.add(PortConflict.of(ConflictKind.PRIVILEGED, "Port " + port + " is below 1024: a server needs root "
                    + "or CAP_NET_BIND_SERVICE to bind it on Unix, and IANA assigns these system ports only by IETF review."));
        }
        if (info.range() == PortRange.DYNAMIC) {
            out.add(PortConflict.of(ConflictKind.DYNAMIC_RANGE, "Port " + port + " is in the dynamic range "
                    + PortRange.DYNAMIC.first() + "-" + PortRange.DYNAMIC.last()
                    + " (RFC 6335): systems hand it out as an ephemeral port, so it may be taken when your service starts."));
        }
        if (port >= LINUX_EPHEMERAL_FIRST && port <= LINUX_EPHEMERAL_LAST) {
            out.add(PortConflict.of(ConflictKind.EPHEMERAL_RANGE, "Port " + port + " is in Linux's default ephemeral range "
                    + LINUX_EPHEMERAL_FIRST + "-" + LINUX_EPHEMERAL_LAST
                    + " (net.ipv4.ip_local_port_range): an outgoing connection may hold it when your service starts."));
        }
        assignments(port, info, out);
        for (AlternateUse u : info.alternateUses()) {
            boolean malware = u.kind() == UseKind.MALWARE;
            out.add(PortConflict.of(malware ? ConflictKind.MALWARE : ConflictKind.ALTERNATE_USE, malware
                    ? "Malware " + u.name() + " is known to use port " + port + " over " + describe(u.transports())
                    + ": scanners and intrusion detection flag listeners there."
                    : u.name() + " commonly runs on port " + port + " over " + describe(u.transports())
                    + " without the IANA assignment" + (u.officialPort().isPresent()
                    ? " (its own port is " + u.officialPort().getAsInt() + ")." : ".")));
        }
        if (!info.relatedPorts().isEmpty()) {
            out.add(PortConflict.of(ConflictKind.RELATED, "Port " + port + " belongs to a family of related ports ("
                    + info.relatedPorts().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")."));
        }
        if (popularity != null) {
            List<PortFrequency> seen = popularity.forPort(port).stream().filter(f -> f.frequency() > 0).toList();
            if (!seen.isEmpty()) {
                out.add(PortConflict.of(ConflictKind.POPULAR, "Nmap finds port " + port + " open: " + seen.stream()
                        .map(f -> f.transport().label() + " " + f.name() + " " + f.frequency())
                        .collect(Collectors.joining(", ")) + " (" + popularity.source() + ")."));
            }
        }
        out.sort((a, b) -> a.kind().compareTo(b.kind()));
        return PortCheck.of(info, out);
    }

    private static void assignments(int port, PortInfo info, List<PortConflict> out) {
        // one phrase per name and status, over the union of its transports: "ssh over TCP, UDP and SCTP"
        Map<String, Set<Transport>> iana = new LinkedHashMap<>();
        Map<String, Set<Transport>> local = new LinkedHashMap<>();
        boolean reserved = false;
        boolean deregistered = false;
        boolean fading = false;
        for (ServiceAssignment a : info.assignments()) {
            String what = (a.name().isEmpty() ? "(unnamed)" : a.name()) + (a.status() == LifecycleStatus.ACTIVE
                    ? "" : "\0" + a.status().name().toLowerCase(Locale.ROOT));
            if (a.isLocal()) {
                local.computeIfAbsent(what, k -> EnumSet.noneOf(Transport.class)).addAll(a.transports());
            } else if (a.status() == LifecycleStatus.RESERVED) {
                reserved = true;
            } else if (a.status() == LifecycleStatus.DEREGISTERED) {
                deregistered = true;
            } else {
                fading |= a.status() != LifecycleStatus.ACTIVE;
                iana.computeIfAbsent(what, k -> EnumSet.noneOf(Transport.class)).addAll(a.transports());
            }
        }
        if (reserved) {
            out.add(PortConflict.of(ConflictKind.RESERVED, "IANA has reserved port " + port + "."));
        }
        if (!iana.isEmpty()) {
            out.add(PortConflict.of(ConflictKind.ASSIGNED, "IANA assigns port " + port + " to " + phrases(iana)
                    + (fading ? " (still assigned although no longer alive)." : ".")));
        }
        if (!local.isEmpty()) {
            out.add(PortConflict.of(ConflictKind.LOCAL_ASSIGNMENT, "Port " + port + " is assigned locally to "
                    + phrases(local) + "."));
        }
        if (deregistered) {
            out.add(PortConflict.of(ConflictKind.DEREGISTERED, "A former IANA assignment of port " + port
                    + " was de-registered; old software may still use it."));
        }
    }

    private static String phrases(Map<String, Set<Transport>> byName) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Set<Transport>> e : byName.entrySet()) {
            String key = e.getKey();
            int nul = key.indexOf('\0'); // name, or name NUL status
            out.add((nul < 0 ? key : key.substring(0, nul)) + " over " + describe(e.getValue())
                    + (nul < 0 ? "" : ", " + key.substring(nul + 1)));
        }
        return String.join("; ", out);
    }

    /**
     * Suggests free ports for a new service, lowest first from 1024.
     *
     * @param count how many, 1 to 1000
     * @return an immutable list of exactly count ports, ascending, each one that {@link #check(int)}
     *         finds clear (fewer only if fewer exist); never null
     * @throws IllegalArgumentException naming the value and the range if count is outside 1..1000
     */
    public List<Integer> suggest(int count) {
        checkCount(count);
        List<Integer> out = new ArrayList<>(count);
        for (int p = PortRange.REGISTERED.first(); p < LINUX_EPHEMERAL_FIRST && out.size() < count; p++) {
            if (isFree(p)) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Suggests the free ports closest to a preferred one; of two at the same distance the lower
     * comes first. The preferred port itself comes first when it is free.
     *
     * @param preferred the port you would like, 0 to 65535 (outside 1024..32767 it only sets the direction)
     * @param count     how many, 1 to 1000
     * @return an immutable list of exactly count ports, nearest first, each one that
     *         {@link #check(int)} finds clear (fewer only if fewer exist); never null
     * @throws IllegalArgumentException naming the value and the range if preferred is outside
     *                                  0..65535 or count outside 1..1000
     */
    public List<Integer> suggestNear(int preferred, int count) {
        PortRange.of(preferred); // throws IllegalArgumentException naming the port and 0..65535
        checkCount(count);
        List<Integer> out = new ArrayList<>(count);
        for (int d = 0; out.size() < count && (preferred - d >= 0 || preferred + d <= PortRange.MAX_PORT); d++) {
            int below = preferred - d;
            int above = preferred + d;
            if (below >= 0 && isFree(below)) {
                out.add(below);
            }
            if (d > 0 && above <= PortRange.MAX_PORT && out.size() < count && isFree(above)) {
                out.add(above);
            }
        }
        return List.copyOf(out);
    }

    /** The same verdict as {@code check(port).isClear()}, without building messages. */
    private boolean isFree(int port) {
        if (port < PortRange.REGISTERED.first() || port >= LINUX_EPHEMERAL_FIRST) {
            return false;
        }
        PortInfo info = registry.get(port);
        if (!info.assignments().isEmpty() || !info.alternateUses().isEmpty() || !info.relatedPorts().isEmpty()) {
            return false;
        }
        if (popularity != null) {
            for (PortFrequency f : popularity.forPort(port)) {
                if (f.frequency() > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** "TCP", "TCP and UDP", "TCP, UDP and SCTP", in the transports' declaration order. */
    private static String describe(Set<Transport> transports) {
        List<Transport> ordered = transports.stream().sorted().toList();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ordered.size(); i++) {
            if (i > 0) {
                sb.append(i == ordered.size() - 1 ? " and " : ", ");
            }
            sb.append(ordered.get(i).name());
        }
        return sb.toString();
    }

    private static void checkCount(int count) {
        if (count < 1 || count > MAX_SUGGESTIONS) {
            throw new IllegalArgumentException("count " + count + " is out of range: expected 1.." + MAX_SUGGESTIONS);
        }
    }
}
