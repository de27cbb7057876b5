package dev.portregistry;

import java.util.ArrayList;
import java.util.List;

/** Builds {@link PortInfo#summary()} from the facts of one record; no per-port text lives here. */
final class Summaries {
    /** How many official assignments the summary names before it says "and N more". */
    private static final int MAX_NAMED_ASSIGNMENTS = 3;
    /** How many alternate uses of one kind the summary names before it says "and N more". */
    private static final int MAX_NAMED_USES = 4;

    private Summaries() {
    }

    static String describe(PortInfo info) {
        StringBuilder sb = new StringBuilder(256);
        PortRange range = info.range();
        sb.append("Port ").append(info.port()).append(" is a ").append(range.label())
                .append(" port (").append(range.first()).append('-').append(range.last()).append("). ");
        official(sb, info);
        local(sb, info);
        List<AlternateUse> unofficial = info.alternateUses(UseKind.UNOFFICIAL);
        List<AlternateUse> malware = info.alternateUses(UseKind.MALWARE);
        if (!unofficial.isEmpty()) {
            sb.append("In practice it is commonly used by ");
            uses(sb, unofficial, info.port());
            sb.append(". ");
        }
        if (!malware.isEmpty()) {
            sb.append("Malware known to use it: ");
            uses(sb, malware, info.port());
            sb.append(". ");
        }
        if (!info.relatedPorts().isEmpty()) {
            sb.append("Related ports: ");
            join(sb, info.relatedPorts());
            sb.append(". ");
        }
        advice(sb, info, !unofficial.isEmpty(), !malware.isEmpty());
        return sb.toString();
    }

    private static void official(StringBuilder sb, PortInfo info) {
        List<ServiceAssignment> named = info.assignments().stream()
                .filter(a -> a.status().isAssignment() && !a.name().isEmpty() && !a.isLocal()).toList();
        if (named.isEmpty()) {
            switch (PortInfo.statusOf(info.assignments().stream().filter(a -> !a.isLocal()).toList())) {
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
        for (ServiceAssignment a : named) {
            statusSentence(sb, a);
        }
        for (ServiceAssignment a : info.assignments()) {
            if (a.status() == LifecycleStatus.DEREGISTERED && a.name().isEmpty()) {
                sb.append("A former assignment over ").append(Transports.describe(a.transports()))
                        .append(" was de-registered. ");
            }
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
                String note = a.note().strip();
                sb.append("Your assignment of ").append(a.name()).append(" is ")
                        .append(a.status().name().toLowerCase(java.util.Locale.ROOT))
                        .append(note.isEmpty() ? "" : ": " + note).append(note.endsWith(".") ? " " : ". ");
            }
        }
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

    private static void statusSentence(StringBuilder sb, ServiceAssignment a) {
        switch (a.status()) {
            case ABANDONED -> {
                if (a.note().isEmpty()) {
                    sb.append("The product behind ").append(a.name()).append(" has been discontinued");
                } else {
                    sb.append(stripPeriod(a.note()));
                }
                sb.append(", so the assignment of ").append(a.name()).append(" is abandoned. ");
            }
            case HISTORIC -> {
                sb.append("The protocol behind ").append(a.name()).append(" is historic");
                sb.append(a.note().isEmpty() ? ". " : ": " + sentence(a.note()) + " ");
            }
            case DEREGISTERED -> sb.append("The assignment of ").append(a.name()).append(" was de-registered. ");
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
            if (u.officialPort().isPresent() && u.officialPort().getAsInt() != port) {
                sb.append(" (an alternative to its default port ").append(u.officialPort().getAsInt()).append(')');
            }
        }
        if (uses.size() > shown) {
            sb.append(" and ").append(uses.size() - shown).append(" more");
        }
    }

    private static void advice(StringBuilder sb, PortInfo info, boolean unofficial, boolean malware) {
        if (info.status() == LifecycleStatus.ACTIVE && !malware) {
            sb.append("A listener here is expected if you run the assigned service");
            sb.append(unofficial ? " or one of the programs above." : ".");
            return;
        }
        if (malware) {
            sb.append("Malware is known to use this port: if you did not configure a service on it, "
                    + "treat an unexpected listener as suspicious and investigate.");
            return;
        }
        if (info.range() == PortRange.DYNAMIC && info.status() == LifecycleStatus.UNASSIGNED && !unofficial) {
            sb.append("Short-lived client connections here are normal; a long-running listener you did not "
                    + "configure deserves a look.");
            return;
        }
        sb.append("If you did not configure a service on it, investigate an unexpected listener.");
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
