package dev.portregistry;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies an {@link Overlay} to a registry, giving a new one; the rules are documented on
 * {@link Overlay}. Copies the port table and rebuilds only what the overlay touches; the base
 * registry is never written to.
 */
final class OverlayApplier {
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

    private final PortRegistry base;
    private final Overlay overlay;
    private final Map<Integer, Draft> drafts = new TreeMap<>();
    /** Lower-case name to the ports the overlay adds to it, in order. */
    private final Map<String, LinkedHashSet<Integer>> addedNames = new LinkedHashMap<>();

    private OverlayApplier(PortRegistry base, Overlay overlay) {
        this.base = base;
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
                addName(e.name(), port);
            }
        }
        for (Overlay.AliasEntry e : overlay.aliases()) {
            LinkedHashSet<Integer> ports = new LinkedHashSet<>();
            for (PortInfo p : base.findService(e.service())) {
                ports.add(p.port());
            }
            ports.addAll(addedNames.getOrDefault(e.service().toLowerCase(Locale.ROOT), new LinkedHashSet<>()));
            if (ports.isEmpty()) {
                throw new RegistryFormatException(overlay.source(), e.line(), "name \"" + e.name() + "\" stands for service \""
                        + e.service() + "\", which resolves to no port: expected a service name the registry knows");
            }
            for (int port : ports) {
                addName(e.name(), port);
            }
        }
        return build();
    }

    private Draft draft(int port) {
        return drafts.computeIfAbsent(port, p -> new Draft(base.get(p)));
    }

    private void addName(String name, int port) {
        addedNames.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>()).add(port);
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
        addName(local.name(), e.port());
        for (String alias : e.aliases()) {
            addName(alias, e.port());
        }
    }

    private void lifecycle(Overlay.LifecycleEntry e) {
        Draft d = draft(e.port());
        boolean found = false;
        List<String> present = new ArrayList<>();
        for (int i = 0; i < d.assignments.size(); i++) {
            ServiceAssignment a = d.assignments.get(i);
            if (!a.name().isEmpty()) {
                present.add(a.name());
            }
            if (a.name().equalsIgnoreCase(e.service())) {
                found = true;
                d.assignments.set(i, e.lifecycle().applyTo(a));
            }
        }
        if (!found) {
            throw new RegistryFormatException(overlay.source(), e.line(), "port " + e.port() + " has no assignment named \""
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
        addName(use.name(), e.port());
    }

    private PortRegistry build() {
        PortInfo[] ports = base.portTable().clone();
        for (Map.Entry<Integer, Draft> e : drafts.entrySet()) {
            int port = e.getKey();
            Draft d = e.getValue();
            d.related.remove(port);
            ports[port] = PortInfo.of(port, d.assignments, d.uses, new ArrayList<>(d.related));
        }
        Map<String, List<PortInfo>> baseNames = base.nameTable();
        Map<String, List<PortInfo>> names = new HashMap<>((baseNames.size() + addedNames.size()) * 2);
        for (Map.Entry<String, List<PortInfo>> e : baseNames.entrySet()) {
            List<PortInfo> list = e.getValue();
            boolean touched = false;
            for (PortInfo p : list) {
                touched |= drafts.containsKey(p.port());
            }
            names.put(e.getKey(), touched ? remap(list, ports) : list);
        }
        for (Map.Entry<String, LinkedHashSet<Integer>> e : addedNames.entrySet()) {
            List<PortInfo> old = names.getOrDefault(e.getKey(), List.of());
            LinkedHashSet<Integer> order = new LinkedHashSet<>();
            for (PortInfo p : old) {
                order.add(p.port());
            }
            order.addAll(e.getValue());
            List<PortInfo> list = new ArrayList<>(order.size());
            for (int port : order) {
                list.add(ports[port]);
            }
            names.put(e.getKey(), List.copyOf(list));
        }
        List<String> sources = new ArrayList<>(base.overlays());
        sources.add(overlay.source());
        return new PortRegistry(base.version(), ports, names, sources, base.notices());
    }

    private static List<PortInfo> remap(List<PortInfo> list, PortInfo[] ports) {
        List<PortInfo> out = new ArrayList<>(list.size());
        for (PortInfo p : list) {
            out.add(ports[p.port()]);
        }
        return List.copyOf(out);
    }
}
