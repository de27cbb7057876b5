package dev.portregistry.json.curated;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.portregistry.AlternateUse;
import dev.portregistry.Lifecycle;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.Overlay;
import dev.portregistry.Program;
import dev.portregistry.RegistryFormatException;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The one reader of the curated JSON format: the project's own curated files at build time and a
 * user's overlays ({@link JsonOverlay}) go through this class, under the same rules, into the same
 * {@link Overlay} that core's engine applies. Each entry is kept as read, with its file and line,
 * for checks that need more than the overlay holds (the build's, such as
 * {@code officialOverlapReason}).
 *
 * <p>Kinds, as members of an object or as a top-level array told by its file or folder name
 * ({@code alternate-uses.json}, {@code lifecycle/abandoned.json}, ...); ports are numbers or
 * {@code "A-B"} ranges, transports {@code tcp}, {@code udp}, {@code sctp}, {@code dccp}:
 * <ul>
 *   <li>{@code assignments} ({@code assignments.json}): {@code name, ports, transports}, optional
 *       {@code description, aliases, status (active|abandoned|historic|deregistered), reason}</li>
 *   <li>{@code alternateUses} ({@code alternate-uses.json}): {@code name, ports, transports, kind
 *       (unofficial|malware), description, basis}, optional {@code officialPort, firstYear, lastYear}
 *       and {@code officialOverlapReason} (why an unofficial use may name what IANA assigns the
 *       port to; kept for the build's check, not in the overlay)</li>
 *   <li>{@code lifecycle} ({@code lifecycle.json}): {@code port, service, status (abandoned|historic),
 *       basis}; abandoned also {@code product}, optional {@code vendor, discontinued (year), reason};
 *       historic also {@code reason}</li>
 *   <li>{@code related} ({@code related.json}): {@code name, ports, basis}</li>
 *   <li>{@code names} ({@code names.json}): {@code name, basis} and exactly one of {@code service}
 *       or {@code ports}</li>
 *   <li>{@code programs} ({@code programs.json}): exactly one of {@code service} or {@code use},
 *       {@code programs} (executable names) and/or {@code runtimes} ({@code {runtime, marker}}
 *       objects), {@code basis}</li>
 * </ul>
 * Strict: malformed JSON, a repeated key, an unknown member or field, a missing or empty field, a
 * value of the wrong type, a port outside 0..65535, a port listed twice, an unknown transport, kind
 * or status, a duplicate entry (also across the files of a directory) or a value the overlay
 * builder refuses fails with a {@link RegistryFormatException} naming the file and the line of the
 * entry.
 *
 * <p>The entry records mirror the format one to one, for tools that check curated files beyond
 * what an overlay holds (the build's {@code UnofficialUseCheck}, its report); a field added to the
 * format is a component added to its record. Most callers need only {@link #overlay()} or
 * {@link JsonOverlay}.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Not public API: this package is not exported by the module {@code dev.portregistry.json}. It is
 * the one reader of the curated format, for {@link dev.portregistry.json.JsonOverlay} and the build
 * (registry-data, on the class path), whose checks need the entries as read; users read the format
 * with {@code JsonOverlay}, whose result is an {@code Overlay}.
 */
public final class CuratedJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /** The member names of the object form, in the order the kinds are read from a directory's files. */
    private static final List<String> KINDS =
            List.of("assignments", "alternateUses", "lifecycle", "related", "names", "programs");
    /** The file (or folder, without {@code .json}) that holds each kind in the curated layout. */
    private static final Map<String, String> FILE_KINDS = Map.of(
            "alternate-uses.json", "alternateUses", "lifecycle.json", "lifecycle", "related.json", "related",
            "names.json", "names", "assignments.json", "assignments", "programs.json", "programs");
    /** The curated directory's kinds, in reading order, and whether each must be there. */
    private static final List<String> DIRECTORY_FILES =
            List.of("alternate-uses.json", "lifecycle.json", "related.json", "names.json", "programs.json");

    private static final Set<String> ASSIGNMENT_FIELDS =
            Set.of("name", "ports", "transports", "description", "aliases", "status", "reason");
    private static final Set<String> USE_FIELDS =
            Set.of("name", "ports", "transports", "kind", "officialPort", "description", "basis",
                    "officialOverlapReason", "firstYear", "lastYear");
    private static final Set<String> LIFECYCLE_FIELDS =
            Set.of("port", "service", "status", "product", "vendor", "discontinued", "reason", "basis");
    private static final Set<String> RELATED_FIELDS = Set.of("name", "ports", "basis");
    private static final Set<String> NAME_FIELDS = Set.of("name", "service", "ports", "basis");
    private static final Set<String> PROGRAM_FIELDS = Set.of("service", "use", "programs", "runtimes", "basis");
    private static final Set<String> RUNTIME_FIELDS = Set.of("runtime", "marker");

    /** A local assignment on one or more ports. */
    public record AssignmentEntry(String file, int line, String name, List<Integer> ports, Set<Transport> transports,
                                  String description, List<String> aliases, LifecycleStatus status, String reason) {
    }

    /**
     * An alternate use of one or more ports.
     *
     * @param officialOverlapReason why the use may name what IANA assigns the port to, or "" (the usual case)
     * @param firstYear             the first year it was seen, or 0 for unknown
     * @param lastYear              the last year it was seen, or 0 for unknown
     */
    public record AlternateUseEntry(String file, int line, String name, List<Integer> ports, Set<Transport> transports,
                                    UseKind kind, OptionalInt officialPort, String description, String basis,
                                    String officialOverlapReason, int firstYear, int lastYear) {

        /** An entry without an {@code officialOverlapReason} and without an era. */
        public AlternateUseEntry(String file, int line, String name, List<Integer> ports, Set<Transport> transports,
                                 UseKind kind, OptionalInt officialPort, String description, String basis) {
            this(file, line, name, ports, transports, kind, officialPort, description, basis, "", 0, 0);
        }
    }

    /** The lifecycle of the assignments of one service on one port. */
    public record LifecycleEntry(String file, int line, int port, String service, LifecycleStatus status,
                                 String product, String vendor, OptionalInt discontinued, String reason, String basis) {
    }

    /** A family of ports that belong together. */
    public record RelatedGroup(String file, int line, String name, List<Integer> ports, String basis) {
    }

    /** A common name and what it resolves to: a service ({@code service} non-empty) or its own ports. */
    public record CommonName(String file, int line, String name, String service, List<Integer> ports, String basis) {
    }

    /** Programs that serve an IANA service or an alternate use: exactly one of {@code service} and {@code use} is non-empty. */
    public record ProgramEntry(String file, int line, String service, String use, List<Program> programs,
                               String basis) {
    }

    private final String source;
    private final List<AssignmentEntry> assignments;
    private final List<AlternateUseEntry> alternateUses;
    private final List<LifecycleEntry> lifecycle;
    private final List<RelatedGroup> related;
    private final List<CommonName> names;
    private final List<ProgramEntry> programs;
    private final Overlay overlay;

    private CuratedJson(String source, List<AssignmentEntry> assignments, List<AlternateUseEntry> alternateUses,
                        List<LifecycleEntry> lifecycle, List<RelatedGroup> related, List<CommonName> names,
                        List<ProgramEntry> programs) {
        this.source = source;
        this.assignments = List.copyOf(assignments);
        this.alternateUses = List.copyOf(alternateUses);
        this.lifecycle = List.copyOf(lifecycle);
        this.related = List.copyOf(related);
        this.names = List.copyOf(names);
        this.programs = List.copyOf(programs);
        checkDuplicates();
        this.overlay = toOverlay();
    }

    /**
     * Entries already read (or made in code, as tests do), checked as a file's are.
     *
     * @param source        the name of the whole, used as the overlay's source; not null or blank
     * @param alternateUses the alternate uses, not null
     * @param lifecycle     the lifecycle entries, not null
     * @param related       the related groups, not null
     * @param names         the common names, not null
     * @param programs      the program entries, not null
     * @return the entries with their overlay, never null
     * @throws RegistryFormatException naming the file and line of a duplicate or refused entry
     */
    public static CuratedJson of(String source, List<AlternateUseEntry> alternateUses, List<LifecycleEntry> lifecycle,
                                 List<RelatedGroup> related, List<CommonName> names, List<ProgramEntry> programs) {
        return new CuratedJson(source, List.of(), alternateUses, lifecycle, related, names, programs);
    }

    /**
     * Reads JSON text: an object of kind members, or one kind's array told by the source's file or
     * folder name.
     *
     * @param json   the JSON, not null
     * @param source the file name, used in error messages and to tell the kind of a top-level array; not null
     * @return the entries and their overlay, never null
     * @throws NullPointerException    if an argument is null
     * @throws RegistryFormatException naming the source and line of the first bad entry
     */
    public static CuratedJson parse(String json, String source) {
        return parse(json, source, null);
    }

    /**
     * Reads JSON text, a top-level array being of the given kind whatever the source's name.
     *
     * @param json   the JSON, not null
     * @param source the file name for error messages, not null
     * @param kind   the kind of a top-level array ({@code alternateUses}, {@code lifecycle},
     *               {@code related}, {@code names}, {@code programs} or {@code assignments}), or
     *               null to tell it from the source's name
     * @return the entries and their overlay, never null
     * @throws NullPointerException     if json or source is null
     * @throws IllegalArgumentException if kind is not one of those
     * @throws RegistryFormatException  naming the source and line of the first bad entry
     */
    public static CuratedJson parse(String json, String source, String kind) {
        Objects.requireNonNull(json, "json must not be null");
        Objects.requireNonNull(source, "source must not be null");
        if (kind != null && !KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind \"" + kind + "\" is unknown: expected one of " + KINDS);
        }
        Collector c = new Collector();
        c.read(json, source, kind);
        return c.build(source);
    }

    /**
     * Reads a curated directory: for each kind, {@code <kind>.json} and every {@code *.json} in the
     * folder {@code <kind>/}, in file-name order; alternate uses, lifecycle, related and names must
     * be there, programs may. Duplicates are checked across all files.
     *
     * @param dir the directory, such as {@code registry-data/data/curated}; not null
     * @return the entries and their overlay, whose source is the directory; never null
     * @throws IOException             if a file cannot be read: a {@link FileSystemException}
     *                                 naming the file
     * @throws RegistryFormatException naming the file and line of the first bad entry, or the
     *                                 file of a kind that is missing
     */
    public static CuratedJson readDirectory(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir must not be null");
        Collector c = new Collector();
        for (String fileName : DIRECTORY_FILES) {
            String kind = FILE_KINDS.get(fileName);
            Path single = dir.resolve(fileName);
            Path folder = dir.resolve(fileName.substring(0, fileName.length() - ".json".length()));
            List<Path> files = new ArrayList<>();
            if (Files.exists(single)) {
                files.add(single);
            }
            if (Files.isDirectory(folder)) {
                try (Stream<Path> s = Files.list(folder)) {
                    s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
                }
            }
            if (files.isEmpty() && !kind.equals("programs")) {
                throw new RegistryFormatException(single.toString(), 0, "missing curated file: expected " + fileName
                        + " or a folder " + folder.getFileName() + "/ of *.json files in " + dir);
            }
            for (Path f : files) {
                String text;
                try {
                    text = Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new FileSystemException(f.toString(), null, "cannot read: " + e);
                }
                c.read(text, f.toString(), kind);
            }
        }
        return c.build(dir.toString());
    }

    /**
     * Returns the overlay these entries make.
     *
     * @return the overlay these entries make, every entry at its file and line; never null
     */
    public Overlay overlay() {
        return overlay;
    }

    /**
     * Returns the local assignments.
     *
     * @return the local assignments, in file order; immutable, never null
     */
    public List<AssignmentEntry> assignments() {
        return assignments;
    }

    /**
     * Returns the alternate uses.
     *
     * @return the alternate uses, in file order; immutable, never null
     */
    public List<AlternateUseEntry> alternateUses() {
        return alternateUses;
    }

    /**
     * Returns the lifecycle entries.
     *
     * @return the lifecycle entries, in file order; immutable, never null
     */
    public List<LifecycleEntry> lifecycle() {
        return lifecycle;
    }

    /**
     * Returns the related groups.
     *
     * @return the related groups, in file order; immutable, never null
     */
    public List<RelatedGroup> related() {
        return related;
    }

    /**
     * Returns the common names.
     *
     * @return the common names, in file order; immutable, never null
     */
    public List<CommonName> names() {
        return names;
    }

    /**
     * Returns the program entries.
     *
     * @return the program entries, in file order; immutable, never null
     */
    public List<ProgramEntry> programs() {
        return programs;
    }

    @Override
    public String toString() {
        return "CuratedJson[" + source + ", " + overlay.size() + " overlay entries]";
    }

    private void checkDuplicates() {
        Set<String> seen = new HashSet<>();
        for (AlternateUseEntry e : alternateUses) {
            for (int port : e.ports()) {
                if (!seen.add("use/" + port + "/" + e.name().toLowerCase(Locale.ROOT) + "/" + e.kind())) {
                    throw new RegistryFormatException(e.file(), e.line(), "duplicate entry: " + e.name() + " ("
                            + e.kind().name().toLowerCase(Locale.ROOT) + ") on port " + port + " is already listed");
                }
            }
        }
        for (LifecycleEntry e : lifecycle) {
            if (!seen.add("lifecycle/" + e.port() + "/" + e.service().toLowerCase(Locale.ROOT))) {
                throw new RegistryFormatException(e.file(), e.line(), "duplicate entry: " + e.service() + " on port "
                        + e.port() + " is already listed");
            }
        }
        for (RelatedGroup e : related) {
            if (!seen.add("related/" + e.name().toLowerCase(Locale.ROOT))) {
                throw new RegistryFormatException(e.file(), e.line(), "duplicate entry: group \"" + e.name()
                        + "\" is already listed");
            }
        }
        for (CommonName e : names) {
            if (!seen.add("name/" + e.name().toLowerCase(Locale.ROOT))) {
                throw new RegistryFormatException(e.file(), e.line(), "duplicate entry: name \"" + e.name()
                        + "\" is already listed");
            }
        }
        for (ProgramEntry e : programs) {
            String key = e.service().isEmpty() ? "use/" + e.use().toLowerCase(Locale.ROOT)
                    : "service/" + e.service().toLowerCase(Locale.ROOT);
            if (!seen.add("programs/" + key)) {
                throw new RegistryFormatException(e.file(), e.line(), "duplicate entry: " + key + " is already listed");
            }
        }
    }

    /** Every entry through core's overlay builder, at its file and line: one overlay, one set of rules. */
    private Overlay toOverlay() {
        Overlay.Builder b = Overlay.builder(source);
        for (AssignmentEntry e : assignments) {
            b.at(e.file(), e.line());
            ServiceAssignment a;
            try {
                a = ServiceAssignment.builder().name(e.name()).description(e.description())
                        .transports(e.transports()).status(e.status()).reason(e.reason()).build();
            } catch (IllegalArgumentException bad) {
                throw new RegistryFormatException(e.file(), e.line(), bad.getMessage());
            }
            for (int port : e.ports()) {
                b.assign(port, a, e.aliases().toArray(new String[0]));
            }
        }
        for (LifecycleEntry e : lifecycle) {
            b.at(e.file(), e.line());
            Lifecycle l = Lifecycle.of(e.status()).withProduct(e.product()).withVendor(e.vendor())
                    .withReason(e.reason()).withBasis(e.basis());
            if (e.discontinued().isPresent()) {
                l = l.withDiscontinuedYear(e.discontinued().getAsInt());
            }
            b.lifecycle(e.port(), e.service(), l);
        }
        for (AlternateUseEntry e : alternateUses) {
            b.at(e.file(), e.line());
            AlternateUse use;
            try {
                AlternateUse.Builder ub = AlternateUse.builder().name(e.name()).description(e.description())
                        .transports(e.transports()).kind(e.kind()).basis(e.basis())
                        .firstYear(e.firstYear()).lastYear(e.lastYear());
                e.officialPort().ifPresent(ub::officialPort);
                use = ub.build();
            } catch (IllegalArgumentException bad) {
                throw new RegistryFormatException(e.file(), e.line(), bad.getMessage());
            }
            for (int port : e.ports()) {
                b.alternateUse(port, use);
            }
        }
        for (RelatedGroup e : related) {
            b.at(e.file(), e.line());
            b.related(e.ports().stream().mapToInt(Integer::intValue).toArray());
        }
        for (CommonName e : names) {
            b.at(e.file(), e.line());
            if (e.service().isEmpty()) {
                b.name(e.name(), e.ports().stream().mapToInt(Integer::intValue).toArray());
            } else {
                b.alias(e.name(), e.service());
            }
        }
        for (ProgramEntry e : programs) {
            b.at(e.file(), e.line());
            if (e.service().isEmpty()) {
                b.usePrograms(e.use(), e.programs());
            } else {
                b.servicePrograms(e.service(), e.programs());
            }
        }
        return b.build();
    }

    /** Reads files one after another into lists by kind. */
    private static final class Collector {
        final List<AssignmentEntry> assignments = new ArrayList<>();
        final List<AlternateUseEntry> uses = new ArrayList<>();
        final List<LifecycleEntry> lifecycle = new ArrayList<>();
        final List<RelatedGroup> related = new ArrayList<>();
        final List<CommonName> names = new ArrayList<>();
        final List<ProgramEntry> programs = new ArrayList<>();

        CuratedJson build(String source) {
            return new CuratedJson(source, assignments, uses, lifecycle, related, names, programs);
        }

        /** Entries of the file being read, parsed as JSON and not yet checked: all JSON errors come first. */
        private final List<Map.Entry<String, Entry>> pending = new ArrayList<>();

        void read(String json, String source, String kind) {
            pending.clear();
            try (JsonParser p = MAPPER.createParser(json)) {
                try {
                    read(p, source, kind);
                } catch (JsonProcessingException e) {
                    // malformed JSON, and content over Jackson's limits (nesting a thousand levels deep, say),
                    // which carries no location of its own
                    throw new RegistryFormatException(source, (e.getLocation() == null ? p.currentLocation()
                            : e.getLocation()).getLineNr(), "malformed JSON: " + e.getOriginalMessage());
                }
            } catch (IOException e) {
                // not expected from a String; kept for the checked exception of the parser
                throw new RegistryFormatException(source, 0, "cannot read: " + e.getMessage());
            }
            for (Map.Entry<String, Entry> pe : pending) {
                Entry e = pe.getValue();
                switch (pe.getKey()) {
                    case "assignments" -> assignments.add(assignment(e));
                    case "alternateUses" -> uses.add(alternateUse(e));
                    case "lifecycle" -> lifecycle.add(lifecycle(e));
                    case "related" -> related.add(related(e));
                    case "names" -> names.add(name(e));
                    default -> programs.add(programs(e));
                }
            }
            pending.clear();
        }

        /** An array of the given kind (or of the file's kind), or, with no kind given, an object of kind members. */
        private void read(JsonParser p, String source, String kind) throws IOException {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                entries(p, source, kind != null ? kind : kindOfFile(source));
            } else if (first == JsonToken.START_OBJECT && kind == null) {
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String member = p.currentName();
                    int line = p.currentTokenLocation().getLineNr();
                    if (!KINDS.contains(member)) {
                        throw new RegistryFormatException(source, line, "unknown member \"" + member
                                + "\": expected " + String.join(", ", KINDS));
                    }
                    if (p.nextToken() != JsonToken.START_ARRAY) {
                        throw new RegistryFormatException(source, line, "member \"" + member
                                + "\" must be an array of objects");
                    }
                    entries(p, source, member);
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new RegistryFormatException(source, p.currentTokenLocation().getLineNr(), "unexpected " + t);
                }
            } else {
                throw new RegistryFormatException(source, first == null ? 1 : p.currentTokenLocation().getLineNr(),
                        (kind == null ? "expected a JSON object of entry arrays or a curated array, found "
                                : "expected a JSON array of \"" + kind + "\" entries, found ")
                                + (first == null ? "nothing" : first));
            }
            if (p.nextToken() != null) {
                throw new RegistryFormatException(source, p.currentTokenLocation().getLineNr(),
                        "unexpected content after the entries");
            }
        }

        private static String kindOfFile(String source) {
            Path path;
            try {
                path = Path.of(source);
            } catch (RuntimeException e) { // InvalidPathException: a source that is no path has no kind
                path = Path.of("x");
            }
            String name = path.getFileName() == null ? source : path.getFileName().toString();
            String folder = path.getParent() == null || path.getParent().getFileName() == null ? ""
                    : path.getParent().getFileName().toString() + ".json";
            for (Map.Entry<String, String> e : FILE_KINDS.entrySet()) {
                if (name.endsWith(e.getKey()) || folder.equals(e.getKey())) {
                    return e.getValue();
                }
            }
            throw new RegistryFormatException(source, 1, "a top-level array needs a file name that tells its kind: expected one "
                    + "ending in " + new TreeSet<>(FILE_KINDS.keySet()) + " or in a folder named after one of them, "
                    + "or an object with members " + String.join(", ", KINDS));
        }

        private void entries(JsonParser p, String source, String kind) throws IOException {
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                int line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    throw new RegistryFormatException(source, line, "expected an object in \"" + kind + "\", found " + t);
                }
                pending.add(Map.entry(kind, new Entry(source, line, MAPPER.readTree(p))));
            }
        }
    }

    private static AssignmentEntry assignment(Entry e) {
        e.allowOnly(ASSIGNMENT_FIELDS);
        String name = e.text("name");
        List<Integer> ports = e.ports("ports");
        Set<Transport> transports = e.transports();
        String description = e.optionalText("description");
        LifecycleStatus status = e.has("status") ? e.enumValue("status",
                EnumSet.of(LifecycleStatus.ACTIVE, LifecycleStatus.ABANDONED, LifecycleStatus.HISTORIC,
                        LifecycleStatus.DEREGISTERED)) : LifecycleStatus.ACTIVE;
        String reason = e.optionalText("reason");
        List<String> aliases = e.has("aliases") ? e.texts("aliases") : List.of();
        return new AssignmentEntry(e.source, e.line, name, ports, transports, description, aliases, status, reason);
    }

    private static AlternateUseEntry alternateUse(Entry e) {
        e.allowOnly(USE_FIELDS);
        String name = e.text("name");
        List<Integer> ports = e.ports("ports");
        Set<Transport> transports = e.transports();
        UseKind kind = e.enumValue("kind", EnumSet.allOf(UseKind.class));
        OptionalInt official = e.has("officialPort") ? OptionalInt.of(e.integer("officialPort", 0, 65535))
                : OptionalInt.empty();
        String description = e.text("description");
        String basis = e.text("basis");
        String overlapReason = e.optionalText("officialOverlapReason");
        int firstYear = e.has("firstYear") ? e.integer("firstYear", 1970, 2100) : 0;
        int lastYear = e.has("lastYear") ? e.integer("lastYear", 1970, 2100) : 0;
        if (firstYear != 0 && lastYear != 0 && lastYear < firstYear) {
            throw e.error("lastYear " + lastYear + " is before firstYear " + firstYear + ": expected lastYear >= firstYear");
        }
        return new AlternateUseEntry(e.source, e.line, name, ports, transports, kind, official, description, basis,
                overlapReason, firstYear, lastYear);
    }

    private static LifecycleEntry lifecycle(Entry e) {
        e.allowOnly(LIFECYCLE_FIELDS);
        int port = e.integer("port", 0, 65535);
        String service = e.text("service");
        LifecycleStatus status = e.enumValue("status", EnumSet.of(LifecycleStatus.ABANDONED, LifecycleStatus.HISTORIC));
        String basis = e.text("basis");
        String product = "";
        String vendor = "";
        OptionalInt year = OptionalInt.empty();
        String reason;
        if (status == LifecycleStatus.ABANDONED) {
            product = e.text("product");
            vendor = e.optionalText("vendor");
            if (e.has("discontinued")) {
                year = OptionalInt.of(e.integer("discontinued", 1970, 2100));
            }
            reason = e.optionalText("reason");
        } else {
            for (String f : List.of("product", "vendor", "discontinued")) {
                if (e.has(f)) {
                    throw e.error("field \"" + f + "\" belongs to abandoned entries, not historic ones");
                }
            }
            reason = e.text("reason");
        }
        return new LifecycleEntry(e.source, e.line, port, service, status, product, vendor, year, reason, basis);
    }

    private static RelatedGroup related(Entry e) {
        e.allowOnly(RELATED_FIELDS);
        String name = e.text("name");
        List<Integer> ports = e.ports("ports");
        if (ports.size() < 2) {
            throw e.error("group \"" + name + "\" lists " + ports + ": expected at least two distinct ports");
        }
        return new RelatedGroup(e.source, e.line, name, ports, e.text("basis"));
    }

    private static CommonName name(Entry e) {
        e.allowOnly(NAME_FIELDS);
        String name = e.text("name");
        if (e.has("service") == e.has("ports")) {
            throw e.error("name \"" + name + "\" must have exactly one of \"service\" or \"ports\"");
        }
        String service = e.optionalText("service");
        List<Integer> ports = e.has("ports") ? e.ports("ports") : List.of();
        return new CommonName(e.source, e.line, name, service, ports, e.text("basis"));
    }

    private static ProgramEntry programs(Entry e) {
        e.allowOnly(PROGRAM_FIELDS);
        if (e.has("service") == e.has("use")) {
            throw e.error("expected exactly one of \"service\" (an IANA service name) or \"use\" (an alternate use)");
        }
        String service = e.optionalText("service");
        String use = e.optionalText("use");
        List<Program> programs = new ArrayList<>();
        try {
            if (e.has("programs")) {
                JsonNode list = e.node.get("programs");
                if (!list.isArray()) {
                    throw e.error("field \"programs\" is " + list + ": expected an array of executable names");
                }
                if (!list.isEmpty()) {
                    for (String name : e.texts("programs")) {
                        programs.add(Program.executable(name));
                    }
                }
            }
            if (e.has("runtimes")) {
                JsonNode runtimes = e.node.get("runtimes");
                if (!runtimes.isArray()) {
                    throw e.error("field \"runtimes\" is " + runtimes + ": expected an array of {runtime, marker} objects");
                }
                for (JsonNode r : runtimes) {
                    if (!r.isObject()) {
                        throw e.error("field \"runtimes\" holds " + r + ": expected {runtime, marker} objects");
                    }
                    Entry re = new Entry(e.source, e.line, r);
                    re.allowOnly(RUNTIME_FIELDS);
                    programs.add(Program.runtime(re.text("runtime"), re.text("marker")));
                }
            }
        } catch (IllegalArgumentException bad) {
            throw e.error(bad.getMessage());
        }
        if (programs.isEmpty()) {
            throw e.error("no program: expected a non-empty \"programs\" or \"runtimes\"");
        }
        if (new HashSet<>(programs).size() != programs.size()) {
            throw e.error("a program is listed twice: " + programs);
        }
        return new ProgramEntry(e.source, e.line, service, use, List.copyOf(programs), e.text("basis"));
    }

    /** One object of a file, with its line; every accessor fails with file and line. */
    private static final class Entry {
        private final String source;
        private final int line;
        private final JsonNode node;

        Entry(String source, int line, JsonNode node) {
            this.source = source;
            this.line = line;
            this.node = node;
        }

        RegistryFormatException error(String detail) {
            return new RegistryFormatException(source, line, detail);
        }

        void allowOnly(Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw error("unknown field \"" + f + "\": expected only " + new TreeSet<>(allowed));
                }
            }
        }

        boolean has(String field) {
            return node.has(field) && !node.get(field).isNull();
        }

        JsonNode required(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                throw error("missing field \"" + field + "\"");
            }
            return v;
        }

        /** A string, stripped, not empty, one line (no control character or line separator). */
        String text(String field) {
            JsonNode v = required(field);
            if (!v.isTextual()) {
                throw error("field \"" + field + "\" is " + v + ": expected a string");
            }
            String s = v.asText().strip();
            if (s.isEmpty()) {
                throw error("field \"" + field + "\" is empty: expected some text");
            }
            for (int i = 0; i < s.length(); i++) {
                int type = Character.getType(s.charAt(i));
                if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                    throw error("field \"" + field + "\" " + quote(s) + " holds the control character "
                            + String.format(Locale.ROOT, "U+%04X", (int) s.charAt(i)) + " at index " + i
                            + ": expected one line of plain text");
                }
            }
            return s;
        }

        /** The value in quotes for a message: control characters as unicode escapes, cut after 64 characters. */
        private static String quote(String value) {
            StringBuilder sb = new StringBuilder("\"");
            for (int i = 0; i < Math.min(value.length(), 64); i++) {
                char c = value.charAt(i);
                int type = Character.getType(c);
                if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                        || c == '"' || c == '\\') {
                    sb.append(c == '"' || c == '\\' ? "\\" + c : String.format(Locale.ROOT, "\\u%04X", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.append(value.length() > 64 ? "\"... (" + value.length() + " characters)" : "\"").toString();
        }

        String optionalText(String field) {
            return has(field) ? text(field) : "";
        }

        int integer(String field, int min, int max) {
            JsonNode v = required(field);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
                throw error("field \"" + field + "\" is " + v + ": expected an integer " + min + ".." + max);
            }
            return v.asInt();
        }

        List<String> texts(String field) {
            JsonNode v = required(field);
            if (!v.isArray() || v.isEmpty()) {
                throw error("field \"" + field + "\" is " + v + ": expected a non-empty array of strings");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : v) {
                if (!item.isTextual() || item.asText().isBlank()) {
                    throw error("field \"" + field + "\" holds " + item + ": expected non-empty strings");
                }
                out.add(item.asText().strip());
            }
            return List.copyOf(out);
        }

        Set<Transport> transports() {
            Set<Transport> set = EnumSet.noneOf(Transport.class);
            for (String t : texts("transports")) {
                Transport parsed;
                try {
                    parsed = Transport.parse(t);
                } catch (IllegalArgumentException ex) {
                    throw error(ex.getMessage());
                }
                if (!set.add(parsed)) {
                    throw error("transport " + t + " is listed twice");
                }
            }
            return set;
        }

        <E extends Enum<E>> E enumValue(String field, Set<E> allowed) {
            String text = text(field);
            for (E value : allowed) {
                if (value.name().equalsIgnoreCase(text)) {
                    return value;
                }
            }
            List<String> names = new ArrayList<>();
            allowed.forEach(v -> names.add(v.name().toLowerCase(Locale.ROOT)));
            throw error("field \"" + field + "\" is \"" + text + "\": expected one of " + names);
        }

        /** Numbers and "A-B" ranges, expanded in order, each port once. */
        List<Integer> ports(String field) {
            JsonNode v = required(field);
            if (!v.isArray() || v.isEmpty()) {
                throw error("field \"" + field + "\" is " + v + ": expected a non-empty array of ports and \"A-B\" ranges");
            }
            Set<Integer> out = new LinkedHashSet<>();
            for (JsonNode item : v) {
                int first;
                int last;
                if (item.isIntegralNumber()) {
                    first = port(item.canConvertToInt() ? item.asInt() : -1, item.toString());
                    last = first;
                } else if (item.isTextual()) {
                    String s = item.asText().strip();
                    int dash = s.indexOf('-');
                    first = port(digits(dash < 0 ? s : s.substring(0, dash), s), s);
                    last = dash < 0 ? first : port(digits(s.substring(dash + 1), s), s);
                    if (last < first) {
                        throw error("port range \"" + s + "\" is reversed: expected first <= last");
                    }
                } else {
                    throw error("\"" + field + "\" holds " + item + ": expected a port number or an \"A-B\" range");
                }
                for (int p = first; p <= last; p++) {
                    if (!out.add(p)) {
                        throw error("\"" + field + "\" lists port " + p + " twice");
                    }
                }
            }
            return List.copyOf(out);
        }

        private int digits(String s, String whole) {
            if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw error("port \"" + whole + "\" is not a number or an \"A-B\" range: expected 0..65535");
            }
            return Integer.parseInt(s);
        }

        private int port(int value, String text) {
            if (value < 0 || value > 65535) {
                throw error("port " + text + " is out of range: expected 0..65535");
            }
            return value;
        }
    }
}
