package dev.portregistry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the registry of {@link PortRegistry#withIanaCsv}: IANA's CSV as the official layer, with
 * the curated layers of the base registry re-applied. Package-private; see that method for the rules.
 */
final class IanaCsvApplier {
    private IanaCsvApplier() {
    }

    static PortRegistry apply(PortRegistry base, IanaCsv csv) {
        RegistryDate newest = csv.newestDate().orElseThrow(() -> new RegistryFormatException(csv.source(), 0,
                "no record has a registration or modification date: expected IANA's CSV, whose newest date says how new it is"));
        PortInfo[] old = base.portTable();
        Map<String, List<PortInfo>> oldNames = base.nameTable();
        List<String> notices = new ArrayList<>();
        PortInfo[] ports = new PortInfo[old.length];
        for (int port = 0; port < old.length; port++) {
            PortInfo before = old[port];
            List<ServiceAssignment> fresh = csv.assignments(port);
            if (fresh.isEmpty() && before.assignments().isEmpty()) {
                ports[port] = before;
                continue;
            }
            List<ServiceAssignment> out = new ArrayList<>(fresh.size() + 1);
            for (ServiceAssignment a : fresh) {
                out.add(reattach(port, a, before, csv.source(), notices));
            }
            for (ServiceAssignment b : before.assignments()) {
                if (b.isLocal()) {
                    out.add(b); // the user's own layer stays as it was
                } else if (!b.name().isEmpty() && fresh.stream().noneMatch(a -> a.name().equals(b.name()))) {
                    if (curatedLifecycle(b)) {
                        notices.add("Port " + port + ": the curated " + b.status() + " entry for " + b.name()
                                + " is not applied: " + csv.source() + " no longer assigns " + b.name() + " on that port.");
                    } else if (!b.programs().isEmpty()) {
                        notices.add("Port " + port + ": the programs known to serve " + b.name() + " are not applied: "
                                + csv.source() + " no longer assigns " + b.name() + " on that port.");
                    }
                }
            }
            ports[port] = before.toBuilder().assignments(out).build();
        }
        Map<String, List<PortInfo>> names = names(ports, oldNames, old);
        DataVersion version = DataVersion.of("IANA Service Name and Transport Protocol Port Number Registry, read from "
                        + csv.source() + " (newest record " + newest + ")",
                date(newest), base.version().curatedRevision());
        return new PortRegistry(version, ports, names, base.overlays(), notices);
    }

    /** Curated lifecycle: ABANDONED, or HISTORIC for a reason of our own rather than IANA's word "historic". */
    static boolean curatedLifecycle(ServiceAssignment a) {
        return !a.isLocal() && (a.status() == LifecycleStatus.ABANDONED || (a.status() == LifecycleStatus.HISTORIC
                && !a.reason().orElse("").equals(IanaCsv.HISTORIC_REASON)));
    }

    /** The new assignment with the curated lifecycle and programs of the old one of the same name on the same port. */
    private static ServiceAssignment reattach(int port, ServiceAssignment a, PortInfo before, String source,
                                             List<String> notices) {
        if (a.name().isEmpty()) {
            return a;
        }
        ServiceAssignment.Builder b = null;
        for (ServiceAssignment o : before.assignments()) {
            if (o.isLocal() || !o.name().equals(a.name())) {
                continue;
            }
            if (curatedLifecycle(o)) {
                if (a.status() == LifecycleStatus.ACTIVE || a.status() == LifecycleStatus.HISTORIC) {
                    b = b != null ? b : a.toBuilder();
                    b.status(o.status()).reason(o.reason().orElse("")).basis(o.basis().orElse(""))
                            .product(o.product().orElse("")).vendor(o.vendor().orElse(""))
                            .discontinuedYear(o.discontinuedYear().orElse(0));
                } else {
                    notices.add("Port " + port + ": the curated " + o.status() + " entry for " + a.name()
                            + " is not applied: " + source + " lists it as " + a.status() + ".");
                }
            }
            if (!o.programs().isEmpty()) {
                b = b != null ? b : a.toBuilder();
                b.programs(o.programs());
            }
        }
        return b == null ? a : b.build();
    }

    /**
     * IANA's names from the new data; every other name of the base registry (alternate uses,
     * curated common names) keeps its ports, now answered with the new records.
     */
    private static Map<String, List<PortInfo>> names(PortInfo[] ports, Map<String, List<PortInfo>> oldNames,
                                                     PortInfo[] old) {
        Set<String> oldOfficial = new HashSet<>();
        for (PortInfo p : old) {
            for (ServiceAssignment a : p.assignments()) {
                if (!a.name().isEmpty() && !a.isLocal()) {
                    oldOfficial.add(a.name().toLowerCase(Locale.ROOT));
                }
            }
        }
        Map<String, TreeSet<Integer>> official = new HashMap<>();
        for (PortInfo p : ports) {
            for (ServiceAssignment a : p.assignments()) {
                if (!a.name().isEmpty()) {
                    official.computeIfAbsent(a.name().toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(p.port());
                }
            }
        }
        Map<String, List<PortInfo>> out = new HashMap<>(oldNames.size() * 2);
        for (Map.Entry<String, List<PortInfo>> e : oldNames.entrySet()) {
            String key = e.getKey();
            LinkedHashSet<Integer> list = new LinkedHashSet<>();
            TreeSet<Integer> now = official.get(key);
            if (now != null) {
                list.addAll(now);
            }
            for (PortInfo p : e.getValue()) {
                // an IANA name keeps only the ports where it is not IANA's assignment any more for other reasons
                // (own ports of a program, alternate uses); a port IANA no longer assigns it on is dropped
                if (!oldOfficial.contains(key) || !assigns(p, key)) {
                    list.add(p.port());
                }
            }
            if (!list.isEmpty()) {
                out.put(key, toInfos(list, ports));
            }
        }
        for (Map.Entry<String, TreeSet<Integer>> e : official.entrySet()) {
            out.putIfAbsent(e.getKey(), toInfos(e.getValue(), ports));
        }
        return out;
    }

    private static boolean assigns(PortInfo p, String key) {
        for (ServiceAssignment a : p.assignments()) {
            if (!a.isLocal() && a.name().toLowerCase(Locale.ROOT).equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static List<PortInfo> toInfos(Set<Integer> portNumbers, PortInfo[] ports) {
        List<PortInfo> out = new ArrayList<>(portNumbers.size());
        for (int port : portNumbers) {
            out.add(ports[port]);
        }
        return List.copyOf(out);
    }

    /** A registry date as a day: a date with month precision counts as the first of its month. */
    static LocalDate date(RegistryDate d) {
        return d.date().orElse(d.yearMonth().atDay(1));
    }
}
