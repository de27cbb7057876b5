package dev.portregistry.json;

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
import dev.portregistry.RegistryFormatException;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an {@link Overlay} from JSON in the project's curated format, so that local knowledge can
 * be written the way the bundled knowledge is. Either of:
 * <ul>
 *   <li>one of the curated files itself, a JSON array, its kind told by the file name:
 *       {@code alternate-uses.json}, {@code lifecycle.json}, {@code related.json} or
 *       {@code names.json} (any prefix, such as {@code ops-alternate-uses.json}, is allowed), or
 *       by the folder it is in, as in the curated layout: {@code alternate-uses/games.json};</li>
 *   <li>an object whose optional members {@code assignments}, {@code alternateUses},
 *       {@code lifecycle}, {@code related} and {@code names} each hold such an array.</li>
 * </ul>
 * Entries (ports are numbers or {@code "A-B"} ranges; transports {@code tcp}, {@code udp},
 * {@code sctp}, {@code dccp}):
 * <ul>
 *   <li>assignments: {@code name, ports, transports}, optional {@code description, aliases, status
 *       (active|abandoned|historic|deregistered), reason}, e.g.
 *       {@code {"name": "billing", "ports": [7443], "transports": ["tcp"], "description": "our billing service"}}</li>
 *   <li>alternateUses: {@code name, ports, transports, kind (unofficial|malware), description, basis},
 *       optional {@code officialPort} and {@code officialOverlapReason} (read for the compiler's
 *       check of the curated files; an overlay does not keep it)</li>
 *   <li>lifecycle: {@code port, service, status (abandoned|historic), basis}; abandoned also
 *       {@code product}, optional {@code vendor, discontinued (year), reason}; historic also {@code reason}</li>
 *   <li>related: {@code name, ports, basis}</li>
 *   <li>names: {@code name, basis} and exactly one of {@code service} or {@code ports}</li>
 * </ul>
 * Strict: malformed JSON, a repeated key, an unknown member or field, a missing or empty field, a
 * value of the wrong type, a port outside 0..65535 or an unknown transport, kind or status fails
 * with an {@link RegistryFormatException} naming the file and the line of the entry.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonOverlay {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private static final List<String> KINDS = List.of("assignments", "alternateUses", "lifecycle", "related", "names");
    private static final Map<String, String> FILE_KINDS = Map.of(
            "alternate-uses.json", "alternateUses", "lifecycle.json", "lifecycle",
            "related.json", "related", "names.json", "names", "assignments.json", "assignments");

    private static final Set<String> ASSIGNMENT_FIELDS =
            Set.of("name", "ports", "transports", "description", "aliases", "status", "reason");
    private static final Set<String> USE_FIELDS =
            Set.of("name", "ports", "transports", "kind", "officialPort", "description", "basis",
                    "officialOverlapReason", "firstYear", "lastYear");
    private static final Set<String> LIFECYCLE_FIELDS =
            Set.of("port", "service", "status", "product", "vendor", "discontinued", "reason", "basis");
    private static final Set<String> RELATED_FIELDS = Set.of("name", "ports", "basis");
    private static final Set<String> NAME_FIELDS = Set.of("name", "service", "ports", "basis");

    private JsonOverlay() {
    }

    /**
     * Reads an overlay from a JSON file in UTF-8; the file's path is the overlay's source.
     *
     * @param file the file, not null
     * @return the overlay, never null
     * @throws NullPointerException   if file is null
     * @throws IOException            if the file cannot be read
     * @throws RegistryFormatException naming the file and line of the first bad entry
     */
    public static Overlay read(Path file) throws IOException {
        Objects.requireNonNull(file, "file must not be null");
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Reads an overlay from JSON text.
     *
     * @param json   the JSON, not null
     * @param source the file name, used in error messages and to tell the kind of a top-level
     *               array; not null or blank
     * @return the overlay, never null
     * @throws NullPointerException   if an argument is null
     * @throws RegistryFormatException naming the source and line of the first bad entry
     */
    public static Overlay parse(String json, String source) {
        Objects.requireNonNull(json, "json must not be null");
        Objects.requireNonNull(source, "source must not be null");
        Overlay.Builder b = Overlay.builder(source);
        try (JsonParser p = MAPPER.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                entries(p, b, source, kindOfFile(source));
            } else if (first == JsonToken.START_OBJECT) {
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String member = p.currentName();
                    int line = p.currentTokenLocation().getLineNr();
                    if (!KINDS.contains(member)) {
                        throw new RegistryFormatException(source, line, "unknown member \"" + member + "\": expected "
                                + String.join(", ", KINDS));
                    }
                    if (p.nextToken() != JsonToken.START_ARRAY) {
                        throw new RegistryFormatException(source, line, "member \"" + member + "\" must be an array of objects");
                    }
                    entries(p, b, source, member);
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new RegistryFormatException(source, p.currentTokenLocation().getLineNr(), "unexpected " + t);
                }
            } else {
                throw new RegistryFormatException(source, first == null ? 1 : p.currentTokenLocation().getLineNr(),
                        "expected a JSON object of entry arrays or a curated array, found " + (first == null ? "nothing" : first));
            }
            if (p.nextToken() != null) {
                throw new RegistryFormatException(source, p.currentTokenLocation().getLineNr(), "unexpected content after the overlay");
            }
        } catch (JsonProcessingException e) {
            throw new RegistryFormatException(source, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RegistryFormatException(source, 0, "cannot read: " + e.getMessage());
        }
        return b.build();
    }

    private static String kindOfFile(String source) {
        Path path = Path.of(source);
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

    private static void entries(JsonParser p, Overlay.Builder b, String source, String kind) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            int line = p.currentTokenLocation().getLineNr();
            if (t != JsonToken.START_OBJECT) {
                throw new RegistryFormatException(source, line, "expected an object in \"" + kind + "\", found " + t);
            }
            Entry e = new Entry(source, line, MAPPER.readTree(p));
            b.line(line);
            switch (kind) {
                case "assignments" -> assignment(e, b);
                case "alternateUses" -> alternateUse(e, b);
                case "lifecycle" -> lifecycle(e, b);
                case "related" -> related(e, b);
                default -> name(e, b);
            }
        }
    }

    private static void assignment(Entry e, Overlay.Builder b) {
        e.allowOnly(ASSIGNMENT_FIELDS);
        String name = e.text("name");
        List<Integer> ports = e.ports("ports");
        Set<Transport> transports = e.transports();
        String description = e.optionalText("description");
        LifecycleStatus status = e.has("status") ? e.enumValue("status",
                EnumSet.of(LifecycleStatus.ACTIVE, LifecycleStatus.ABANDONED, LifecycleStatus.HISTORIC,
                        LifecycleStatus.DEREGISTERED)) : LifecycleStatus.ACTIVE;
        String reason = e.optionalText("reason");
        String[] aliases = e.has("aliases") ? e.texts("aliases").toArray(new String[0]) : new String[0];
        for (int port : ports) {
            b.assign(port, ServiceAssignment.builder().name(name).description(description).transports(transports).status(status).reason(reason).build(), aliases);
        }
    }

    private static void alternateUse(Entry e, Overlay.Builder b) {
        e.allowOnly(USE_FIELDS);
        String name = e.text("name");
        List<Integer> ports = e.ports("ports");
        Set<Transport> transports = e.transports();
        UseKind kind = e.enumValue("kind", EnumSet.allOf(UseKind.class));
        AlternateUse.Builder ub = AlternateUse.builder().name(name).description(e.text("description"))
                .transports(transports).kind(kind).basis(e.text("basis"));
        if (e.has("officialPort")) {
            ub.officialPort(e.integer("officialPort", 0, 65535));
        }
        if (e.has("firstYear")) {
            ub.firstYear(e.integer("firstYear", 1970, 2100));
        }
        if (e.has("lastYear")) {
            ub.lastYear(e.integer("lastYear", 1970, 2100));
        }
        if (e.has("officialOverlapReason")) {
            e.text("officialOverlapReason"); // checked like every text field, not kept
        }
        AlternateUse use;
        try {
            use = ub.build();
        } catch (IllegalArgumentException ex) {
            throw e.error(ex.getMessage());
        }
        for (int port : ports) {
            b.alternateUse(port, use);
        }
    }

    private static void lifecycle(Entry e, Overlay.Builder b) {
        e.allowOnly(LIFECYCLE_FIELDS);
        int port = e.integer("port", 0, 65535);
        String service = e.text("service");
        LifecycleStatus status = e.enumValue("status", EnumSet.of(LifecycleStatus.ABANDONED, LifecycleStatus.HISTORIC));
        Lifecycle lifecycle = Lifecycle.of(status).withBasis(e.text("basis"));
        if (status == LifecycleStatus.ABANDONED) {
            lifecycle = lifecycle.withProduct(e.text("product")).withVendor(e.optionalText("vendor"))
                    .withReason(e.optionalText("reason"));
            if (e.has("discontinued")) {
                lifecycle = lifecycle.withDiscontinuedYear(e.integer("discontinued", 1970, 2100));
            }
        } else {
            for (String f : List.of("product", "vendor", "discontinued")) {
                if (e.has(f)) {
                    throw e.error("field \"" + f + "\" belongs to abandoned entries, not historic ones");
                }
            }
            lifecycle = lifecycle.withReason(e.text("reason"));
        }
        b.lifecycle(port, service, lifecycle);
    }

    private static void related(Entry e, Overlay.Builder b) {
        e.allowOnly(RELATED_FIELDS);
        e.text("name");
        e.text("basis");
        b.related(e.ports("ports").stream().mapToInt(Integer::intValue).toArray());
    }

    private static void name(Entry e, Overlay.Builder b) {
        e.allowOnly(NAME_FIELDS);
        String name = e.text("name");
        e.text("basis");
        if (e.has("service") == e.has("ports")) {
            throw e.error("name \"" + name + "\" must have exactly one of \"service\" or \"ports\"");
        }
        if (e.has("service")) {
            b.alias(name, e.text("service"));
        } else {
            b.name(name, e.ports("ports").stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** One object of an overlay, with its line; every accessor fails with file and line. */
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

        String text(String field) {
            JsonNode v = required(field);
            if (!v.isTextual()) {
                throw error("field \"" + field + "\" is " + v + ": expected a string");
            }
            String s = v.asText().strip();
            if (s.isEmpty()) {
                throw error("field \"" + field + "\" is empty: expected some text");
            }
            return s;
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
            return out;
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

        /** Numbers and "A-B" ranges, expanded in order, without repeats. */
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
