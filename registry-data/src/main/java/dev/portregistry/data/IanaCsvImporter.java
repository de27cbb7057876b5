package dev.portregistry.data;

import dev.portregistry.Transport;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Imports IANA's own {@code service-names-port-numbers.csv}, so that a refresh can come straight
 * from IANA. RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks.
 *
 * <p>Rules: the header must be IANA's twelve columns. A row with an empty port number is a
 * service-name-only registration (DNS-SD) and is counted, not imported. The port is a number or a
 * range {@code A-B}. An empty transport (IANA's old range records such as {@code flex-lm
 * 27000-27009}, and {@code 49151}) means TCP and UDP. Anything else fails with file and line.
 */
public final class IanaCsvImporter {
    /** IANA's header, exactly. */
    public static final List<String> HEADER = List.of("Service Name", "Port Number", "Transport Protocol",
            "Description", "Assignee", "Contact", "Registration Date", "Modification Date", "Reference",
            "Service Code", "Unauthorized Use Reported", "Assignment Notes");

    /**
     * What an import yields.
     *
     * @param records         the port records, in file order
     * @param serviceOnlyRows rows without a port number (service-name-only registrations), not imported
     */
    public record Result(List<OfficialRecord> records, int serviceOnlyRows) {
    }

    private IanaCsvImporter() {
    }

    /**
     * Parses the CSV text.
     *
     * @param text the whole file, not null
     * @param file the name used in error messages and records, not null
     * @return the records and the count of rows without a port, never null
     * @throws SourceException on the first bad row, naming file and line
     */
    public static Result parse(String text, String file) {
        List<Row> rows = rows(text, file);
        if (rows.isEmpty() || !rows.get(0).fields.equals(HEADER)) {
            throw new SourceException(file, 1, "expected IANA's header " + String.join(",", HEADER)
                    + ", found " + (rows.isEmpty() ? "an empty file" : String.join(",", rows.get(0).fields)));
        }
        List<OfficialRecord> out = new ArrayList<>();
        int serviceOnly = 0;
        for (Row row : rows.subList(1, rows.size())) {
            List<String> f = row.fields;
            if (f.size() != HEADER.size()) {
                throw new SourceException(file, row.line, "expected " + HEADER.size() + " fields, found " + f.size());
            }
            String port = f.get(1).trim();
            if (port.isEmpty()) {
                serviceOnly++;
                continue;
            }
            int[] range = Ports.parseRange(port, file, row.line);
            String proto = f.get(2).trim();
            Set<Transport> transports = proto.isEmpty()
                    ? EnumSet.of(Transport.TCP, Transport.UDP)
                    : EnumSet.of(Ports.parseTransport(proto, file, row.line));
            out.add(new OfficialRecord(file, row.line, range[0], range[1], transports,
                    f.get(0).trim(), oneLine(f.get(3))));
        }
        return new Result(List.copyOf(out), serviceOnly);
    }

    /** Descriptions become one line: line breaks and runs of blanks turn into one space. */
    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private record Row(int line, List<String> fields) {
    }

    private static List<Row> rows(String text, String file) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int i = 0;
        int n = text.length();
        if (n > 0 && text.charAt(0) == '\uFEFF') {
            i = 1;
        }
        boolean quoted = false;
        boolean fieldStarted = false;
        int quoteLine = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        throw new SourceException(file, line, "unexpected character '" + text.charAt(i)
                                + "' after a closing quote: expected a comma or the end of the line");
                    }
                    continue;
                }
                if (c == '\n') {
                    line++;
                }
                field.append(c);
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() > 0) {
                        throw new SourceException(file, line, "a quote inside an unquoted field: \"" + field + c + "\"");
                    }
                    quoted = true;
                    quoteLine = line;
                    fieldStarted = true;
                    i++;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStarted = true;
                    i++;
                }
                case '\r', '\n' -> {
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    i++;
                    if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
                        fields.add(field.toString());
                        rows.add(new Row(rowLine, List.copyOf(fields)));
                    }
                    fields.clear();
                    field.setLength(0);
                    fieldStarted = false;
                    line++;
                    rowLine = line;
                }
                default -> {
                    field.append(c);
                    fieldStarted = true;
                    i++;
                }
            }
        }
        if (quoted) {
            throw new SourceException(file, quoteLine, "a quoted field is never closed");
        }
        if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        return rows;
    }
}
