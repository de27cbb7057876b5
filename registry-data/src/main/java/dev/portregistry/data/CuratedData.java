package dev.portregistry.data;

import dev.portregistry.LifecycleStatus;
import dev.portregistry.Program;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The curated knowledge, written by the project in its own words, read strictly from JSON files
 * in {@code data/curated/}: for each of the four kinds below, {@code <kind>.json} and/or every
 * {@code *.json} in a folder {@code <kind>/}. Every entry names what it rests on ({@code basis}).
 * <ul>
 *   <li>{@code alternate-uses.json}: software that runs on ports it does not hold, and malware.
 *       Fields: {@code name, ports, transports, kind (unofficial|malware), description, basis},
 *       optional {@code officialPort}, and optional {@code officialOverlapReason}: why an unofficial use
 *       may name the program or protocol that IANA assigns the port to ({@link UnofficialUseCheck}).</li>
 *   <li>{@code lifecycle.json}: assignments whose product is discontinued or whose protocol is
 *       historic. Fields: {@code port, service, status (abandoned|historic), note, basis}; for
 *       abandoned also {@code product}, optional {@code vendor} and {@code discontinued} (year).</li>
 *   <li>{@code related.json}: port families. Fields: {@code name, ports, basis}.</li>
 *   <li>{@code names.json}: common names that resolve like a service. Fields: {@code name, basis}
 *       and exactly one of {@code service} (a name the registry already resolves) or {@code ports}.</li>
 * </ul>
 * {@code ports} is an array of numbers and {@code "A-B"} range strings.
 *
 * @param alternateUses the alternate uses, in file order
 * @param lifecycle     the lifecycle notes, in file order
 * @param related       the port families, in file order
 * @param names         the common names, in file order
 */
public record CuratedData(List<AlternateUseEntry> alternateUses, List<LifecycleEntry> lifecycle,
                          List<RelatedGroup> related, List<CommonName> names, List<ProgramEntry> programs) {

    /** Curated data without program entries. */
    public CuratedData(List<AlternateUseEntry> alternateUses, List<LifecycleEntry> lifecycle,
                       List<RelatedGroup> related, List<CommonName> names) {
        this(alternateUses, lifecycle, related, names, List.of());
    }

    /** The optional fifth kind: programs that serve an IANA service or a curated alternate use. */
    public static final String PROGRAMS_FILE = "programs.json";

    /**
     * Programs known to serve an IANA service ({@code service}) or a curated alternate use ({@code use}),
     * exactly one of the two: executables by name, and runtimes told by a command-line marker.
     */
    public record ProgramEntry(String file, int line, String service, String use, List<Program> programs,
                               String basis) {
    }

    /** The curated files, in the order they are read. */
    public static final List<String> FILES = List.of("alternate-uses.json", "lifecycle.json", "related.json", "names.json");

    /**
     * An alternate use of one or more ports.
     *
     * @param officialOverlapReason why the use may name what IANA assigns the port to, or "" (the
     *                              usual case)
     */
    public record AlternateUseEntry(String file, int line, String name, List<Integer> ports, Set<Transport> transports,
                                    UseKind kind, OptionalInt officialPort, String description, String basis,
                                    String officialOverlapReason, int firstYear, int lastYear) {

        /** An entry without an {@code officialOverlapReason} and without an era (first and last year 0: unknown). */
        public AlternateUseEntry(String file, int line, String name, List<Integer> ports, Set<Transport> transports,
                                 UseKind kind, OptionalInt officialPort, String description, String basis) {
            this(file, line, name, ports, transports, kind, officialPort, description, basis, "", 0, 0);
        }
    }

    /** A lifecycle override of one assignment. */
    public record LifecycleEntry(String file, int line, int port, String service, LifecycleStatus status,
                                 String product, String vendor, OptionalInt discontinued, String reason, String basis) {
    }

    /** A family of ports that belong together. */
    public record RelatedGroup(String file, int line, String name, List<Integer> ports, String basis) {
    }

    /** A common name and what it resolves to. */
    public record CommonName(String file, int line, String name, String service, List<Integer> ports, String basis) {
    }

    private static final Set<String> USE_FIELDS =
            Set.of("name", "ports", "transports", "kind", "officialPort", "description", "basis",
                    "officialOverlapReason", "firstYear", "lastYear");
    private static final Set<String> LIFECYCLE_FIELDS =
            Set.of("port", "service", "status", "product", "vendor", "discontinued", "reason", "basis");
    private static final Set<String> RELATED_FIELDS = Set.of("name", "ports", "basis");
    private static final Set<String> NAME_FIELDS = Set.of("name", "service", "ports", "basis");

    /**
     * Reads and validates the curated files of a directory; every file must exist.
     *
     * @param dir the {@code curated} directory, not null
     * @return the data, never null
     * @throws SourceException naming the file and line of the first bad entry, or the file if it
     *                         cannot be read
     */
    public static CuratedData read(Path dir) {
        return new CuratedData(
                alternateUses(entries(dir, FILES.get(0))),
                lifecycle(entries(dir, FILES.get(1))),
                related(entries(dir, FILES.get(2))),
                names(entries(dir, FILES.get(3))),
                programs(optionalEntries(dir, PROGRAMS_FILE)));
    }

    /** The entries of an optional kind: none when neither its file nor its folder exists. */
    private static List<JsonEntries.Entry> optionalEntries(Path dir, String fileName) {
        Path folder = dir.resolve(fileName.substring(0, fileName.length() - ".json".length()));
        if (!Files.exists(dir.resolve(fileName)) && !Files.isDirectory(folder)) {
            return List.of();
        }
        return entries(dir, fileName);
    }

    private static final Set<String> PROGRAM_FIELDS = Set.of("service", "use", "programs", "runtimes", "basis");
    private static final Set<String> RUNTIME_FIELDS = Set.of("runtime", "marker");

    static List<ProgramEntry> programs(List<JsonEntries.Entry> entries) {
        List<ProgramEntry> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonEntries.Entry e : entries) {
            e.allowOnly(PROGRAM_FIELDS);
            if (e.has("service") == e.has("use")) {
                throw e.error("expected exactly one of \"service\" (an IANA service name) or \"use\" (a curated alternate use)");
            }
            String service = e.optionalText("service");
            String use = e.optionalText("use");
            List<Program> programs = new ArrayList<>();
            try {
                if (e.has("programs") && !e.node.get("programs").isEmpty()) {
                    for (String name : e.texts("programs")) {
                        programs.add(Program.executable(name));
                    }
                }
                if (e.has("runtimes")) {
                    com.fasterxml.jackson.databind.JsonNode runtimes = e.node.get("runtimes");
                    if (!runtimes.isArray()) {
                        throw e.error("field \"runtimes\" must be an array of {runtime, marker} objects");
                    }
                    for (com.fasterxml.jackson.databind.JsonNode r : runtimes) {
                        if (!r.isObject()) {
                            throw e.error("field \"runtimes\" must hold {runtime, marker} objects, found " + r);
                        }
                        JsonEntries.Entry re = new JsonEntries.Entry(e.file, e.line,
                                (com.fasterxml.jackson.databind.node.ObjectNode) r);
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
            String key = service.isEmpty() ? "use/" + use : "service/" + service.toLowerCase(Locale.ROOT);
            if (!seen.add(key)) {
                throw e.error("duplicate entry: " + key + " is already listed");
            }
            out.add(new ProgramEntry(e.file, e.line, service, use, List.copyOf(programs), e.text("basis")));
        }
        return List.copyOf(out);
    }

    /**
     * Reads the entries of one kind: the file {@code <kind>.json} and every {@code *.json} in the
     * folder {@code <kind>/}, in file-name order; at least one of them must exist. Duplicates are
     * checked across all of them.
     */
    private static List<JsonEntries.Entry> entries(Path dir, String fileName) {
        Path single = dir.resolve(fileName);
        Path folder = dir.resolve(fileName.substring(0, fileName.length() - ".json".length()));
        List<Path> files = new ArrayList<>();
        if (Files.exists(single)) {
            files.add(single);
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.list(folder)) {
                s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new SourceException(folder.toString(), 0, "cannot list the folder: " + e);
            }
        }
        if (files.isEmpty()) {
            throw new SourceException(single.toString(), 0, "missing curated file: expected " + fileName
                    + " or a folder " + folder.getFileName() + "/ of *.json files in " + dir);
        }
        List<JsonEntries.Entry> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(JsonEntries.read(content(f), f.toString()));
        }
        return out;
    }

    private static String content(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceException(file.toString(), 0, "cannot read: " + e);
        }
    }

    static List<AlternateUseEntry> alternateUses(List<JsonEntries.Entry> entries) {
        List<AlternateUseEntry> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonEntries.Entry e : entries) {
            e.allowOnly(USE_FIELDS);
            String name = e.serviceName("name");
            List<Integer> ports = e.ports("ports");
            Set<Transport> transports = transports(e);
            UseKind kind = enumValue(e, "kind", EnumSet.allOf(UseKind.class));
            OptionalInt official = e.has("officialPort")
                    ? OptionalInt.of(e.integer("officialPort", 0, 65535)) : OptionalInt.empty();
            String description = e.text("description");
            String basis = e.text("basis");
            String overlapReason = e.optionalText("officialOverlapReason");
            int firstYear = e.has("firstYear") ? e.integer("firstYear", 1970, 2100) : 0;
            int lastYear = e.has("lastYear") ? e.integer("lastYear", 1970, 2100) : 0;
            if (firstYear != 0 && lastYear != 0 && lastYear < firstYear) {
                throw e.error("lastYear " + lastYear + " is before firstYear " + firstYear
                        + ": expected lastYear >= firstYear");
            }
            for (int port : ports) {
                if (!seen.add(port + "/" + name.toLowerCase(Locale.ROOT) + "/" + kind)) {
                    throw e.error("duplicate entry: " + name + " (" + kind.name().toLowerCase(Locale.ROOT)
                            + ") on port " + port + " is already listed");
                }
            }
            out.add(new AlternateUseEntry(e.file, e.line, name, List.copyOf(ports), transports, kind, official,
                    description, basis, overlapReason, firstYear, lastYear));
        }
        return List.copyOf(out);
    }

    static List<LifecycleEntry> lifecycle(List<JsonEntries.Entry> entries) {
        List<LifecycleEntry> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonEntries.Entry e : entries) {
            e.allowOnly(LIFECYCLE_FIELDS);
            int port = e.integer("port", 0, 65535);
            String service = e.text("service");
            LifecycleStatus status = enumValue(e, "status",
                    EnumSet.of(LifecycleStatus.ABANDONED, LifecycleStatus.HISTORIC));
            String basis = e.text("basis");
            String product;
            String vendor = e.optionalText("vendor");
            OptionalInt year = OptionalInt.empty();
            String note;
            if (status == LifecycleStatus.ABANDONED) {
                product = e.text("product");
                if (e.has("discontinued")) {
                    year = OptionalInt.of(e.integer("discontinued", 1970, 2100));
                }
                note = e.optionalText("reason");
            } else {
                for (String f : List.of("product", "vendor", "discontinued")) {
                    if (e.has(f)) {
                        throw e.error("field \"" + f + "\" belongs to abandoned entries, not historic ones");
                    }
                }
                product = "";
                note = e.text("reason");
            }
            if (!seen.add(port + "/" + service)) {
                throw e.error("duplicate entry: " + service + " on port " + port + " is already listed");
            }
            out.add(new LifecycleEntry(e.file, e.line, port, service, status, product, vendor, year, note, basis));
        }
        return List.copyOf(out);
    }

    static List<RelatedGroup> related(List<JsonEntries.Entry> entries) {
        List<RelatedGroup> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonEntries.Entry e : entries) {
            e.allowOnly(RELATED_FIELDS);
            String name = e.text("name");
            List<Integer> ports = e.ports("ports");
            if (ports.size() < 2 || new HashSet<>(ports).size() != ports.size()) {
                throw e.error("group \"" + name + "\" must list at least two distinct ports, without repeats");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw e.error("duplicate entry: group \"" + name + "\" is already listed");
            }
            out.add(new RelatedGroup(e.file, e.line, name, List.copyOf(ports), e.text("basis")));
        }
        return List.copyOf(out);
    }

    static List<CommonName> names(List<JsonEntries.Entry> entries) {
        List<CommonName> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonEntries.Entry e : entries) {
            e.allowOnly(NAME_FIELDS);
            String name = e.serviceName("name");
            if (e.has("service") == e.has("ports")) {
                throw e.error("name \"" + name + "\" must have exactly one of \"service\" or \"ports\"");
            }
            String service = e.optionalText("service");
            List<Integer> ports = e.has("ports") ? List.copyOf(e.ports("ports")) : List.of();
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw e.error("duplicate entry: name \"" + name + "\" is already listed");
            }
            out.add(new CommonName(e.file, e.line, name, service, ports, e.text("basis")));
        }
        return List.copyOf(out);
    }

    private static Set<Transport> transports(JsonEntries.Entry e) {
        EnumSet<Transport> set = EnumSet.noneOf(Transport.class);
        for (String t : e.texts("transports")) {
            Transport parsed;
            try {
                parsed = Transport.parse(t);
            } catch (IllegalArgumentException ex) {
                throw e.error(ex.getMessage());
            }
            if (!set.add(parsed)) {
                throw e.error("transport " + t + " is listed twice");
            }
        }
        return set;
    }

    private static <E extends Enum<E>> E enumValue(JsonEntries.Entry e, String field, Set<E> allowed) {
        String text = e.text(field);
        for (E value : allowed) {
            if (value.name().equalsIgnoreCase(text)) {
                return value;
            }
        }
        List<String> names = new ArrayList<>();
        allowed.forEach(v -> names.add(v.name().toLowerCase(Locale.ROOT)));
        throw e.error("field \"" + field + "\" is \"" + text + "\": expected one of " + names);
    }
}
