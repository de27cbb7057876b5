package dev.portregistry.data;

import dev.portregistry.Transport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * IanaCsvImporter under generated input: RFC 4180 rows with quoted commas, quotes and line breaks,
 * rows without a port (counted, not imported), empty transports; every row with a port comes out,
 * at the line it starts on. Damaged files are read or reported with file and line.
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

    @Provide
    Arbitrary<Row> row() {
        Arbitrary<String> text = Arbitraries.strings().withChars("abc XYZ 019,.;-()\"'\n/").ofMaxLength(30);
        Arbitrary<String> transport = Arbitraries.of("", "tcp", "udp", "sctp", "dccp", "TCP", "Udp");
        return Combinators.combine(Arbitraries.oneOf(Gen.ianaName(), Arbitraries.just("")),
                        Arbitraries.oneOf(Gen.portRange(), Arbitraries.just(new int[] {-1, -1})),
                        transport, text, text.list().ofSize(8))
                .as((name, range, proto, description, rest) -> {
                    List<String> fields = new ArrayList<>();
                    fields.add(name);
                    fields.add(range[0] < 0 ? "" : range[0] == range[1] ? "" + range[0] : range[0] + "-" + range[1]);
                    fields.add(proto);
                    fields.add(description);
                    fields.addAll(rest);
                    Set<Transport> transports = proto.isEmpty() ? EnumSet.of(Transport.TCP, Transport.UDP)
                            : EnumSet.of(Transport.parse(proto));
                    return new Row(fields, range[0], range[1], transports);
                });
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        return row().list().ofMaxSize(15);
    }

    /** Renders the file; returns it with the 1-based line each row starts on. */
    private static String render(List<Row> rows, boolean crlf, boolean quoteAll, List<Integer> startLines) {
        String eol = crlf ? "\r\n" : "\n";
        StringBuilder sb = new StringBuilder(String.join(",", IanaCsvImporter.HEADER)).append(eol);
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

    @Property(tries = 500)
    void everyRowWithAPortComesOutAtItsLineTheOthersAreCounted(@ForAll("rows") List<Row> rows, @ForAll boolean crlf,
                                                              @ForAll boolean quoteAll) {
        List<Integer> lines = new ArrayList<>();
        IanaCsvImporter.Result result = IanaCsvImporter.parse(render(rows, crlf, quoteAll, lines), FILE);
        List<OfficialRecord> expected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.hasPort()) {
                expected.add(new OfficialRecord(FILE, lines.get(i), r.first(), r.last(), r.transports(),
                        r.fields().get(0), r.fields().get(3).replaceAll("\\s+", " ").strip()));
            }
        }
        assertThat(result.records()).containsExactlyElementsOf(expected);
        assertThat(result.serviceOnlyRows()).isEqualTo(rows.size() - expected.size());
    }

    @Property(tries = 600)
    void aDamagedFileIsReadOrReportedWithFileAndLine(@ForAll("rows") List<Row> rows, @ForAll("edits") List<Gen.Edit> edits) {
        String text = Gen.apply(render(rows, false, false, new ArrayList<>()), edits);
        Throwable t = catchThrowable(() -> IanaCsvImporter.parse(text, FILE));
        if (t != null) {
            Gen.assertReported(t, FILE, text);
        }
    }

    @Provide
    Arbitrary<List<Gen.Edit>> edits() {
        return Gen.edits();
    }
}
