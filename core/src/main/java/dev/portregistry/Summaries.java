package dev.portregistry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds {@link PortInfo#summary()} from the fields of one record; no per-port text lives here, and
 * no fact is read back out of prose.
 *
 * <p>Malware is named with its era, from its {@link AlternateUse#firstYear()} and
 * {@link AlternateUse#lastYear()}: the era matters, because a 1999 trojan is weak evidence today and
 * a current botnet is not. Newest malware is named first, and the advice about an unexpected
 * listener depends on the port: on a port with an active assignment the service itself is the
 * expected listener and malware is weak evidence (the older, the weaker); on a port without one
 * (abandoned, historic, reserved or unassigned) a listener where malware is known deserves a close
 * look. An abandoned assignment is told from its product, vendor and year discontinued, a historic
 * one from its reason.
 */
final class Summaries {
    /** How many official assignments the summary names before it says "and N more". */
    private static final int MAX_NAMED_ASSIGNMENTS = 3;
    /** How many alternate uses of one kind the summary names before it says "and N more". */
    private static final int MAX_NAMED_USES = 4;

    private Summaries() {
    }

    private static String note(ServiceAssignment a) {
        return a.reason().orElse("");
    }

    /** What an abandoned assignment's group shares: product, vendor and year, or else its reason. */
    private static String lifecycleKey(ServiceAssignment a) {
        return a.product().orElse("") + "|" + a.vendor().orElse("") + "|" + a.discontinuedYear().orElse(0) + "|"
                + note(a);
    }

    static String describe(PortInfo info) {
        StringBuilder sb = new StringBuilder(256);
        PortRange range = info.range();
        sb.append("Port ").append(info.port()).append(" is a ").append(range.label())
                .append(" port (").append(range.first()).append('-').append(range.last()).append("). ");
        official(sb, info);
        ianaRecord(sb, info);
        local(sb, info);
        List<AlternateUse> unofficial = info.alternateUses(UseKind.UNOFFICIAL);
        List<AlternateUse> malware = info.alternateUses(UseKind.MALWARE);
        if (!unofficial.isEmpty()) {
            sb.append("In practice it is commonly used by ");
            uses(sb, unofficial, info.port());
            sb.append(". ");
        }
        malware = newestFirst(malware);
        if (!malware.isEmpty()) {
            sb.append("Malware known to use or target it: ");
            uses(sb, malware, info.port());
            sb.append(". ");
        }
        if (!info.relatedPorts().isEmpty()) {
            sb.append("Related ports: ");
            join(sb, info.relatedPorts());
            sb.append(". ");
        }
        advice(sb, info, !unofficial.isEmpty(), malware);
        return sb.toString();
    }

    private static void official(StringBuilder sb, PortInfo info) {
        List<ServiceAssignment> named = info.assignments().stream()
                .filter(a -> a.status().isAssignment() && !a.name().isEmpty() && !a.isLocal()).toList();
        if (named.isEmpty()) {
            switch (PortInfo.builder(info.port()).assignments(info.assignments().stream().filter(a -> !a.isLocal()).toList()).build().status()) {
                case RESERVED -> sb.append("IANA has reserved it and assigns it to no service. ");
                case DEREGISTERED -> sb.append("Its former IANA assignment was de-registered. ");
                default -> sb.append(info.range() == PortRange.DYNAMIC
                        ? "IANA assigns no service in this range; systems use it for ephemeral ports and private services. "
                        : "IANA has not assigned it to any service. ");
            }
            return;
        }
        List<List<ServiceAssignment>> groups = groupAliases(named);
        sb.append("IANA assigns it to ");
        int shown = Math.min(groups.size(), MAX_NAMED_ASSIGNMENTS);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(i == shown - 1 && shown == groups.size() ? " and " : ", ");
            }
            List<ServiceAssignment> group = groups.get(i);
            for (int j = 0; j < group.size(); j++) {
                sb.append(j == 0 ? "" : j == group.size() - 1 ? " or " : ", ").append(group.get(j).name());
            }
            ServiceAssignment a = group.get(0);
            if (!a.description().isEmpty() && !a.description().equalsIgnoreCase(a.name())) {
                sb.append(" (").append(a.description()).append(')');
            }
            sb.append(" over ").append(Transports.describe(a.transports()));
        }
        if (groups.size() > shown) {
            sb.append(" and ").append(groups.size() - shown).append(" more");
        }
        sb.append(". ");
        for (List<ServiceAssignment> group : sameNote(named)) {
            statusSentence(sb, group);
        }
        for (ServiceAssignment a : info.assignments()) {
            if (a.status() == LifecycleStatus.DEREGISTERED && a.name().isEmpty()) {
                sb.append("A former assignment over ").append(Transports.describe(a.transports()))
                        .append(" was de-registered. ");
            }
        }
    }

    /** IANA's notes longer than this stay in the field (DNS-SD TXT key lists run to pages); the summary names shorter ones. */
    private static final int MAX_NOTE_IN_SUMMARY = 160;

    /**
     * What IANA's record adds, from its fields: when a named service was registered and the RFCs
     * that define it (for the services the summary names), a report of unauthorized use, and
     * IANA's short notes (such as "use 993 instead").
     */
    private static void ianaRecord(StringBuilder sb, PortInfo info) {
        List<ServiceAssignment> iana = info.assignments().stream().filter(a -> !a.isLocal()).toList();
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (ServiceAssignment a : iana) {
            if (!a.name().isEmpty() && names.size() < MAX_NAMED_ASSIGNMENTS) {
                names.add(a.name());
            }
        }
        for (String name : names) {
            RegistryDate registered = null;
            java.util.LinkedHashSet<String> rfcs = new java.util.LinkedHashSet<>();
            for (ServiceAssignment a : iana) {
                if (!a.name().equals(name)) {
                    continue;
                }
                RegistryDate d = a.registrationDate().orElse(null);
                if (d != null && (registered == null || d.compareTo(registered) < 0)) {
                    registered = d;
                }
                for (String r : a.references()) {
                    if (r.startsWith("RFC ")) {
                        rfcs.add(r);
                    }
                }
            }
            if (registered == null && rfcs.isEmpty()) {
                continue;
            }
            sb.append(name);
            if (registered != null) {
                sb.append(" was registered ").append(registered);
            }
            if (!rfcs.isEmpty()) {
                sb.append(registered != null ? " and is defined in " : " is defined in ");
                int i = 0;
                for (String r : rfcs) {
                    sb.append(i == 0 ? "" : i == rfcs.size() - 1 ? " and " : ", ").append(r);
                    i++;
                }
            }
            sb.append(". ");
        }
        java.util.LinkedHashSet<String> reports = new java.util.LinkedHashSet<>();
        java.util.LinkedHashSet<String> notes = new java.util.LinkedHashSet<>();
        for (ServiceAssignment a : iana) {
            a.unauthorizedUseReported().ifPresent(reports::add);
            a.assignmentNotes().filter(n -> n.length() <= MAX_NOTE_IN_SUMMARY).ifPresent(notes::add);
        }
        for (String r : reports) {
            sb.append("IANA has a report of unauthorized use: ").append(stripPeriod(r)).append(". ");
        }
        for (String n : notes) {
            sb.append("IANA notes: ").append(stripPeriod(n)).append(". ");
        }
    }

    /** Assignments layered on by the user: said apart, so that they are never taken for IANA's. */
    private static void local(StringBuilder sb, PortInfo info) {
        List<ServiceAssignment> local = info.assignments().stream().filter(ServiceAssignment::isLocal).toList();
        if (local.isEmpty()) {
            return;
        }
        sb.append("Locally it is assigned to ");
        for (int i = 0; i < local.size(); i++) {
            if (i > 0) {
                sb.append(i == local.size() - 1 ? " and " : ", ");
            }
            ServiceAssignment a = local.get(i);
            sb.append(a.name());
            if (!a.description().isEmpty() && !a.description().equalsIgnoreCase(a.name())) {
                sb.append(" (").append(a.description()).append(')');
            }
            sb.append(" over ").append(Transports.describe(a.transports()));
        }
        sb.append(". ");
        for (ServiceAssignment a : local) {
            if (a.status() != LifecycleStatus.ACTIVE) {
                String note = note(a).strip();
                sb.append("Your assignment of ").append(a.name()).append(" is ")
                        .append(a.status().name().toLowerCase(java.util.Locale.ROOT))
                        .append(note.isEmpty() ? "" : ": " + note).append(note.endsWith(".") ? " " : ". ");
            }
        }
    }

    /** Whether anything is known of the assignment's end: product, vendor, year or reason. */
    private static boolean hasLifecycleFacts(ServiceAssignment a) {
        return a.product().isPresent() || a.vendor().isPresent() || a.discontinuedYear().isPresent()
                || !note(a).isEmpty();
    }

    /** Groups names that IANA lists as one service: same description, transports and status. */
    private static List<List<ServiceAssignment>> groupAliases(List<ServiceAssignment> named) {
        List<List<ServiceAssignment>> groups = new ArrayList<>();
        outer:
        for (ServiceAssignment a : named) {
            for (List<ServiceAssignment> g : groups) {
                ServiceAssignment first = g.get(0);
                if (!a.description().isEmpty() && first.description().equals(a.description())
                        && first.transports().equals(a.transports()) && first.status() == a.status()) {
                    g.add(a);
                    continue outer;
                }
            }
            List<ServiceAssignment> g = new ArrayList<>();
            g.add(a);
            groups.add(g);
        }
        return groups;
    }

    /**
     * Groups the assignments whose status needs a sentence (abandoned, historic) and that share a
     * non-empty note, so that one product or protocol behind several names is told once.
     */
    private static List<List<ServiceAssignment>> sameNote(List<ServiceAssignment> named) {
        List<List<ServiceAssignment>> groups = new ArrayList<>();
        outer:
        for (ServiceAssignment a : named) {
            boolean groupable = hasLifecycleFacts(a)
                    && (a.status() == LifecycleStatus.ABANDONED || a.status() == LifecycleStatus.HISTORIC);
            if (groupable) {
                for (List<ServiceAssignment> g : groups) {
                    ServiceAssignment first = g.get(0);
                    if (first.status() == a.status() && lifecycleKey(first).equals(lifecycleKey(a))) {
                        g.add(a);
                        continue outer;
                    }
                }
            }
            List<ServiceAssignment> g = new ArrayList<>();
            g.add(a);
            groups.add(g);
        }
        return groups;
    }

    /** One sentence about assignments of one status that share a note; names them all. */
    private static void statusSentence(StringBuilder sb, List<ServiceAssignment> group) {
        ServiceAssignment a = group.get(0);
        boolean several = group.size() > 1;
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < group.size(); i++) {
            names.append(i == 0 ? "" : i == group.size() - 1 ? " and " : ", ").append(group.get(i).name());
        }
        switch (a.status()) {
            case ABANDONED -> {
                if (a.product().isPresent()) {
                    sb.append(a.product().get());
                    a.vendor().ifPresent(v -> sb.append(" (").append(v).append(')'));
                    sb.append(" was discontinued");
                } else {
                    sb.append("The product behind ").append(names).append(" has been discontinued");
                }
                a.discontinuedYear().ifPresent(y -> sb.append(" in ").append(y));
                sb.append(several ? ", so the assignments of " : ", so the assignment of ").append(names)
                        .append(several ? " are abandoned. " : " is abandoned. ");
                if (!note(a).isEmpty()) {
                    sb.append(sentence(note(a))).append(' ');
                }
            }
            case HISTORIC -> {
                sb.append(several ? "The protocols behind " : "The protocol behind ").append(names)
                        .append(several ? " are historic" : " is historic");
                sb.append(note(a).isEmpty() ? ". " : ": " + sentence(note(a)) + " ");
            }
            case DEREGISTERED -> sb.append("The assignment of ").append(names).append(" was de-registered. ");
            default -> {
                // ACTIVE: nothing to add
            }
        }
    }

    private static void uses(StringBuilder sb, List<AlternateUse> uses, int port) {
        int shown = Math.min(uses.size(), MAX_NAMED_USES);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(i == shown - 1 && shown == uses.size() ? " and " : ", ");
            }
            AlternateUse u = uses.get(i);
            sb.append(u.name());
            String clause = u.kind() == UseKind.MALWARE ? seen(u) : "";
            if (!clause.isEmpty()) {
                sb.append(" (").append(clause).append(')');
            } else if (u.officialPort().isPresent() && u.officialPort().getAsInt() != port) {
                sb.append(" (an alternative to its default port ").append(u.officialPort().getAsInt()).append(')');
            }
        }
        if (uses.size() > shown) {
            sb.append(" and ").append(uses.size() - shown).append(" more");
        }
    }

    private static void advice(StringBuilder sb, PortInfo info, boolean unofficial, List<AlternateUse> malware) {
        boolean active = info.status() == LifecycleStatus.ACTIVE;
        if (active) {
            sb.append("A listener here is expected if you run the assigned service");
            sb.append(unofficial ? " or one of the programs above" : "");
            if (malware.isEmpty()) {
                sb.append('.');
                return;
            }
            sb.append("; the malware listed").append(era(malware))
                    .append(" is weak evidence on its own on an active service port, the more so the older it is, "
                            + "but confirm that any listener is one you configured.");
            return;
        }
        if (!malware.isEmpty()) {
            sb.append("No active service is assigned here and malware").append(era(malware))
                    .append(" is known to use the port: treat an unexpected listener as suspicious and investigate it "
                            + "closely.");
            return;
        }
        if (info.range() == PortRange.DYNAMIC && info.status() == LifecycleStatus.UNASSIGNED && !unofficial) {
            sb.append("Short-lived client connections here are normal; a long-running listener you did not "
                    + "configure deserves a look.");
            return;
        }
        sb.append("If you did not configure a service on it, investigate an unexpected listener.");
    }

    /** "seen from 1998", "seen 1988-2017", or empty when the use has no era. */
    private static String seen(AlternateUse u) {
        if (u.firstYear().isEmpty()) {
            return u.lastYear().isPresent() ? "seen until " + u.lastYear().getAsInt() : "";
        }
        int first = u.firstYear().getAsInt();
        if (u.lastYear().isEmpty()) {
            return "seen from " + first;
        }
        int last = u.lastYear().getAsInt();
        return last == first ? "seen in " + first : "seen " + first + "-" + last;
    }

    /** Malware sorted newest first by the year it was first seen; undated last, otherwise stable. */
    private static List<AlternateUse> newestFirst(List<AlternateUse> malware) {
        List<AlternateUse> sorted = new ArrayList<>(malware);
        sorted.sort(Comparator.comparingInt((AlternateUse u) -> u.firstYear().isPresent()
                ? -u.firstYear().getAsInt() : Integer.MAX_VALUE));
        return sorted;
    }

    /** " (from 1998)" or " (from 1988 to 2017)" for the dated malware; empty if none is dated. */
    private static String era(List<AlternateUse> malware) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (AlternateUse u : malware) {
            if (u.firstYear().isPresent()) {
                min = Math.min(min, u.firstYear().getAsInt());
                max = Math.max(max, u.firstYear().getAsInt());
            }
        }
        if (min == Integer.MAX_VALUE) {
            return "";
        }
        return " (from " + min + (min == max ? "" : " to " + max) + ")";
    }

    private static void join(StringBuilder sb, List<Integer> ports) {
        for (int i = 0; i < ports.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(ports.get(i));
        }
    }

    private static String stripPeriod(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String sentence(String s) {
        return s.endsWith(".") ? s : s + ".";
    }
}
