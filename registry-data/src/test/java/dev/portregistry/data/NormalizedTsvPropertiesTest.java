package dev.portregistry.data;

import dev.portregistry.Transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** NormalizedTsv under generated input: valid files round-trip record for record; damaged ones are reported. */
class NormalizedTsvPropertiesTest {
    private static final String FILE = "data/iana/x.tsv";
    /** The characters of a random field: hostile ones but no line end, and those of ports and transports. */
    private static final String FIELD_CHARS = Gen.HOSTILE.replace("\n", "").replace("\r", "") + "80-65536tcpudp";

    private static OfficialRecord record(Gen g) {
        int[] range = g.portRange();
        return new OfficialRecord(FILE, 0, range[0], range[1], g.transports(), g.oneOf(g::ianaName, () -> ""),
                g.description());
    }

    private static List<OfficialRecord> records(Gen g) {
        return g.list(0, 15, () -> record(g));
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

    @SeededProperty(tries = 300)
    void everyValidLineBecomesExactlyItsRecord(Gen g) {
        List<OfficialRecord> records = g.input("records", records(g));
        List<Integer> noise = g.input("noise", g.list(0, 20, () -> g.between(0, 3)));
        String text = g.input("text", render(records, noise));
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

    @SeededProperty(tries = 300)
    void formatThenParseGivesTheSameRecordsSorted(Gen g) {
        List<OfficialRecord> records = g.input("records", records(g));
        String text = g.input("text", NormalizedTsv.format(List.of("header", ""), records));
        List<OfficialRecord> sorted = new ArrayList<>(records);
        sorted.sort(NormalizedTsv.ORDER);
        assertThat(NormalizedTsv.parse(text, FILE)).extracting(NormalizedTsvPropertiesTest::key)
                .containsExactlyElementsOf(sorted.stream().map(NormalizedTsvPropertiesTest::key).toList());
    }

    @SeededProperty(tries = 600)
    void aDamagedFileIsReadOrReportedWithFileAndLine(Gen g) {
        List<OfficialRecord> records = records(g);
        List<Gen.Edit> edits = g.input("edits", g.edits());
        String text = g.input("text", Gen.apply(render(records, List.of()), edits));
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

    @SeededProperty(tries = 300)
    void randomLinesAreReadOrReported(Gen g) {
        List<String> lines = g.list(0, 8, () -> String.join("\t", g.list(1, 6, () -> g.string(FIELD_CHARS, 0, 12))));
        String text = g.input("text", String.join("\n", lines));
        Throwable t = catchThrowable(() -> NormalizedTsv.parse(text, FILE));
        if (t != null) {
            Gen.assertReported(t, FILE, text);
        }
    }

    @SeededProperty(tries = 200)
    void aRecordWithTransportsInAnyOrderAndCaseIsRead(Gen g) {
        OfficialRecord r = g.input("record", record(g));
        boolean upper = g.input("upper", g.bool());
        List<String> names = new ArrayList<>();
        for (Transport t : r.transports()) {
            names.add(0, upper ? t.name() : t.label());
        }
        String line = g.input("line", r.portText() + "\t" + String.join(",", names) + "\t" + r.name() + "\t" + r.description());
        assertThat(NormalizedTsv.parse(line, FILE)).singleElement().extracting(NormalizedTsvPropertiesTest::key)
                .isEqualTo(key(r));
        assertThat(Set.copyOf(names)).hasSameSizeAs(r.transports());
    }
}
