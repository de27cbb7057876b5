package dev.portregistry;

import dev.portregistry.internal.ServiceNames;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IANA's {@code service-names-port-numbers.csv}, read exactly as IANA publishes it: the Service
 * Name and Transport Protocol Port Number Registry with its twelve columns. The one reader of that
 * format: {@code PortRegistry.withIanaCsv(Path)} and the build's importer both use it.
 *
 * <p>The file is CSV as in RFC 4180: a field in double quotes may hold commas, doubled quotes and
 * line breaks; lines end in CRLF or LF; a leading byte order mark is ignored. The first row must be
 * IANA's header ({@link #HEADER}) and every row must have its twelve fields.
 *
 * <p>How a row becomes an assignment:
 * <ul>
 * <li>The port is a number or a range {@code A-B} (such as {@code 6000-6063}, x11); a range
 *     stands for each of its ports. A row without a port number registers a service name only
 *     (DNS-SD) and is counted, not kept.</li>
 * <li>The transport is {@code tcp}, {@code udp}, {@code sctp} or {@code dccp}; an empty transport
 *     means TCP and UDP, as IANA means it (such as the de-registered 585 and 3403, and the old
 *     range records).</li>
 * <li>Status: a description saying "De-registered" is {@link LifecycleStatus#DEREGISTERED}; a row
 *     without a service name is {@link LifecycleStatus#RESERVED} if its description says
 *     "Reserved" or "any private ...", and otherwise (Unassigned, Removed and the like) marks an
 *     unassigned port and is counted, not kept; a named row whose description says "historic" is
 *     {@link LifecycleStatus#HISTORIC}, with that as its {@linkplain ServiceAssignment#reason()
 *     reason}; every other row is {@link LifecycleStatus#ACTIVE}.</li>
 * <li>Kept from the record: service name, description, registration and modification date (with
 *     IANA's precision, {@code 2005-08} or {@code 2006-04-25}), references, service code,
 *     unauthorized use reported and assignment notes. Left out: Assignee and Contact (people).
 *     Line breaks and runs of white space inside a field become one space.</li>
 * <li>References: IANA writes them as bracketed items, {@code [RFC6335][RFC9051]}. Each item
 *     becomes one entry: {@code [RFC1939]} reads {@code RFC 1939} (and {@code [RFC8765, Section
 *     6.1]} reads {@code RFC 8765, Section 6.1}); drafts, URLs, ISO and other documents are kept as
 *     written, without the brackets. Left out are items that name a person or nothing: one holding
 *     an e-mail address ({@code @}, or an address in angle brackets as IANA writes it with
 *     {@code &}), an IANA person id ({@code Mark_Lottor}: words joined by underscores, no space),
 *     a bare number (a footnote of IANA's registry, whose text the CSV does not carry) and
 *     {@code n/a}. Text outside brackets is one item.</li>
 * </ul>
 *
 * <p>Anything else (an unterminated quote, a wrong number of fields, a bad port, transport, date or
 * service name) fails with a {@link RegistryFormatException} naming the source and the line on
 * which the record starts.
 *
 * <p>Immutable and thread-safe once read.
 */
public final class IanaCsv {
    /** IANA's header row, exactly, in column order. */
    public static final List<String> HEADER = List.of("Service Name", "Port Number", "Transport Protocol",
            "Description", "Assignee", "Contact", "Registration Date", "Modification Date", "Reference",
            "Service Code", "Unauthorized Use Reported", "Assignment Notes");

    private static final int NAME = 0;
    private static final int PORT = 1;
    private static final int TRANSPORT = 2;
    private static final int DESCRIPTION = 3;
    private static final int REGISTERED = 6;
    private static final int MODIFIED = 7;
    private static final int REFERENCE = 8;
    private static final int SERVICE_CODE = 9;
    private static final int UNAUTHORIZED = 10;
    private static final int NOTES = 11;

    private static final Pattern DEREGISTERED = Pattern.compile("(?i)\\bde-?registered\\b");
    private static final Pattern HISTORIC = Pattern.compile("(?i)\\bhistoric\\b");
    private static final Pattern RESERVED = Pattern.compile("(?i)(\\breserved\\b|^any private\\b)");
    private static final Pattern RFC = Pattern.compile("RFC0*(\\d+)(.*)");
    private static final Pattern PERSON_ID = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}.'-]*(_[\\p{L}\\p{M}.'-]+)+");
    private static final Pattern EMAIL = Pattern.compile("@|<[^<>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** The reason given to an assignment IANA's own description calls historic. */
    static final String HISTORIC_REASON = "IANA's registry describes it as historic.";

    private final String source;
    private final List<Row> rows;
    private final int dataRows;
    private final int serviceOnlyRows;
    private final int unassignedRows;
    private final @Nullable RegistryDate newest;
    private final SortedMap<Integer, List<ServiceAssignment>> byPort;

    private IanaCsv(String source, List<Row> rows, int dataRows, int serviceOnlyRows, int unassignedRows,
                    @Nullable RegistryDate newest) {
        this.source = source;
        this.rows = List.copyOf(rows);
        this.dataRows = dataRows;
        this.serviceOnlyRows = serviceOnlyRows;
        this.unassignedRows = unassignedRows;
        this.newest = newest;
        this.byPort = Collections.unmodifiableSortedMap(byPort(this.rows));
    }

    /**
     * Reads IANA's CSV from a file, UTF-8.
     *
     * @param file the file, not null; named in error messages
     * @return the parsed registry file, never null
     * @throws NullPointerException    if file is null
     * @throws IOException             if the file cannot be read or is not UTF-8
     * @throws RegistryFormatException naming the file and line of the first bad record
     */
    public static IanaCsv read(Path file) throws IOException {
        Objects.requireNonNull(file, "file must not be null");
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads IANA's CSV from a reader, to its end; the reader is not closed.
     *
     * @param in     the text, not null
     * @param source a name for the text in error messages, such as its file name; not null
     * @return the parsed registry file, never null
     * @throws NullPointerException    if an argument is null
     * @throws IOException             if the reader fails
     * @throws RegistryFormatException naming the source and line of the first bad record
     */
    public static IanaCsv read(Reader in, String source) throws IOException {
        Objects.requireNonNull(in, "in must not be null");
        Objects.requireNonNull(source, "source must not be null");
        StringBuilder text = new StringBuilder(1 << 20);
        char[] buffer = new char[1 << 16];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            text.append(buffer, 0, n);
        }
        return parse(text, source);
    }

    // ---------------------------------------------------------------- what was read

    /** Returns the source named when reading, such as the file name; never null. */
    public String source() {
        return source;
    }

    /**
     * Returns the rows that carry an assignment (active, historic, de-registered or reserved), in
     * file order; rows that mark a port unassigned and rows without a port are not among them.
     *
     * @return an immutable list, never null
     */
    public List<Row> rows() {
        return rows;
    }

    /** Returns the number of records below the header, all kinds. */
    public int recordCount() {
        return dataRows;
    }

    /** Returns the number of records without a port number (service-name-only registrations), not kept. */
    public int serviceOnlyCount() {
        return serviceOnlyRows;
    }

    /** Returns the number of records that mark ports unassigned (Unassigned, Removed and the like), not kept. */
    public int unassignedCount() {
        return unassignedRows;
    }

    /**
     * Returns the newest registration or modification date in the file: how new the data is.
     *
     * @return the date, or empty if no record has a date
     */
    public Optional<RegistryDate> newestDate() {
        return Optional.ofNullable(newest);
    }

    /**
     * Returns the assignments of each port that has any, ports ascending. Rows of one port that
     * agree on every field but the transport are one assignment over all their transports; a
     * port's assignments are ordered by their first transport (TCP first), then file order.
     *
     * @return an immutable sorted map, never null
     */
    public SortedMap<Integer, List<ServiceAssignment>> assignmentsByPort() {
        return byPort;
    }

    /**
     * Returns the assignments of one port, as in {@link #assignmentsByPort()}.
     *
     * @param port the port, 0 to 65535
     * @return an immutable list, empty if the file assigns nothing there; never null
     * @throws IllegalArgumentException naming the value if the port is outside 0..65535
     */
    public List<ServiceAssignment> assignments(int port) {
        PortRange.checkPort(port);
        return byPort.getOrDefault(port, List.of());
    }

    @Override
    public String toString() {
        return "IanaCsv[" + source + ", " + rows.size() + " rows, newest " + newest + "]";
    }

    /**
     * One record of the file that carries an assignment: its line, its port or port range, and
     * the assignment it states over the transports of that row.
     *
     * <p>Immutable and thread-safe.
     */
    public static final class Row {
        private final int line;
        private final int firstPort;
        private final int lastPort;
        private final ServiceAssignment assignment;

        Row(int line, int firstPort, int lastPort, ServiceAssignment assignment) {
            this.line = line;
            this.firstPort = firstPort;
            this.lastPort = lastPort;
            this.assignment = assignment;
        }

        /** Returns the 1-based line of the file on which the record starts. */
        public int line() {
            return line;
        }

        /** Returns the port, or the first port of a range. */
        public int firstPort() {
            return firstPort;
        }

        /** Returns the port, or the last port of a range; equal to {@link #firstPort()} for one port. */
        public int lastPort() {
            return lastPort;
        }

        /** Returns the assignment this record states, with IANA's fields; never null. */
        public ServiceAssignment assignment() {
            return assignment;
        }

        @Override
        public String toString() {
            return line + ": " + (firstPort == lastPort ? "" + firstPort : firstPort + "-" + lastPort) + " " + assignment;
        }
    }

    // ---------------------------------------------------------------- parsing

    static IanaCsv parse(CharSequence text, String source) {
        Records records = new Records(text, source);
        List<String> header = records.next();
        if (header == null || !header.equals(HEADER)) {
            throw new RegistryFormatException(source, 1, "expected IANA's header \"" + String.join(",", HEADER)
                    + "\", found " + (header == null ? "an empty file" : "\"" + String.join(",", header) + "\""));
        }
        List<Row> rows = new ArrayList<>(16_384);
        int data = 0;
        int serviceOnly = 0;
        int unassigned = 0;
        @Nullable RegistryDate newest = null;
        for (List<String> f; (f = records.next()) != null; ) {
            int line = records.recordLine;
            data++;
            if (f.size() != HEADER.size()) {
                throw new RegistryFormatException(source, line, "expected " + HEADER.size()
                        + " fields (IANA's columns), found " + f.size());
            }
            RegistryDate registered = date(f.get(REGISTERED), "registration date", source, line);
            RegistryDate modified = date(f.get(MODIFIED), "modification date", source, line);
            newest = newer(newer(newest, registered), modified);
            String name = f.get(NAME).trim();
            if (!name.isEmpty()) {
                String problem = ServiceNames.problem(name);
                if (problem != null) {
                    throw new RegistryFormatException(source, line, "service name " + ServiceNames.quote(name) + " "
                            + problem + ": expected an IANA service name such as \"http\"");
                }
            }
            String portText = f.get(PORT).trim();
            if (portText.isEmpty()) {
                serviceOnly++;
                continue;
            }
            int[] range = range(portText, source, line);
            Set<Transport> transports = transports(f.get(TRANSPORT).trim(), source, line);
            String description = oneLine(f.get(DESCRIPTION));
            LifecycleStatus status = status(name, description);
            if (status == null) {
                unassigned++;
                continue;
            }
            ServiceAssignment a = ServiceAssignment.builder().name(name).description(description)
                    .transports(transports).status(status)
                    .reason(status == LifecycleStatus.HISTORIC ? HISTORIC_REASON : "")
                    .registrationDate(registered).modificationDate(modified)
                    .references(references(f.get(REFERENCE)))
                    .serviceCode(oneLine(f.get(SERVICE_CODE)))
                    .unauthorizedUseReported(oneLine(f.get(UNAUTHORIZED)))
                    .assignmentNotes(oneLine(f.get(NOTES)))
                    .build();
            rows.add(new Row(line, range[0], range[1], a));
        }
        return new IanaCsv(source, rows, data, serviceOnly, unassigned, newest);
    }

    /** The status a row states, or null for a row that marks its ports unassigned. */
    static @Nullable LifecycleStatus status(String name, String description) {
        if (DEREGISTERED.matcher(description).find()) {
            return LifecycleStatus.DEREGISTERED;
        }
        if (name.isEmpty()) {
            return RESERVED.matcher(description).find() ? LifecycleStatus.RESERVED : null;
        }
        return HISTORIC.matcher(description).find() ? LifecycleStatus.HISTORIC : LifecycleStatus.ACTIVE;
    }

    private static @Nullable RegistryDate newer(@Nullable RegistryDate a, @Nullable RegistryDate b) {
        return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private static @Nullable RegistryDate date(String text, String what, String source, int line) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return RegistryDate.parse(t);
        } catch (IllegalArgumentException e) {
            throw new RegistryFormatException(source, line, what + " \"" + t + "\" is invalid: expected yyyy-MM or yyyy-MM-dd");
        }
    }

    private static int[] range(String text, String source, int line) {
        int dash = text.indexOf('-');
        int first = port(dash < 0 ? text : text.substring(0, dash), text, source, line);
        int last = dash < 0 ? first : port(text.substring(dash + 1), text, source, line);
        if (last < first) {
            throw new RegistryFormatException(source, line, "port range \"" + text
                    + "\" is invalid: expected first <= last");
        }
        return new int[] {first, last};
    }

    private static int port(String digits, String whole, String source, int line) {
        String d = digits.trim();
        boolean ok = !d.isEmpty() && d.length() <= 5;
        for (int i = 0; ok && i < d.length(); i++) {
            ok = d.charAt(i) >= '0' && d.charAt(i) <= '9';
        }
        int value = ok ? Integer.parseInt(d) : -1;
        if (value < 0 || value > PortRange.MAX_PORT) {
            throw new RegistryFormatException(source, line, "port number \"" + whole
                    + "\" is invalid: expected a port 0..65535 or a range such as 6000-6063");
        }
        return value;
    }

    private static Set<Transport> transports(String text, String source, int line) {
        if (text.isEmpty()) {
            return EnumSet.of(Transport.TCP, Transport.UDP);
        }
        for (Transport t : Transport.values()) {
            if (t.label().equalsIgnoreCase(text)) {
                return EnumSet.of(t);
            }
        }
        throw new RegistryFormatException(source, line, "transport protocol \"" + text
                + "\" is unknown: expected tcp, udp, sctp, dccp or empty (TCP and UDP)");
    }

    /** Line breaks and runs of white space become one space; the ends are trimmed. */
    static String oneLine(String s) {
        int n = s.length();
        boolean plain = n == 0 || (s.charAt(0) > ' ' && s.charAt(n - 1) > ' ');
        for (int i = 0; plain && i < n; i++) {
            char c = s.charAt(i);
            plain = c > ' ' || (c == ' ' && s.charAt(i + 1) > ' ');
        }
        return plain ? s : SPACES.matcher(s).replaceAll(" ").trim();
    }

    /** IANA's reference field as readable items; see the class description for the rule. */
    static List<String> references(String field) {
        if (field.isBlank()) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        int i = 0;
        int n = field.length();
        StringBuilder outside = new StringBuilder();
        while (i < n) {
            char c = field.charAt(i);
            int close = c == '[' ? field.indexOf(']', i + 1) : -1;
            if (close < 0) {
                outside.append(c);
                i++;
                continue;
            }
            reference(field.substring(i + 1, close), out);
            i = close + 1;
        }
        reference(outside.toString(), out);
        return List.copyOf(out);
    }

    private static void reference(String raw, Set<String> out) {
        String item = oneLine(raw);
        if (item.isBlank() || item.equalsIgnoreCase("n/a") || EMAIL.matcher(item).find()
                || PERSON_ID.matcher(item).matches() || item.chars().allMatch(Character::isDigit)) {
            return;
        }
        Matcher m = RFC.matcher(item);
        out.add(m.matches() ? "RFC " + m.group(1) + m.group(2) : item);
    }

    private static SortedMap<Integer, List<ServiceAssignment>> byPort(List<Row> rows) {
        // per port: assignments keyed by every field but the transports, in first-seen order
        SortedMap<Integer, List<ServiceAssignment>> drafts = new TreeMap<>();
        for (Row r : rows) {
            for (int port = r.firstPort; port <= r.lastPort; port++) {
                List<ServiceAssignment> list = drafts.computeIfAbsent(port, p -> new ArrayList<>(2));
                merge(list, r.assignment);
            }
        }
        for (var e : drafts.entrySet()) {
            List<ServiceAssignment> list = e.getValue();
            if (list.size() > 1) {
                List<ServiceAssignment> sorted = new ArrayList<>(list);
                // stable: file order among assignments with the same first transport
                sorted.sort((a, b) -> a.transports().iterator().next().compareTo(b.transports().iterator().next()));
                list = sorted;
            }
            e.setValue(List.copyOf(list));
        }
        return drafts;
    }

    private static void merge(List<ServiceAssignment> list, ServiceAssignment a) {
        for (int i = 0; i < list.size(); i++) {
            ServiceAssignment b = list.get(i);
            if (sameButTransports(a, b)) {
                EnumSet<Transport> all = EnumSet.copyOf(b.transports());
                all.addAll(a.transports());
                list.set(i, b.toBuilder().transports(all).build());
                return;
            }
        }
        list.add(a);
    }

    private static boolean sameButTransports(ServiceAssignment a, ServiceAssignment b) {
        return a.name().equals(b.name()) && a.description().equals(b.description()) && a.status() == b.status()
                && a.registrationDate().equals(b.registrationDate()) && a.modificationDate().equals(b.modificationDate())
                && a.references().equals(b.references()) && a.serviceCode().equals(b.serviceCode())
                && a.unauthorizedUseReported().equals(b.unauthorizedUseReported())
                && a.assignmentNotes().equals(b.assignmentNotes());
    }

    /** Splits the text into records (RFC 4180), remembering the line each starts on. */
    private static final class Records {
        private final CharSequence text;
        private final String source;
        private final int length;
        private int pos;
        private int line = 1;
        /** The 1-based line on which the record last returned starts. */
        int recordLine;

        Records(CharSequence text, String source) {
            this.text = text;
            this.source = source;
            this.length = text.length();
            if (length > 0 && text.charAt(0) == '\uFEFF') {
                pos = 1;
            }
        }

        /** @return the next record's fields, or null at the end; blank lines are skipped */
        @Nullable List<String> next() {
            while (pos < length && (text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
                if (text.charAt(pos) == '\n') {
                    line++;
                }
                pos++;
            }
            if (pos >= length) {
                return null;
            }
            recordLine = line;
            List<String> fields = new ArrayList<>(12);
            StringBuilder field = new StringBuilder(32);
            while (true) {
                if (pos < length && text.charAt(pos) == '"') {
                    pos++;
                    quoted(field);
                } else {
                    while (pos < length) {
                        char c = text.charAt(pos);
                        if (c == ',' || c == '\n' || c == '\r') {
                            break;
                        }
                        if (c == '"') {
                            throw new RegistryFormatException(source, recordLine, "a quote inside an unquoted field \""
                                    + field + "\": expected the whole field in quotes, with quotes doubled");
                        }
                        field.append(c);
                        pos++;
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (pos >= length) {
                    return fields;
                }
                char c = text.charAt(pos);
                if (c == ',') {
                    pos++;
                    continue;
                }
                // end of the record: CRLF or LF (or a lone CR)
                pos++;
                if (c == '\r' && pos < length && text.charAt(pos) == '\n') {
                    pos++;
                }
                line++;
                return fields;
            }
        }

        /** Reads a quoted field's content after its opening quote, up to and past its closing quote. */
        private void quoted(StringBuilder field) {
            while (pos < length) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    if (pos < length && text.charAt(pos) == '"') {
                        field.append('"');
                        pos++;
                        continue;
                    }
                    if (pos < length && text.charAt(pos) != ',' && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                        throw new RegistryFormatException(source, recordLine, "unexpected '" + text.charAt(pos)
                                + "' after a closing quote: expected a comma or the end of the line");
                    }
                    return;
                }
                if (c == '\n') {
                    line++;
                }
                field.append(c);
            }
            throw new RegistryFormatException(source, recordLine,
                    "a quoted field is never closed: expected a closing quote before the end of the file");
        }
    }
}
