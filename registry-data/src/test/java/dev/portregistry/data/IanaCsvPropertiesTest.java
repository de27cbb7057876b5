package dev.portregistry.data;

import dev.portregistry.IanaCsv;
import dev.portregistry.RegistryFormatException;
import dev.portregistry.Transport;

import java.io.IOException;
import java.io.StringReader;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Core's {@link IanaCsv}, the one reader of IANA's CSV, under generated input: RFC 4180 rows with
 * quoted commas, quotes and line breaks, rows without a port or without a name (counted, not kept),
 * empty transports; every named row with a port comes out, at the line it starts on. Damaged files
 * are read or reported with file and line.
 */
class IanaCsvPropertiesTest {
    private static final String FILE = "service-names-port-numbers.csv";

    /** One row: its twelve fields, and whether it has a port. */
    record Row(List<String> fields, int first, int last, Set<Transport> transports) {
        boolean hasPort() {
            return first >= 0;
        }
    }

    private static String quote(String field, boolean always) {
        if (always || field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }

    private static Row row(Gen g) {
        String chars = "abc XYZ 019,.;-()\"'\n/";
        String name = g.oneOf(g::ianaName, () -> "");
        int[] range = g.oneOf(g::portRange, () -> new int[] {-1, -1});
        String proto = g.of("", "tcp", "udp", "sctp", "dccp", "TCP", "Udp");
        String description = g.string(chars, 0, 30);
        List<String> rest = new ArrayList<>(g.list(8, 8, () -> g.string(chars, 0, 30)));
        rest.set(2, g.of("", "2005-08", "2006-04-25")); // registration date
        rest.set(3, g.of("", "2019-12", "2024-02-29")); // modification date
        List<String> fields = new ArrayList<>();
        fields.add(name);
        fields.add(range[0] < 0 ? "" : range[0] == range[1] ? "" + range[0] : range[0] + "-" + range[1]);
        fields.add(proto);
        fields.add(description);
        fields.addAll(rest);
        Set<Transport> transports = proto.isEmpty() ? EnumSet.of(Transport.TCP, Transport.UDP)
                : EnumSet.of(Transport.parse(proto));
        return new Row(fields, range[0], range[1], transports);
    }

    private static List<Row> rows(Gen g) {
        return g.list(0, 15, () -> row(g));
    }

    /** Renders the file; returns it with the 1-based line each row starts on. */
    private static String render(List<Row> rows, boolean crlf, boolean quoteAll, List<Integer> startLines) {
        String eol = crlf ? "\r\n" : "\n";
        StringBuilder sb = new StringBuilder(String.join(",", IanaCsv.HEADER)).append(eol);
        int line = 2;
        for (Row r : rows) {
            startLines.add(line);
            List<String> quoted = new ArrayList<>();
            for (String f : r.fields()) {
                quoted.add(quote(f, quoteAll));
                line += (int) f.chars().filter(c -> c == '\n').count();
            }
            sb.append(String.join(",", quoted)).append(eol);
            line++;
        }
        return sb.toString();
    }

    @SeededProperty(tries = 500)
    void everyRowWithAPortComesOutAtItsLineTheOthersAreCounted(Gen g) {
        List<Row> rows = g.input("rows", rows(g));
        boolean crlf = g.input("crlf", g.bool());
        boolean quoteAll = g.input("quoteAll", g.bool());
        List<Integer> lines = new ArrayList<>();
        String text = g.input("text", render(rows, crlf, quoteAll, lines));
        IanaCsv result = read(text);
        List<String> expected = new ArrayList<>();
        int withPort = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            withPort += r.hasPort() ? 1 : 0;
            // the generated descriptions never say Reserved or De-registered: a row without a name is unassigned
            if (r.hasPort() && !r.fields().get(0).isEmpty()) {
                expected.add(lines.get(i) + " " + r.first() + "-" + r.last() + " " + r.transports() + " "
                        + r.fields().get(0) + " (" + r.fields().get(3).replaceAll("\\s+", " ").strip() + ") "
                        + r.fields().get(6) + "|" + r.fields().get(7));
            }
        }
        assertThat(result.rows()).extracting(x -> x.line() + " " + x.firstPort() + "-" + x.lastPort() + " "
                + x.assignment().transports() + " " + x.assignment().name() + " (" + x.assignment().description() + ") "
                + x.assignment().registrationDate().map(Object::toString).orElse("") + "|"
                + x.assignment().modificationDate().map(Object::toString).orElse(""))
                .containsExactlyElementsOf(expected);
        assertThat(result.serviceOnlyCount()).isEqualTo(rows.size() - withPort);
        assertThat(result.unassignedCount()).isEqualTo(withPort - expected.size());
        assertThat(result.recordCount()).isEqualTo(rows.size());
    }

    @SeededProperty(tries = 600)
    void aDamagedFileIsReadOrReportedWithFileAndLine(Gen g) {
        List<Row> rows = rows(g);
        List<Gen.Edit> edits = g.input("edits", g.edits());
        String text = g.input("text", Gen.apply(render(rows, false, false, new ArrayList<>()), edits));
        Throwable t = catchThrowable(() -> read(text));
        if (t != null) {
            assertThat(t).isInstanceOf(RegistryFormatException.class);
            RegistryFormatException e = (RegistryFormatException) t;
            assertThat(e.source()).isEqualTo(FILE);
            long lines = text.split("\r\n|\r|\n", -1).length;
            assertThat(e.line()).as("line of: %s", e.getMessage()).isBetween(1, (int) lines + 1);
            assertThat(e.getMessage()).startsWith(FILE + ":" + e.line() + ": ");
        }
    }

    private static IanaCsv read(String text) {
        try {
            return IanaCsv.read(new StringReader(text), FILE);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
