package dev.portregistry.data;

import dev.portregistry.Transport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NpmIndexImporterTest {
    private static final String FILE = "index.json";

    private static List<OfficialRecord> read(String json) {
        return NpmIndexImporter.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), FILE);
    }

    private static SourceException failure(String json) {
        SourceException e = catchThrowableOfType(SourceException.class, () -> read(json));
        assertThat(e).as("expected a SourceException for %s", json).isNotNull();
        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.getMessage()).startsWith(FILE + ":" + e.line() + ": ");
        return e;
    }

    @Test
    void readsRecordsInFileOrderWithTheirLines() {
        List<OfficialRecord> records = read("""
                {
                  "0/tcp": ["", "Reserved"],
                  "80/tcp": ["http", "World Wide Web HTTP"],
                  "80/udp": [" http ", "World Wide Web HTTP"],
                  "132/sctp": ["cisco-sys", "CISCO SYSTEMS"],
                  "1021/dccp": ["exp1", "RFC3692-style Experiment 1"],
                  "65535/TCP": ["", "Reserved"]
                }
                """);

        assertThat(records).containsExactly(
                new OfficialRecord(FILE, 2, 0, 0, Set.of(Transport.TCP), "", "Reserved"),
                new OfficialRecord(FILE, 3, 80, 80, Set.of(Transport.TCP), "http", "World Wide Web HTTP"),
                new OfficialRecord(FILE, 4, 80, 80, Set.of(Transport.UDP), "http", "World Wide Web HTTP"),
                new OfficialRecord(FILE, 5, 132, 132, Set.of(Transport.SCTP), "cisco-sys", "CISCO SYSTEMS"),
                new OfficialRecord(FILE, 6, 1021, 1021, Set.of(Transport.DCCP), "exp1", "RFC3692-style Experiment 1"),
                new OfficialRecord(FILE, 7, 65535, 65535, Set.of(Transport.TCP), "", "Reserved"));
        assertThat(records.get(0).name()).isEmpty();
        assertThat(records).allMatch(OfficialRecord::isSinglePort);
    }

    @Test
    void readsAnEmptyObject() {
        assertThat(read("{}")).isEmpty();
    }

    @Test
    void rejectsATopLevelArray() {
        SourceException e = failure("\n\n[\"80/tcp\"]\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("expected a JSON object");
    }

    @Test
    void rejectsAnEmptyStream() {
        SourceException e = failure("");
        assertThat(e.getMessage()).contains("expected a JSON object");
    }

    @Test
    void rejectsADuplicateKeyAtItsSecondLine() {
        SourceException e = failure("""
                {
                  "80/tcp": ["http", "World Wide Web HTTP"],
                  "81/tcp": ["hosts2-ns", "HOSTS2 Name Server"],
                  "80/tcp": ["www", "World Wide Web HTTP"]
                }
                """);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("duplicate key").contains("\"80/tcp\"");
    }

    @Test
    void rejectsAKeyWithoutSlash() {
        SourceException e = failure("""
                {
                  "80/tcp": ["http", "World Wide Web HTTP"],
                  "80tcp": ["http", "World Wide Web HTTP"]
                }
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("\"80tcp\"").contains("not of the form");
    }

    @Test
    void rejectsAKeyWithTwoSlashes() {
        SourceException e = failure("""
                {
                  "80/tcp/udp": ["http", "World Wide Web HTTP"]
                }
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("not of the form");
    }

    @Test
    void rejectsAPortOutOfRange() {
        SourceException e = failure("""
                {
                  "80/tcp": ["http", "World Wide Web HTTP"],

                  "70000/tcp": ["big", "Too big"]
                }
                """);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("70000").contains("out of range");
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        SourceException e = failure("""
                {
                  "x/tcp": ["x", "Not a port"]
                }
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("x/tcp").contains("not a number");
    }

    @Test
    void rejectsANegativePort() {
        SourceException e = failure("""
                {
                  "-1/tcp": ["x", "Negative"]
                }
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("not a number");
    }

    @Test
    void rejectsAnUnknownTransport() {
        SourceException e = failure("""
                {
                  "80/tcp": ["http", "World Wide Web HTTP"],
                  "80/icmp": ["http", "World Wide Web HTTP"]
                }
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("unknown transport").contains("icmp");
    }

    @Test
    void rejectsAValueThatIsNotAnArray() {
        SourceException e = failure("""
                {
                  "80/tcp": "http"
                }
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("must be an array");
    }

    @Test
    void rejectsAnObjectValue() {
        SourceException e = failure("""
                {
                  "21/tcp": ["ftp", "File Transfer"],
                  "80/tcp": {"name": "http"}
                }
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("must be an array");
    }

    @Test
    void rejectsAnArrayWithOneElement() {
        SourceException e = failure("""
                {
                  "21/tcp": ["ftp", "File Transfer"],
                  "80/tcp": ["http"]
                }
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("\"80/tcp\"").contains("strings");
    }

    @Test
    void rejectsAnArrayWithThreeElements() {
        SourceException e = failure("""
                {
                  "21/tcp": ["ftp", "File Transfer"],
                  "80/tcp": ["http", "World Wide Web HTTP", "extra"]
                }
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("\"80/tcp\"").contains("exactly two strings");
    }

    @Test
    void rejectsANonStringElement() {
        SourceException e = failure("""
                {
                  "80/tcp": [80, "World Wide Web HTTP"]
                }
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("must hold strings");
    }

    @Test
    void rejectsMalformedJsonAtItsLine() {
        SourceException e = failure("""
                {
                  "21/tcp": ["ftp", "File Transfer"]
                  "80/tcp": ["http", "World Wide Web HTTP"]
                }
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("malformed JSON");
    }

    @Test
    void rejectsATruncatedFile() {
        SourceException e = failure("""
                {
                  "21/tcp": ["ftp", "File Transfer"],
                  "80/tcp": ["http", "World Wide""");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("malformed JSON");
    }

    @Test
    void rejectsContentAfterTheObject() {
        SourceException e = failure("""
                {
                  "21/tcp": ["ftp", "File Transfer"]
                }
                {}
                """);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("end of the object");
    }

    @Test
    void reportsTheLineOfTheKeyWhenTheValueStartsOnALaterLine() {
        List<OfficialRecord> records = read("""
                {
                  "80/tcp":

                    ["http", "World Wide Web HTTP"]
                }
                """);
        assertThat(records).extracting(OfficialRecord::line).containsExactly(2);

        SourceException e = failure("""
                {
                  "80/icmp":

                    ["http", "World Wide Web HTTP"]
                }
                """);
        assertThat(e.line()).isEqualTo(2);
    }
}
