package dev.portregistry.data;

import dev.portregistry.AlternateUse;
import dev.portregistry.DataVersion;
import dev.portregistry.IanaCsv;
import dev.portregistry.RegistryFormatException;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.Program;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import dev.portregistry.internal.TableCodec;
import dev.portregistry.internal.ServiceNames;
import dev.portregistry.internal.TableData;
import dev.portregistry.internal.TableWriter;
import dev.portregistry.json.curated.CuratedJson;

import java.io.ByteArrayInputStream;
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
            return TableWriter.toBytes(table);
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
        UnofficialUseCheck.check(official, curated.alternateUses());

        // the IANA base: the official assignments of each port, and every official name to its ports ascending
        List<PortInfo> basePorts = new ArrayList<>();
        TreeMap<String, List<Integer>> baseNames = new TreeMap<>();
        Map<String, TreeSet<Integer>> officialPorts = new TreeMap<>();
        for (Map.Entry<Integer, List<Draft>> e : drafts.entrySet()) {
            List<ServiceAssignment> assignments = new ArrayList<>();
            for (Draft d : ordered(e.getValue())) {
                ServiceAssignment a = d.assignment.transports(d.transports).build();
                assignments.add(a);
                if (!a.name().isEmpty()) {
                    officialPorts.computeIfAbsent(a.name().toLowerCase(Locale.ROOT), k -> new TreeSet<>()).add(e.getKey());
                }
            }
            basePorts.add(PortInfo.of(e.getKey(), assignments, List.of(), List.of()));
        }
        officialPorts.forEach((k, v) -> baseNames.put(k, List.copyOf(v)));
        PortRegistry base = PortRegistry.fromTable(new ByteArrayInputStream(TableWriter.toBytes(
                new TableData(version, basePorts, baseNames))), "the IANA base");

        // the curated files as one overlay, through core's engine: the same code and rules as a user's overlay
        checkCommonNames(base, curated);
        PortRegistry compiled;
        try {
            compiled = base.with(curated.overlay());
        } catch (RegistryFormatException e) {
            throw SourceException.of(e);
        }
        List<PortInfo> ports = compiled.knownPorts();
        checkRelatedCounts(ports, curated.related());
        TreeMap<String, List<Integer>> names = new TreeMap<>();
        for (String key : compiled.serviceNames()) {
            names.put(key, compiled.findService(key).stream().map(PortInfo::port).toList());
        }

        countCurated(curated, ports, report);
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
        countNames(baseNames.keySet(), curated, names.size(), report);

        TableData table = new TableData(version, ports, names);
        report.add("table bytes", TableWriter.toBytes(table).length);
        return new Result(table, report);
    }

    /**
     * A curated common name must add a name: one that an IANA service or a curated alternate use
     * (or an earlier common name) already answers is refused, so that the curated names stay
     * reviewable. A data check of the build, not a merge rule: a user's overlay may add ports to
     * a name that resolves (they come after its own).
     */
    private static void checkCommonNames(PortRegistry base, CuratedData curated) {
        Set<String> resolved = new HashSet<>(base.serviceNames());
        for (CuratedJson.AlternateUseEntry u : curated.alternateUses()) {
            resolved.add(u.name().toLowerCase(Locale.ROOT));
        }
        for (CuratedJson.CommonName c : curated.names()) {
            if (!resolved.add(c.name().toLowerCase(Locale.ROOT))) {
                throw new SourceException(c.file(), c.line(), "name \"" + c.name()
                        + "\" already resolves (an IANA service or alternate use of that name exists): remove it");
            }
        }
    }

    /** The table's limit on related ports, named with the first group that reaches the port. */
    private static void checkRelatedCounts(List<PortInfo> ports, List<CuratedJson.RelatedGroup> groups) {
        for (PortInfo p : ports) {
            if (p.relatedPorts().size() > TableCodec.MAX_PER_PORT) {
                CuratedJson.RelatedGroup g = groups.stream().filter(x -> x.ports().contains(p.port())).findFirst()
                        .orElseThrow();
                throw new SourceException(g.file(), g.line(), "port " + p.port() + " would have "
                        + p.relatedPorts().size() + " related ports: the table allows at most " + TableCodec.MAX_PER_PORT);
            }
        }
    }

    /** The report's counts of curated entries, in the order the report prints them. */
    private static void countCurated(CuratedData curated, List<PortInfo> ports, Report report) {
        for (CuratedJson.LifecycleEntry e : curated.lifecycle()) {
            report.add("curated " + e.status().name().toLowerCase(Locale.ROOT) + " assignments", 1);
        }
        for (CuratedJson.ProgramEntry e : curated.programs()) {
            if (!e.service().isEmpty()) {
                report.add("curated programs: services", 1);
            }
        }
        for (UseKind kind : UseKind.values()) {
            String k = kind.name().toLowerCase(Locale.ROOT);
            report.add("curated " + k + " uses: ports", (int) ports.stream()
                    .filter(p -> p.alternateUses().stream().anyMatch(u -> u.kind() == kind)).count());
            report.add("curated " + k + " uses: programs", (int) curated.alternateUses().stream()
                    .filter(u -> u.kind() == kind).map(u -> u.name().toLowerCase(Locale.ROOT)).distinct().count());
        }
        report.add("curated related-port groups", curated.related().size());
        report.add("ports with related ports", (int) ports.stream().filter(p -> !p.relatedPorts().isEmpty()).count());
    }

    /** The report's counts of names: official and alternate, common, and programs' executables. */
    private static void countNames(Set<String> official, CuratedData curated, int total, Report report) {
        Set<String> named = new HashSet<>(official);
        for (CuratedJson.AlternateUseEntry u : curated.alternateUses()) {
            named.add(u.name().toLowerCase(Locale.ROOT));
        }
        report.add("service names (official and alternate)", named.size());
        report.add("curated common names", curated.names().size());
        Set<String> executables = new HashSet<>();
        for (CuratedJson.ProgramEntry e : curated.programs()) {
            for (Program p : e.programs()) {
                if (p.commandLineMarker().isEmpty()) {
                    executables.add(p.name().toLowerCase(Locale.ROOT));
                }
            }
        }
        int added = total - named.size() - curated.names().size();
        report.add("program names that find ports", added);
        report.add("program names that already resolve otherwise (kept)", executables.size() - added);
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
