package dev.portregistry;

import dev.portregistry.internal.LayerSource;
import dev.portregistry.internal.RegistrySource;
import dev.portregistry.internal.ServiceNames;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one merge engine: applies an {@link Overlay} to a registry, giving a new one. The rules are
 * documented on {@link Overlay}; the build compiles the bundled table through this same code (the
 * IANA base plus the curated files as overlays). The result is a {@link LayerSource} holding only
 * the ports and names the overlay touched: nothing else is decoded, and the base registry is never
 * written to.
 */
final class OverlayApplier {
    /** The most ports a use may span and still add its ports to the names of its programs. */
    static final int CHANCE_PORTS = 1024;

    /** The mutable state of one port while the overlay is applied. */
    private static final class Draft {
        final List<ServiceAssignment> assignments;
        final List<AlternateUse> uses;
        final TreeSet<Integer> related;

        Draft(PortInfo base) {
            assignments = new ArrayList<>(base.assignments());
            uses = new ArrayList<>(base.alternateUses());
            related = new TreeSet<>(base.relatedPorts());
        }
    }

    /** The ports an overlay adds to one name, by kind, in the order they are answered after the old ones. */
    private static final class AddedPorts {
        final TreeSet<Integer> assigned = new TreeSet<>();
        final TreeSet<Integer> ownPorts = new TreeSet<>();
        final TreeSet<Integer> uses = new TreeSet<>();
        final LinkedHashSet<Integer> named = new LinkedHashSet<>();
        final LinkedHashSet<Integer> programs = new LinkedHashSet<>();

        void addTo(Set<Integer> out) {
            out.addAll(assigned);
            out.addAll(ownPorts);
            out.addAll(uses);
            out.addAll(named);
            out.addAll(programs);
        }
    }

    private final PortRegistry base;
    private final RegistrySource below;
    private final Overlay overlay;
    private final Map<Integer, Draft> drafts = new TreeMap<>();
    /** Lower-case name to the ports the overlay adds to it. */
    private final Map<String, AddedPorts> added = new LinkedHashMap<>();

    private OverlayApplier(PortRegistry base, Overlay overlay) {
        this.base = base;
        this.below = base.source();
        this.overlay = overlay;
    }

    static PortRegistry apply(PortRegistry base, Overlay overlay) {
        return new OverlayApplier(base, overlay).apply();
    }

    private PortRegistry apply() {
        for (Overlay.AssignEntry e : overlay.assignments()) {
            assign(e);
        }
        for (Overlay.LifecycleEntry e : overlay.lifecycle()) {
            lifecycle(e);
        }
        for (Overlay.UseEntry e : overlay.uses()) {
            use(e);
        }
        for (Overlay.RelatedEntry e : overlay.related()) {
            for (int port : e.ports()) {
                Draft d = draft(port);
                for (int other : e.ports()) {
                    if (other != port) {
                        d.related.add(other);
                    }
                }
            }
        }
        for (Overlay.NameEntry e : overlay.names()) {
            for (int port : e.ports()) {
                added(e.name()).named.add(port);
            }
        }
        for (Overlay.AliasEntry e : overlay.aliases()) {
            List<Integer> ports = answer(e.service());
            if (ports.isEmpty()) {
                throw new RegistryFormatException(e.file(), e.line(), "name \"" + e.name() + "\" stands for service \""
                        + e.service() + "\", which resolves to no port: expected a service name the registry knows");
            }
            added(e.name()).named.addAll(ports);
        }
        programs();
        return build();
    }

    private Draft draft(int port) {
        return drafts.computeIfAbsent(port, p -> new Draft(base.get(p)));
    }

    /** A port's current record: the draft's if the overlay touched it, else the base registry's. */
    private List<ServiceAssignment> assignmentsOf(int port) {
        Draft d = drafts.get(port);
        return d != null ? d.assignments : base.get(port).assignments();
    }

    private List<AlternateUse> usesOf(int port) {
        Draft d = drafts.get(port);
        return d != null ? d.uses : base.get(port).alternateUses();
    }

    private AddedPorts added(String name) {
        return added.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new AddedPorts());
    }

    /** The ports a name resolves to at this point of the overlay: the old ones, then those added so far. */
    private List<Integer> answer(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        LinkedHashSet<Integer> out = new LinkedHashSet<>();
        List<PortInfo> old = below.service(key);
        if (old != null) {
            for (PortInfo p : old) {
                out.add(p.port());
            }
        }
        AddedPorts more = added.get(key);
        if (more != null) {
            more.addTo(out);
        }
        return new ArrayList<>(out);
    }

    private boolean resolves(String key) {
        return below.service(key) != null || added.containsKey(key);
    }

    private void assign(Overlay.AssignEntry e) {
        Draft d = draft(e.port());
        ServiceAssignment local = e.assignment();
        Set<Transport> missing = EnumSet.copyOf(local.transports());
        int merged = -1;
        for (int i = 0; i < d.assignments.size(); i++) {
            ServiceAssignment a = d.assignments.get(i);
            if (a.name().equalsIgnoreCase(local.name())) {
                if (a.isLocal()) {
                    merged = i;
                } else {
                    missing.removeAll(a.transports());
                }
            }
        }
        if (merged >= 0) {
            ServiceAssignment a = d.assignments.get(merged);
            Set<Transport> union = EnumSet.copyOf(a.transports());
            union.addAll(missing);
            d.assignments.set(merged, a.toBuilder().description(a.description().isEmpty() ? local.description()
                    : a.description()).transports(union).origin(Origin.LOCAL).build());
        } else if (!missing.isEmpty()) {
            d.assignments.add(local.toBuilder().transports(missing).origin(Origin.LOCAL).build());
        }
        added(local.name()).assigned.add(e.port());
        for (String alias : e.aliases()) {
            added(alias).assigned.add(e.port());
        }
    }

    private static boolean live(ServiceAssignment a) {
        return a.status() == LifecycleStatus.ACTIVE || a.status() == LifecycleStatus.ABANDONED
                || a.status() == LifecycleStatus.HISTORIC;
    }

    private void lifecycle(Overlay.LifecycleEntry e) {
        Draft d = draft(e.port());
        List<String> present = new ArrayList<>();
        LifecycleStatus dead = null;
        boolean found = false;
        for (int i = 0; i < d.assignments.size(); i++) {
            ServiceAssignment a = d.assignments.get(i);
            if (!a.name().isEmpty()) {
                present.add(a.name());
            }
            if (a.name().equalsIgnoreCase(e.service())) {
                if (live(a)) {
                    found = true;
                    d.assignments.set(i, e.lifecycle().applyTo(a));
                } else {
                    dead = a.status();
                }
            }
        }
        if (!found && dead != null) {
            throw new RegistryFormatException(e.file(), e.line(), e.service() + " on port " + e.port() + " is "
                    + dead + ": only a live assignment (ACTIVE, ABANDONED or HISTORIC) can be set " + e.lifecycle().status());
        }
        if (!found) {
            throw new RegistryFormatException(e.file(), e.line(), "port " + e.port() + " has no assignment named \""
                    + e.service() + "\" to set " + e.lifecycle().status() + ": expected one of " + present);
        }
    }

    private void use(Overlay.UseEntry e) {
        Draft d = draft(e.port());
        AlternateUse use = e.use();
        d.uses.removeIf(u -> u.kind() == use.kind() && u.name().equalsIgnoreCase(use.name()));
        int at = d.uses.size();
        if (use.kind() == UseKind.UNOFFICIAL) {
            at = 0;
            while (at < d.uses.size() && d.uses.get(at).kind() == UseKind.UNOFFICIAL) {
                at++;
            }
        }
        d.uses.add(at, use);
        AddedPorts names = added(use.name());
        use.officialPort().ifPresent(names.ownPorts::add);
        names.uses.add(e.port());
    }

    /**
     * Sets the programs of each entry on its assignments or uses, then lets each executable's name
     * find the ports of what it serves: services' ports first, then uses', over all entries; a name
     * that already resolves keeps its meaning. A use that spans more than {@value #CHANCE_PORTS}
     * ports (an ephemeral or dynamic range, where a daemon such as rpc.statd takes whatever port it
     * is given) adds none to its programs' names: those are ports it may get, not ports it serves by
     * default, and a name that found tens of thousands of them would say nothing. The programs are
     * still set on every port of the use, for the host audit.
     */
    private void programs() {
        Map<String, LinkedHashSet<Integer>> official = new TreeMap<>();
        Map<String, LinkedHashSet<Integer>> alternate = new TreeMap<>();
        for (Overlay.ProgramsEntry e : overlay.programs()) {
            boolean service = !e.service().isEmpty();
            String target = service ? e.service() : e.use();
            List<Integer> ports = answer(target);
            boolean matched = false;
            for (int port : ports) {
                if (service) {
                    List<ServiceAssignment> list = assignmentsOf(port);
                    for (int i = 0; i < list.size(); i++) {
                        ServiceAssignment a = list.get(i);
                        if (a.name().equalsIgnoreCase(target) && live(a)) {
                            List<ServiceAssignment> mine = draft(port).assignments;
                            mine.set(i, a.toBuilder().programs(e.programs()).build());
                            matched = true;
                        }
                    }
                } else {
                    List<AlternateUse> list = usesOf(port);
                    for (int i = 0; i < list.size(); i++) {
                        AlternateUse u = list.get(i);
                        if (u.name().equalsIgnoreCase(target)) {
                            draft(port).uses.set(i, u.toBuilder().programs(e.programs()).build());
                            matched = true;
                        }
                    }
                }
            }
            if (!matched) {
                throw new RegistryFormatException(e.file(), e.line(), service
                        ? "service \"" + target + "\" has no live assignment: expected a service the registry assigns"
                        : "\"" + target + "\" is no alternate use: expected the name of one, as the registry holds it");
            }
            List<Integer> named = !service && ports.size() > CHANCE_PORTS ? List.of() : ports;
            for (Program p : e.programs()) {
                if (p.commandLineMarker().isEmpty()) {
                    (service ? official : alternate).computeIfAbsent(p.name().toLowerCase(Locale.ROOT),
                            k -> new LinkedHashSet<>()).addAll(named);
                }
            }
        }
        Set<String> keys = new TreeSet<>(official.keySet());
        keys.addAll(alternate.keySet());
        for (String key : keys) {
            if (resolves(key) || ServiceNames.problem(key) != null) {
                continue;
            }
            AddedPorts names = added(key);
            names.programs.addAll(official.getOrDefault(key, new LinkedHashSet<>()));
            names.programs.addAll(alternate.getOrDefault(key, new LinkedHashSet<>()));
        }
    }

    private PortRegistry build() {
        SortedMap<Integer, PortInfo> changed = new TreeMap<>();
        for (Map.Entry<Integer, Draft> e : drafts.entrySet()) {
            int port = e.getKey();
            Draft d = e.getValue();
            d.related.remove(port);
            changed.put(port, PortInfo.of(port, d.assignments, d.uses, new ArrayList<>(d.related)));
        }
        Map<String, List<Integer>> names = new LinkedHashMap<>();
        for (String key : added.keySet()) {
            names.put(key, answer(key));
        }
        List<String> sources = new ArrayList<>(base.overlays());
        sources.add(overlay.source());
        return new PortRegistry(new LayerSource(below, changed, names, base.version()), sources, base.notices());
    }
}
