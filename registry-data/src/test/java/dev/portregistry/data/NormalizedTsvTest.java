package dev.portregistry.data;

import dev.portregistry.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NormalizedTsvTest {
    private static final String FILE = "port-numbers.tsv";

    private static SourceException failure(String text) {
        SourceException e = catchThrowableOfType(SourceException.class, () -> NormalizedTsv.parse(text, FILE));
        assertThat(e).as("expected a SourceException").isNotNull();
        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.getMessage()).startsWith(FILE + ":" + e.line() + ": ");
        return e;
    }

    /** The content of a record, without where it came from. */
    private record Content(int first, int last, Set<Transport> transports, String name, String description) {
        static Content of(OfficialRecord r) {
            return new Content(r.firstPort(), r.lastPort(), r.transports(), r.name(), r.description());
        }
    }

    @Test
    void parsesGoodLines() {
        List<OfficialRecord> records = NormalizedTsv.parse("""
                # IANA Service Name and Transport Protocol Port Number Registry
                # port\ttransports\tname\tdescription
                0\ttcp\t\tReserved

                1196\ttcp\tnetmagic\tNetwork Magic
                6000-6063\ttcp,udp\tx11\tX Window System
                9\tsctp,dccp,TCP\tdiscard\t
                """, FILE);

        assertThat(records).containsExactly(
                new OfficialRecord(FILE, 3, 0, 0, Set.of(Transport.TCP), "", "Reserved"),
                new OfficialRecord(FILE, 5, 1196, 1196, Set.of(Transport.TCP), "netmagic", "Network Magic"),
                new OfficialRecord(FILE, 6, 6000, 6063, Set.of(Transport.TCP, Transport.UDP), "x11", "X Window System"),
                new OfficialRecord(FILE, 7, 9, 9, Set.of(Transport.TCP, Transport.SCTP, Transport.DCCP), "discard", ""));
    }

    @Test
    void formatSortsAndParseReadsItBack() {
        List<OfficialRecord> records = List.of(
                new OfficialRecord("a", 1, 6000, 6063, Set.of(Transport.UDP, Transport.TCP), "x11", "X Window System"),
                new OfficialRecord("a", 2, 80, 80, Set.of(Transport.UDP), "http", "World Wide Web HTTP"),
                new OfficialRecord("a", 3, 80, 80, Set.of(Transport.TCP), "www", "World Wide Web HTTP"),
                new OfficialRecord("a", 4, 80, 80, Set.of(Transport.TCP), "http", "World Wide Web HTTP"),
                new OfficialRecord("a", 5, 0, 0, Set.of(Transport.TCP), "", "Reserved"),
                new OfficialRecord("a", 6, 6000, 6000, Set.of(Transport.TCP), "x11-a", ""),
                new OfficialRecord("a", 7, 9, 9, Set.of(Transport.DCCP, Transport.SCTP, Transport.TCP), "discard",
                        "Discard \"quoted\" # not a comment"));

        String text = NormalizedTsv.format(List.of("Source: a test", "", "second line"), records);

        assertThat(text).startsWith("# Source: a test\n#\n# second line\n# port\ttransports\tname\tdescription\n");
        assertThat(text).contains("6000-6063\ttcp,udp\tx11\tX Window System\n");
        assertThat(text).contains("9\ttcp,sctp,dccp\tdiscard\tDiscard \"quoted\" # not a comment\n");
        assertThat(text).endsWith("\n");

        List<OfficialRecord> parsed = NormalizedTsv.parse(text, FILE);

        List<OfficialRecord> sorted = new ArrayList<>(records);
        sorted.sort(NormalizedTsv.ORDER);
        assertThat(parsed).extracting(Content::of)
                .containsExactlyElementsOf(sorted.stream().map(Content::of).toList());
        assertThat(parsed).extracting(OfficialRecord::name)
                .containsExactly("", "discard", "http", "www", "http", "x11-a", "x11");
        // the header takes four lines, so the first record is on line 5
        assertThat(parsed).extracting(OfficialRecord::line).containsExactly(5, 6, 7, 8, 9, 10, 11);
        assertThat(parsed).allSatisfy(r -> assertThat(r.file()).isEqualTo(FILE));

        // formatting what was read gives the same text again
        assertThat(NormalizedTsv.format(List.of("Source: a test", "", "second line"), parsed)).isEqualTo(text);
    }

    @Test
    void formatOfNothingIsTheColumnHeader() {
        assertThat(NormalizedTsv.format(List.of(), List.of())).isEqualTo("# port\ttransports\tname\tdescription\n");
    }

    @Test
    void readNamesThePathInErrors(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.tsv");
        Files.writeString(good, "80\ttcp\thttp\tWorld Wide Web HTTP\n", StandardCharsets.UTF_8);
        assertThat(NormalizedTsv.read(good)).containsExactly(
                new OfficialRecord(good.toString(), 1, 80, 80, Set.of(Transport.TCP), "http", "World Wide Web HTTP"));

        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "# c\n80\ttcp\thttp\n", StandardCharsets.UTF_8);
        SourceException e = catchThrowableOfType(SourceException.class, () -> NormalizedTsv.read(bad));
        assertThat(e).isNotNull();
        assertThat(e.file()).isEqualTo(bad.toString());
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void rejectsThreeFields() {
        SourceException e = failure("# c\n80\ttcp\thttp\tWWW\n81\ttcp\thosts2-ns\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("expected 4 tab-separated fields").contains("found 3");
    }

    @Test
    void rejectsFiveFields() {
        SourceException e = failure("80\ttcp\thttp\tWWW\textra\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("found 5");
    }

    @Test
    void rejectsSpacesInsteadOfTabs() {
        SourceException e = failure("80 tcp http WWW\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("found 1");
    }

    @Test
    void rejectsABadPort() {
        SourceException e = failure("80\ttcp\thttp\tWWW\n\n8o\ttcp\thttp\tWWW\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("\"8o\"").contains("not a number");
    }

    @Test
    void rejectsAPortOutOfRange() {
        SourceException e = failure("65535-65536\ttcp\tx\ty\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("out of range");
    }

    @Test
    void rejectsABadTransport() {
        SourceException e = failure("80\ttcp\thttp\tWWW\n80\ttcp;udp\thttp\tWWW\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("unknown transport").contains("tcp;udp");
    }

    @Test
    void rejectsARepeatedTransport() {
        SourceException e = failure("80\ttcp,udp,tcp\thttp\tWWW\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("listed twice");
    }

    @Test
    void rejectsAnEmptyTransport() {
        SourceException e = failure("80\t\thttp\tWWW\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("unknown transport");
    }

    @Test
    void aRecordThatCouldNotBeWrittenBackCannotBeMadeAtAll() {
        // a tab or line break would split the normalized line: the record refuses it with file and line
        assertThatThrownBy(() -> new OfficialRecord("b.csv", 42, 81, 81, Set.of(Transport.TCP), "x", "has\ta tab"))
                .isInstanceOf(SourceException.class).hasMessageStartingWith("b.csv:42: description \"has\\u0009a tab\"");
        assertThatThrownBy(() -> new OfficialRecord("a", 3, 80, 80, Set.of(Transport.TCP), "ht\ntp", "WWW"))
                .isInstanceOf(SourceException.class).hasMessageStartingWith("a:3: service name \"ht\\u000Atp\"");
        assertThatThrownBy(() -> new OfficialRecord("a", 4, 80, 80, Set.of(Transport.TCP), "http", "W\r\nWW"))
                .isInstanceOf(SourceException.class).hasMessageStartingWith("a:4: description");
    }
}
