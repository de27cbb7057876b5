package dev.portregistry.data;

import dev.portregistry.Transport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** NormalizedTsv under generated input: valid files round-trip record for record; damaged ones are reported. */
class NormalizedTsvPropertiesTest {
    private static final String FILE = "data/iana/x.tsv";

    @Provide
    Arbitrary<OfficialRecord> record() {
        return Combinators.combine(Gen.portRange(), Gen.transports(),
                        Arbitraries.oneOf(Gen.ianaName(), Arbitraries.just("")), Gen.description())
                .as((range, transports, name, description) ->
                        new OfficialRecord(FILE, 0, range[0], range[1], transports, name, description));
    }

    @Provide
    Arbitrary<List<OfficialRecord>> records() {
        return record().list().ofMaxSize(15);
    }

    /** Writes records as a file, with comments and blank lines between them; returns the text. */
    private static String render(List<OfficialRecord> records, List<Integer> noise) {
        StringBuilder sb = new StringBuilder("# generated\n");
        for (int i = 0; i < records.size(); i++) {
            int n = noise.isEmpty() ? 0 : noise.get(i % noise.size());
            if (n == 1) {
                sb.append('\n');
            } else if (n == 2) {
                sb.append("# a comment\ttab\n");
            } else if (n == 3) {
                sb.append("   \t \n");
            }
            OfficialRecord r = records.get(i);
            sb.append(r.portText()).append('\t').append(Ports.format(r.transports())).append('\t')
                    .append(r.name()).append('\t').append(r.description()).append(i % 2 == 0 ? "\n" : "\r\n");
        }
        return sb.toString();
    }

    private static String key(OfficialRecord r) {
        return r.firstPort() + "-" + r.lastPort() + " " + r.transports() + " [" + r.name() + "] [" + r.description() + "]";
    }

    @Property(tries = 300)
    void everyValidLineBecomesExactlyItsRecord(@ForAll("records") List<OfficialRecord> records,
                                               @ForAll List<@net.jqwik.api.constraints.IntRange(min = 0, max = 3) Integer> noise) {
        String text = render(records, noise);
        List<OfficialRecord> read = NormalizedTsv.parse(text, FILE);
        assertThat(read).extracting(NormalizedTsvPropertiesTest::key)
                .containsExactlyElementsOf(records.stream().map(NormalizedTsvPropertiesTest::key).toList());
        // each record names the line it came from
        String[] lines = text.split("\r?\n", -1);
        for (OfficialRecord r : read) {
            assertThat(r.file()).isEqualTo(FILE);
            assertThat(lines[r.line() - 1]).startsWith(r.portText() + "\t");
        }
    }

    @Property(tries = 300)
    void formatThenParseGivesTheSameRecordsSorted(@ForAll("records") List<OfficialRecord> records) {
        String text = NormalizedTsv.format(List.of("header", ""), records);
        List<OfficialRecord> sorted = new ArrayList<>(records);
        sorted.sort(NormalizedTsv.ORDER);
        assertThat(NormalizedTsv.parse(text, FILE)).extracting(NormalizedTsvPropertiesTest::key)
                .containsExactlyElementsOf(sorted.stream().map(NormalizedTsvPropertiesTest::key).toList());
    }

    @Property(tries = 600)
    void aDamagedFileIsReadOrReportedWithFileAndLine(@ForAll("records") List<OfficialRecord> records,
                                                     @ForAll("edits") List<Gen.Edit> edits) {
        String text = Gen.apply(render(records, List.of()), edits);
        Throwable t = catchThrowable(() -> {
            for (OfficialRecord r : NormalizedTsv.parse(text, FILE)) {
                // what is read is a valid record: the constructor checked it
                assertThat(r.transports()).isNotEmpty();
            }
        });
        if (t != null) {
            Gen.assertReported(t, FILE, text);
        }
    }

    @Provide
    Arbitrary<List<Gen.Edit>> edits() {
        return Gen.edits();
    }

    @Property(tries = 300)
    void randomLinesAreReadOrReported(@ForAll("lines") List<String> lines) {
        String text = String.join("\n", lines);
        Throwable t = catchThrowable(() -> NormalizedTsv.parse(text, FILE));
        if (t != null) {
            Gen.assertReported(t, FILE, text);
        }
    }

    @Provide
    Arbitrary<List<String>> lines() {
        Arbitrary<String> field = Arbitraries.strings().withChars(Gen.HOSTILE.replace("\n", "").replace("\r", ""))
                .withChars("80-65536tcpudp").ofMaxLength(12);
        Arbitrary<String> line = field.list().ofMinSize(1).ofMaxSize(6).map(f -> String.join("\t", f));
        return line.list().ofMaxSize(8);
    }

    @Property(tries = 200)
    void aRecordWithTransportsInAnyOrderAndCaseIsRead(@ForAll("record") OfficialRecord r,
                                                      @ForAll boolean upper) {
        List<String> names = new ArrayList<>();
        for (Transport t : r.transports()) {
            names.add(0, upper ? t.name() : t.label());
        }
        String line = r.portText() + "\t" + String.join(",", names) + "\t" + r.name() + "\t" + r.description();
        assertThat(NormalizedTsv.parse(line, FILE)).singleElement().extracting(NormalizedTsvPropertiesTest::key)
                .isEqualTo(key(r));
        assertThat(Set.copyOf(names)).hasSameSizeAs(r.transports());
    }
}
