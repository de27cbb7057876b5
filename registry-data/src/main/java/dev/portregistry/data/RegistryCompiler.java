package dev.portregistry.data;

import dev.portregistry.AlternateUse;
import dev.portregistry.DataVersion;
import dev.portregistry.IanaCsv;
import dev.portregistry.RegistryFormatException;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.Program;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import dev.portregistry.internal.TableCodec;
import dev.portregistry.internal.ServiceNames;
import dev.portregistry.internal.TableData;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles the reviewable sources of a data directory into the port table that core serves.
 *
 * <p>The data directory holds the official records in {@code iana/*.tsv}
 * ({@link NormalizedTsv}, read in file-name order) and the curated knowledge in {@code curated/}
 * ({@link CuratedData}). The data version is a properties file ({@code official.source},
 * {@code official.date}, {@code curated.revision}): for the bundled table core's
 * {@code core/src/data/version.properties}, elsewhere (fixtures) {@code version.properties} in the
 * data directory.
 *
 * <p>How official records become assignments: a record with no service name and a description
 * starting "Unassigned" (or any other text not listed here) marks an unassigned port and is
 * counted, not kept; no name and "Reserved" or "any private ..." is RESERVED; a description saying
 * "De-registered" is DEREGISTERED; a description saying "historic" is HISTORIC; everything else is
 * ACTIVE. Records of one port with the same name, description and status are merged into one
 * assignment over all their transports. The curated lifecycle entries then mark assignments
 * ABANDONED or HISTORIC.
 *
 * <p>Names: every IANA service name resolves to its ports, and every alternate use's name to the
 * ports IANA assigns under that name, then the software's own IANA ports ({@code officialPort}),
 * then the ports where it is an alternate use; curated common names resolve like the service they
 * name, or to their own ports.
 *
 * <p>Strict: a duplicate record, a curated entry about a port or service that is not there, or a
 * name that resolves twice fails the compile with file and line. Same sources, same bytes.
 */
public final class RegistryCompiler {
    private static final Pattern DEREGISTERED = Pattern.compile("(?i)\\bde-?registered\\b");
    private static final Pattern HISTORIC = Pattern.compile("(?i)\\bhistoric\\b");
    private static final Pattern RESERVED = Pattern.compile("(?i)(\\breserved\\b|^any private\\b)");

    /**
     * What a compile yields.
     *
     * @param table  the table content
     * @param report the counts per category, for the build log and README
     */
    public record Result(TableData table, Report report) {
        /** Returns the table's bytes, as written by the one codec. */
        public byte[] bytes() {
            return TableCodec.toBytes(table);
        }
    }

    /** Counts of what went into a table; printed by the compiler, written into README. */
    public static final class Report {
        final Map<String, Integer> counts = new LinkedHashMap<>();
        final List<String> disagreements = new ArrayList<>();

        void add(String key, int n) {
            counts.merge(key, n, Integer::sum);
        }

        /**
         * Returns the counts, in a stable order.
         *
         * @return category name to count, never null
         */
        public Map<String, Integer> counts() {
            return java.util.Collections.unmodifiableMap(counts);
        }

        /**
         * Returns every port and transport where the official sources disagree, one line each,
         * saying what each source states and which was kept.
         *
         * @return the lines, in port order, never null
         */
        public List<String> disagreements() {
            return java.util.Collections.unmodifiableList(disagreements);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            counts.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%-46s %7d%n", k, v)));
            if (!disagreements.isEmpty()) {
                sb.append("official sources disagree on ").append(disagreements.size()).append(" keys:\n");
                disagreements.forEach(d -> sb.append("  ").append(d).append('\n'));
            }
            return sb.toString();
        }
    }

    private RegistryCompiler() {
    }

    /**
     * Compiles a data directory that holds its own {@code version.properties}.
     *
     * @param dataDir the directory, not null
     * @return the table and the report, never null
     * @throws SourceException naming file and line of the first bad entry
     */
    public static Result compile(Path dataDir) {
        return compile(dataDir, dataDir.resolve("version.properties"));
    }

    /**
     * Compiles a data directory with the data version read from a properties file.
     *
     * @param dataDir     the directory, not null
     * @param versionFile the data version ({@code official.source}, {@code official.date},
     *                    {@code curated.revision}), not null
     * @return the table and the report, never null
     * @throws SourceException naming file and line of the first bad entry
     */
    public static Result compile(Path dataDir, Path versionFile) {
        DataVersion version = readVersion(versionFile);
        List<OfficialRecord> official = new ArrayList<>();
        Path iana = dataDir.resolve("iana");
        List<Path> csvFiles;
        try (Stream<Path> files = Files.list(iana)) {
            List<Path> all = files.sorted().toList();
            for (Path f : all) {
                if (f.getFileName().toString().endsWith(".tsv")) {
                    official.addAll(NormalizedTsv.read(f));
                }
            }
            csvFiles = all.stream().filter(f -> f.getFileName().toString().endsWith(".csv")).toList();
        } catch (IOException e) {
            throw new SourceException(iana.toString(), 0, "cannot list the official sources: " + e);
        }
        if (csvFiles.size() > 1) {
            throw new SourceException(iana.toString(), 0, "found " + csvFiles.size()
                    + " IANA CSV files: expected at most one (service-names-port-numbers.csv)");
        }
        if (csvFiles.isEmpty()) {
            if (official.isEmpty()) {
                throw new SourceException(iana.toString(), 0, "no official records: expected *.tsv or a *.csv file");
            }
            return compile(version, official, CuratedData.read(dataDir.resolve("curated")));
        }
        return compileWithCsv(version, versionFile, csvFiles.get(0), official, CuratedData.read(dataDir.resolve("curated")));
    }

    /**
     * IANA's CSV merged with the snapshot in the *.tsv files ({@link OfficialMerge}): the
     * snapshot's date is {@code official.snapshot.date} in version.properties, the CSV's its
     * newest date, and {@code official.date} must be the newer of the two.
     */
    private static Result compileWithCsv(DataVersion version, Path versionFile, Path csvFile,
                                         List<OfficialRecord> snapshot, CuratedData curated) {
        IanaCsv csv;
        try {
            csv = IanaCsv.read(csvFile);
        } catch (IOException e) {
            throw new SourceException(csvFile.toString(), 0, "cannot read: " + e);
        } catch (RegistryFormatException e) {
            throw new SourceException(e.source(), e.line(), e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        }
        LocalDate csvDate = csv.newestDate().map(d -> d.date().orElse(d.yearMonth().atEndOfMonth()))
                .orElseThrow(() -> new SourceException(csvFile.toString(), 0, "no record has a date: expected IANA's CSV"));
        LocalDate snapshotDate = csvDate;
        if (!snapshot.isEmpty()) {
            String text = readProperties(versionFile).getProperty("official.snapshot.date", "").trim();
            try {
                snapshotDate = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new SourceException(versionFile.toString(), 0, "official.snapshot.date \"" + text
                        + "\" is not an ISO date (YYYY-MM-DD): expected the date of the snapshot in iana/*.tsv");
            }
        }
        LocalDate newest = snapshotDate.isAfter(csvDate) ? snapshotDate : csvDate;
        if (!version.officialDate().equals(newest)) {
            throw new SourceException(versionFile.toString(), 0, "official.date " + version.officialDate()
                    + " is not the newest official date " + newest + " (CSV " + csvDate + ", snapshot " + snapshotDate + ")");
        }
        OfficialMerge.Result merged = OfficialMerge.merge(csv, csvDate, snapshot, "the npm snapshot", snapshotDate);
        Result result = compile(version, merged.records(), curated);
        Report report = new Report();
        merged.counts().forEach(report::add);
        result.report().counts.forEach(report::add);
        report.disagreements.addAll(merged.disagreements());
        return new Result(result.table(), report);
    }

    /**
     * Compiles sources already read.
     *
     * @param version  the data version, not null
     * @param official the official records, not null
     * @param curated  the curated knowledge, not null
     * @return the table and the report, never null
     * @throws SourceException naming file and line of the first bad entry
     */
    public static Result compile(DataVersion version, List<OfficialRecord> official, CuratedData curated) {
        Report report = new Report();
        report.add("official records read", 0);
        report.add("official range records", 0);
        // port -> transport-and-name key -> record, to refuse duplicates
        Map<String, OfficialRecord> seen = new HashMap<>();
        // port -> draft assignments in source order
        TreeMap<Integer, List<Draft>> drafts = new TreeMap<>();
        int unassignedMarkers = 0;
        for (OfficialRecord r : official) {
            LifecycleStatus status = r.iana() != null ? r.iana().status() : classify(r);
            report.add("official records read", 1);
            if (status == null) {
                unassignedMarkers += r.lastPort() - r.firstPort() + 1;
                continue;
            }
            if (!r.isSinglePort()) {
                report.add("official range records", 1);
            }
            for (int port = r.firstPort(); port <= r.lastPort(); port++) {
                for (Transport t : r.transports()) {
                    String key = port + "/" + t + "/" + r.name() + "/" + (r.name().isEmpty() ? r.description() : "");
                    OfficialRecord before = seen.putIfAbsent(key, r);
                    if (before != null) {
                        throw new SourceException(r.file(), r.line(), "duplicate record: " + r.name() + " on "
                                + port + "/" + t.label() + " is already stated at " + before.file() + ":" + before.line());
                    }
                }
                String reason = status == LifecycleStatus.HISTORIC ? "IANA's registry describes it as historic." : "";
                if (r.iana() != null) {
                    reason = r.iana().reason().orElse("");
                }
                add(drafts.computeIfAbsent(port, p -> new ArrayList<>()), r, status, reason);
            }
        }
        report.add("unassigned markers skipped (port, record)", unassignedMarkers);

        applyLifecycle(curated.lifecycle(), drafts, report);
        UnofficialUseCheck.check(official, curated.alternateUses());
        applyServicePrograms(curated.programs(), drafts, report);

        Map<Integer, List<AlternateUse>> uses = alternateUses(curated.alternateUses(), usePrograms(curated), report);
        Map<Integer, SortedSet<Integer>> related = related(curated.related(), report);

        TreeSet<Integer> allPorts = new TreeSet<>(drafts.keySet());
        allPorts.addAll(uses.keySet());
        allPorts.addAll(related.keySet());
        List<PortInfo> ports = new ArrayList<>();
        for (int port : allPorts) {
            List<ServiceAssignment> assignments = new ArrayList<>();
            for (Draft d : ordered(drafts.getOrDefault(port, List.of()))) {
                assignments.add(d.assignment.transports(d.transports).build());
            }
            PortInfo info = PortInfo.of(port, assignments, uses.getOrDefault(port, List.of()),
                    List.copyOf(related.getOrDefault(port, new TreeSet<>())));
            ports.add(info);
        }
        // every one of the 65,536 ports, in LifecycleStatus order: ports without data are UNASSIGNED
        java.util.EnumMap<LifecycleStatus, Integer> byStatus = new java.util.EnumMap<>(LifecycleStatus.class);
        for (PortInfo p : ports) {
            byStatus.merge(p.status(), 1, Integer::sum);
        }
        byStatus.merge(LifecycleStatus.UNASSIGNED, 65536 - ports.size(), Integer::sum);
        report.add("ports with any data", ports.size());
        for (LifecycleStatus s : LifecycleStatus.values()) {
            report.add("ports (of 65536) with status " + s, byStatus.getOrDefault(s, 0));
        }
        report.add("assignments (merged across transports)", ports.stream().mapToInt(p -> p.assignments().size()).sum());

        SortedMap<String, List<Integer>> names = names(ports, curated, report);
        TableData table = new TableData(version, ports, names);
        report.add("table bytes", TableCodec.toBytes(table).length);
        return new Result(table, report);
    }

    /** Returns the status a record gives, or null for an unassigned marker. */
    static LifecycleStatus classify(OfficialRecord r) {
        String d = r.description();
        if (DEREGISTERED.matcher(d).find()) {
            return LifecycleStatus.DEREGISTERED;
        }
        if (r.name().isEmpty()) {
            return RESERVED.matcher(d).find() ? LifecycleStatus.RESERVED : null;
        }
        return HISTORIC.matcher(d).find() ? LifecycleStatus.HISTORIC : LifecycleStatus.ACTIVE;
    }

    /** One assignment being compiled: the official record's values, then the curated facts set on it. */
    private static final class Draft {
        final String name;
        final String description;
        final EnumSet<Transport> transports = EnumSet.noneOf(Transport.class);
        LifecycleStatus status;
        final ServiceAssignment.Builder assignment;
        final int order;
        /** IANA's record (dates, references, code, notes), or null where the source has only name and description. */
        final ServiceAssignment iana;

        Draft(String name, String description, LifecycleStatus status, String reason, int order, ServiceAssignment iana) {
            this.name = name;
            this.description = description;
            this.status = status;
            this.iana = iana;
            this.assignment = (iana != null ? iana.toBuilder() : ServiceAssignment.builder()).name(name)
                    .description(description).status(status).reason(reason);
            this.order = order;
        }
    }

    private static void add(List<Draft> list, OfficialRecord r, LifecycleStatus status, String reason) {
        for (Draft d : list) {
            if (d.name.equals(r.name()) && d.description.equals(r.description()) && d.status == status
                    && ianaFields(d.iana).equals(ianaFields(r.iana()))) {
                d.transports.addAll(r.transports());
                return;
            }
        }
        Draft d = new Draft(r.name(), r.description(), status, reason, list.size(), r.iana());
        d.transports.addAll(r.transports());
        list.add(d);
    }

    /** The fields of IANA's record beyond name, description and status, to merge only records that agree on all. */
    private static List<Object> ianaFields(ServiceAssignment a) {
        if (a == null) {
            return List.of();
        }
        return java.util.Arrays.asList(a.registrationDate(), a.modificationDate(), a.references(), a.serviceCode(),
                a.unauthorizedUseReported(), a.assignmentNotes());
    }

    /** Assignments in order of their first transport (TCP first), then source order. */
    private static List<Draft> ordered(List<Draft> list) {
        List<Draft> out = new ArrayList<>(list);
        out.sort((a, b) -> {
            int c = a.transports.iterator().next().compareTo(b.transports.iterator().next());
            return c != 0 ? c : Integer.compare(a.order, b.order);
        });
        return out;
    }

    private static void applyLifecycle(List<CuratedData.LifecycleEntry> entries, Map<Integer, List<Draft>> drafts,
                                       Report report) {
        for (CuratedData.LifecycleEntry e : entries) {
            List<Draft> matches = new ArrayList<>();
            for (Draft d : drafts.getOrDefault(e.port(), List.of())) {
                if (d.name.equals(e.service())) {
                    matches.add(d);
                }
            }
            if (matches.isEmpty()) {
                throw new SourceException(e.file(), e.line(), "service \"" + e.service() + "\" is not assigned on port "
                        + e.port() + ": a lifecycle entry must name an IANA assignment of that port");
            }
            for (Draft d : matches) {
                if (d.status == LifecycleStatus.DEREGISTERED || d.status == LifecycleStatus.RESERVED) {
                    throw new SourceException(e.file(), e.line(), e.service() + " on port " + e.port() + " is "
                            + d.status + " in the official data: only a live assignment can be marked " + e.status());
                }
                d.status = e.status();
                d.assignment.status(e.status()).product(e.product()).vendor(e.vendor())
                        .discontinuedYear(e.discontinued().orElse(0)).reason(e.reason()).basis(e.basis());
            }
            report.add("curated " + e.status().name().toLowerCase(Locale.ROOT) + " assignments", 1);
        }
    }

    /** Sets the programs of each service entry on every live assignment of that name, on any port. */
    private static void applyServicePrograms(List<CuratedData.ProgramEntry> entries, Map<Integer, List<Draft>> drafts,
                                             Report report) {
        for (CuratedData.ProgramEntry e : entries) {
            if (e.service().isEmpty()) {
                continue;
            }
            int matched = 0;
            for (List<Draft> list : drafts.values()) {
                for (Draft d : list) {
                    if (d.name.equalsIgnoreCase(e.service()) && d.status != LifecycleStatus.DEREGISTERED
                            && d.status != LifecycleStatus.RESERVED) {
                        d.assignment.programs(e.programs());
                        matched++;
                    }
                }
            }
            if (matched == 0) {
                throw new SourceException(e.file(), e.line(), "service \"" + e.service()
                        + "\" has no live IANA assignment: a program entry must name a service the registry holds");
            }
            report.add("curated programs: services", 1);
        }
    }

    /** The programs of each curated alternate use, by the use's name; every use entry must name a use. */
    private static Map<String, List<Program>> usePrograms(CuratedData curated) {
        Set<String> useNames = new HashSet<>();
        for (CuratedData.AlternateUseEntry u : curated.alternateUses()) {
            useNames.add(u.name());
        }
        Map<String, List<Program>> out = new HashMap<>();
        for (CuratedData.ProgramEntry e : curated.programs()) {
            if (e.use().isEmpty()) {
                continue;
            }
            if (!useNames.contains(e.use())) {
                throw new SourceException(e.file(), e.line(), "use \"" + e.use()
                        + "\" is no curated alternate use: a program entry must name one exactly as written there");
            }
            out.put(e.use(), e.programs());
        }
        return out;
    }

    private static Map<Integer, List<AlternateUse>> alternateUses(List<CuratedData.AlternateUseEntry> entries,
                                                                  Map<String, List<Program>> programs,
                                                                  Report report) {
        Map<Integer, List<AlternateUse>> byPort = new TreeMap<>();
        Set<String> names = new TreeSet<>();
        for (UseKind kind : UseKind.values()) {
            for (CuratedData.AlternateUseEntry e : entries) {
                if (e.kind() != kind) {
                    continue;
                }
                AlternateUse.Builder ub = AlternateUse.builder().name(e.name()).description(e.description())
                        .transports(e.transports()).kind(e.kind()).basis(e.basis())
                        .firstYear(e.firstYear()).lastYear(e.lastYear())
                        .programs(programs.getOrDefault(e.name(), List.of()));
                e.officialPort().ifPresent(ub::officialPort);
                AlternateUse use = ub.build();
                for (int port : e.ports()) {
                    byPort.computeIfAbsent(port, p -> new ArrayList<>()).add(use);
                }
                names.add(kind + "/" + e.name().toLowerCase(Locale.ROOT));
            }
            int ports = (int) byPort.values().stream()
                    .filter(l -> l.stream().anyMatch(u -> u.kind() == kind)).count();
            report.add("curated " + kind.name().toLowerCase(Locale.ROOT) + " uses: ports", ports);
            report.add("curated " + kind.name().toLowerCase(Locale.ROOT) + " uses: programs",
                    (int) names.stream().filter(n -> n.startsWith(kind + "/")).count());
        }
        return byPort;
    }

    private static Map<Integer, SortedSet<Integer>> related(List<CuratedData.RelatedGroup> groups, Report report) {
        Map<Integer, SortedSet<Integer>> out = new TreeMap<>();
        for (CuratedData.RelatedGroup g : groups) {
            for (int port : g.ports()) {
                SortedSet<Integer> set = out.computeIfAbsent(port, p -> new TreeSet<>());
                set.addAll(g.ports());
                set.remove(port);
                if (set.size() > TableCodec.MAX_PER_PORT) {
                    throw new SourceException(g.file(), g.line(), "port " + port + " would have " + set.size()
                            + " related ports: the table allows at most " + TableCodec.MAX_PER_PORT);
                }
            }
        }
        report.add("curated related-port groups", groups.size());
        report.add("ports with related ports", out.size());
        return out;
    }

    private static SortedMap<String, List<Integer>> names(List<PortInfo> ports, CuratedData curated, Report report) {
        Map<String, TreeSet<Integer>> officialPorts = new HashMap<>();
        Map<String, TreeSet<Integer>> alternatePorts = new HashMap<>();
        // the software's own IANA ports (officialPort) of alternate uses whose name is not the IANA name
        Map<String, TreeSet<Integer>> ownPorts = new HashMap<>();
        for (PortInfo p : ports) {
            for (ServiceAssignment a : p.assignments()) {
                if (!a.name().isEmpty()) {
                    officialPorts.computeIfAbsent(a.name().toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(p.port());
                }
            }
            for (AlternateUse u : p.alternateUses()) {
                String key = u.name().toLowerCase(Locale.ROOT);
                alternatePorts.computeIfAbsent(key, k -> new TreeSet<>()).add(p.port());
                u.officialPort().ifPresent(own -> ownPorts.computeIfAbsent(key, k -> new TreeSet<>()).add(own));
            }
        }
        TreeMap<String, List<Integer>> names = new TreeMap<>();
        Set<String> keys = new TreeSet<>(officialPorts.keySet());
        keys.addAll(alternatePorts.keySet());
        for (String key : keys) {
            LinkedHashSet<Integer> list = new LinkedHashSet<>(officialPorts.getOrDefault(key, new TreeSet<>()));
            list.addAll(ownPorts.getOrDefault(key, new TreeSet<>()));
            list.addAll(alternatePorts.getOrDefault(key, new TreeSet<>()));
            names.put(key, List.copyOf(list));
        }
        report.add("service names (official and alternate)", names.size());
        Map<String, List<Integer>> resolved = new TreeMap<>(names);
        for (CuratedData.CommonName c : curated.names()) {
            String key = c.name().toLowerCase(Locale.ROOT);
            if (resolved.containsKey(key)) {
                throw new SourceException(c.file(), c.line(), "name \"" + c.name()
                        + "\" already resolves (an IANA service or alternate use of that name exists): remove it");
            }
            List<Integer> target;
            if (!c.service().isEmpty()) {
                target = names.get(c.service().toLowerCase(Locale.ROOT));
                if (target == null) {
                    throw new SourceException(c.file(), c.line(), "name \"" + c.name() + "\" points to service \""
                            + c.service() + "\", which the registry does not know");
                }
            } else {
                target = List.copyOf(new LinkedHashSet<>(c.ports()));
            }
            resolved.put(key, target);
        }
        report.add("curated common names", curated.names().size());
        programNames(curated.programs(), names, resolved, report);
        return new TreeMap<>(resolved);
    }

    /** The most ports a use may span and still add its ports to the names of its programs. */
    static final int CHANCE_PORTS = 1024;

    /**
     * Lets the name of each executable find the ports of what it serves, official ports first
     * (nginx: 80, then 443). A program name that already resolves (an IANA service, an alternate
     * use or a common name of that name) keeps its meaning; the report counts them. A use that spans
     * more than {@value #CHANCE_PORTS} ports (an ephemeral or dynamic range, where a daemon such as
     * rpc.statd takes whatever port it is given) adds none: those are ports it may get, not ports it
     * serves by default, and a name that found tens of thousands of them would say nothing.
     */
    private static void programNames(List<CuratedData.ProgramEntry> entries, Map<String, List<Integer>> names,
                                     Map<String, List<Integer>> resolved, Report report) {
        Map<String, LinkedHashSet<Integer>> official = new TreeMap<>();
        Map<String, LinkedHashSet<Integer>> alternate = new TreeMap<>();
        for (CuratedData.ProgramEntry e : entries) {
            String target = (e.service().isEmpty() ? e.use() : e.service()).toLowerCase(Locale.ROOT);
            List<Integer> ports = names.getOrDefault(target, List.of());
            if (e.service().isEmpty() && ports.size() > CHANCE_PORTS) {
                ports = List.of();
            }
            for (Program p : e.programs()) {
                if (p.commandLineMarker().isEmpty()) {
                    (e.service().isEmpty() ? alternate : official)
                            .computeIfAbsent(p.name().toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>()).addAll(ports);
                }
            }
        }
        Set<String> keys = new TreeSet<>(official.keySet());
        keys.addAll(alternate.keySet());
        int added = 0;
        int kept = 0;
        for (String key : keys) {
            if (resolved.containsKey(key) || ServiceNames.problem(key) != null) {
                kept++;
                continue;
            }
            LinkedHashSet<Integer> ports = new LinkedHashSet<>(official.getOrDefault(key, new LinkedHashSet<>()));
            ports.addAll(alternate.getOrDefault(key, new LinkedHashSet<>()));
            if (!ports.isEmpty()) {
                resolved.put(key, List.copyOf(ports));
                added++;
            }
        }
        report.add("program names that find ports", added);
        report.add("program names that already resolve otherwise (kept)", kept);
    }

    static DataVersion readVersion(Path file) {
        Properties p = readProperties(file);
        String source = require(p, "official.source", file);
        String date = require(p, "official.date", file);
        String revision = require(p, "curated.revision", file);
        try {
            return DataVersion.of(source, LocalDate.parse(date), revision);
        } catch (DateTimeParseException e) {
            throw new SourceException(file.toString(), 0, "official.date \"" + date + "\" is not an ISO date (YYYY-MM-DD)");
        }
    }

    private static Properties readProperties(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new SourceException(file.toString(), 0, "cannot read the data version: " + e);
        }
        return p;
    }

    private static String require(Properties p, String key, Path file) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new SourceException(file.toString(), 0, "missing property " + key);
        }
        return v.trim();
    }

}
