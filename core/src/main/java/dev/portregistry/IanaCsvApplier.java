package dev.portregistry;

import dev.portregistry.internal.LayerSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
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
        // one sentence per entry that does not fit, even where it would apply to several assignments
        Set<String> notices = new LinkedHashSet<>();
        // the ports with data in the base registry or in the file: only their records can change
        TreeSet<Integer> candidates = new TreeSet<>(csv.assignmentsByPort().keySet());
        for (int port : base.source().dataPorts()) {
            candidates.add(port);
        }
        Map<Integer, PortInfo> old = new HashMap<>();
        SortedMap<Integer, PortInfo> changed = new TreeMap<>();
        for (int port : candidates) {
            PortInfo before = base.get(port);
            old.put(port, before);
            List<ServiceAssignment> fresh = csv.assignments(port);
            if (fresh.isEmpty() && before.assignments().isEmpty()) {
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
            PortInfo after = before.toBuilder().assignments(out).build();
            if (!after.equals(before)) {
                changed.put(port, after);
            }
        }
        Map<String, List<Integer>> names = names(base, old, changed);
        DataVersion version = DataVersion.of("IANA Service Name and Transport Protocol Port Number Registry, read from "
                        + csv.source() + " (newest record " + newest + ")",
                date(newest), base.version().curatedRevision());
        return new PortRegistry(new LayerSource(base.source(), changed, names, version), base.overlays(),
                List.copyOf(notices));
    }

    /** Curated lifecycle: ABANDONED, or HISTORIC for a reason of our own rather than IANA's word "historic". */
    static boolean curatedLifecycle(ServiceAssignment a) {
        return !a.isLocal() && (a.status() == LifecycleStatus.ABANDONED || (a.status() == LifecycleStatus.HISTORIC
                && !a.reason().orElse("").equals(IanaCsv.HISTORIC_REASON)));
    }

    /** The new assignment with the curated lifecycle and programs of the old one of the same name on the same port. */
    private static ServiceAssignment reattach(int port, ServiceAssignment a, PortInfo before, String source,
                                             Set<String> notices) {
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
     * The names whose answer changes: IANA's names from the new data; every other name of the base
     * registry (alternate uses, curated common names) keeps its ports. A name left with no port is
     * removed (an empty list).
     */
    private static Map<String, List<Integer>> names(PortRegistry base, Map<Integer, PortInfo> old,
                                                    SortedMap<Integer, PortInfo> changed) {
        Set<String> oldOfficial = new HashSet<>();
        Map<String, TreeSet<Integer>> official = new HashMap<>();
        for (Map.Entry<Integer, PortInfo> e : old.entrySet()) {
            for (ServiceAssignment a : e.getValue().assignments()) {
                if (!a.name().isEmpty() && !a.isLocal()) {
                    oldOfficial.add(a.name().toLowerCase(Locale.ROOT));
                }
            }
            PortInfo now = changed.getOrDefault(e.getKey(), e.getValue());
            for (ServiceAssignment a : now.assignments()) {
                if (!a.name().isEmpty()) {
                    official.computeIfAbsent(a.name().toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(now.port());
                }
            }
        }
        Map<String, List<Integer>> out = new HashMap<>();
        for (String key : base.serviceNames()) {
            List<Integer> before = new ArrayList<>();
            LinkedHashSet<Integer> list = new LinkedHashSet<>();
            TreeSet<Integer> now = official.get(key);
            if (now != null) {
                list.addAll(now);
            }
            for (PortInfo p : base.findService(key)) {
                before.add(p.port());
                // an IANA name keeps only the ports where it is not IANA's assignment any more for other reasons
                // (own ports of a program, alternate uses); a port IANA no longer assigns it on is dropped
                if (!oldOfficial.contains(key) || !assigns(p, key)) {
                    list.add(p.port());
                }
            }
            if (!before.equals(new ArrayList<>(list))) {
                out.put(key, new ArrayList<>(list));
            }
        }
        for (Map.Entry<String, TreeSet<Integer>> e : official.entrySet()) {
            if (!base.serviceNames().contains(e.getKey())) {
                out.put(e.getKey(), new ArrayList<>(e.getValue()));
            }
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

    /** A registry date as a day: a date with month precision counts as the first of its month. */
    static LocalDate date(RegistryDate d) {
        return d.date().orElse(d.yearMonth().atDay(1));
    }
}
