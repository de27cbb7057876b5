package dev.portregistry.data;

import dev.portregistry.json.curated.CuratedJson;

import dev.portregistry.LifecycleStatus;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CuratedDataTest {
    private static final String USES = "alternate-uses.json";
    private static final String LIFECYCLE = "lifecycle.json";
    private static final String RELATED = "related.json";
    private static final String NAMES = "names.json";

    @TempDir
    Path dir;

    /** Writes all four files: the given one with the content, the others as empty arrays. */
    private Path write(String file, String content) {
        try {
            for (String f : CuratedData.FILES) {
                Files.writeString(dir.resolve(f), "[]\n", StandardCharsets.UTF_8);
            }
            Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private SourceException failure(String file, String content) {
        write(file, content);
        SourceException e = catchThrowableOfType(SourceException.class, () -> CuratedData.read(dir));
        assertThat(e).as("expected a SourceException for %s", content).isNotNull();
        assertThat(e.file()).isEqualTo(dir.resolve(file).toString());
        assertThat(e.getMessage()).startsWith(dir.resolve(file) + (e.line() > 0 ? ":" + e.line() : "") + ": ");
        return e;
    }

    private static String use(String fields) {
        return """
                [
                  {
                    "name": "OpenVPN",
                    "ports": [1194],
                    "transports": ["udp"],
                    "kind": "unofficial",
                    "description": "VPN",
                    "basis": "manual"
                  },
                  {
                """ + fields + """
                  }
                ]
                """;
    }

    @Test
    void filesAreTheFourCuratedFiles() {
        assertThat(CuratedData.FILES).containsExactly(USES, LIFECYCLE, RELATED, NAMES);
    }

    @Test
    void readsAValidExample() throws IOException {
        Files.writeString(dir.resolve(USES), """
                [
                  {
                    "name": "OpenVPN",
                    "ports": ["1195-1197"],
                    "transports": ["tcp", "udp"],
                    "kind": "Unofficial",
                    "officialPort": 1194,
                    "description": "  Extra instances.  ",
                    "basis": "OpenVPN reference manual"
                  },
                  {
                    "name": "Back Orifice",
                    "ports": [31337, "31338-31338", 0],
                    "transports": ["UDP"],
                    "kind": "MALWARE",
                    "description": "Remote administration trojan",
                    "basis": "CERT advisories"
                  },
                  {
                    "name": "OpenVPN",
                    "ports": [1195],
                    "transports": ["sctp", "dccp"],
                    "kind": "malware",
                    "description": "Same name and port, other kind",
                    "basis": "test"
                  }
                ]
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(LIFECYCLE), """
                [
                  {
                    "port": 1196,
                    "service": "netmagic",
                    "status": "abandoned",
                    "product": "Network Magic",
                    "vendor": "Pure Networks",
                    "discontinued": 2012,
                    "reason": "Its users moved on.",
                    "basis": "Cisco"
                  },
                  { "port": 1197, "service": "x", "status": "ABANDONED", "product": "P", "basis": "b" },
                  { "port": 2, "service": "compressnet", "status": "Historic", "reason": "Old.", "basis": "RFC" }
                ]
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(RELATED), """
                [
                  {
                    "name": "OpenVPN server instances",
                    "ports": [1194, "1195-1197"],
                    "basis": "OpenVPN"
                  }
                ]
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(NAMES), """
                [
                  { "name": "rdp", "service": "ms-wbt-server", "basis": "Remote Desktop" },
                  { "name": "vpn", "ports": [1194, "1195-1196"], "basis": "b" }
                ]
                """, StandardCharsets.UTF_8);

        CuratedData data = CuratedData.read(dir);

        String uses = dir.resolve(USES).toString();
        assertThat(data.alternateUses()).containsExactly(
                new CuratedJson.AlternateUseEntry(uses, 2, "OpenVPN", List.of(1195, 1196, 1197),
                        Set.of(Transport.TCP, Transport.UDP), UseKind.UNOFFICIAL, OptionalInt.of(1194),
                        "Extra instances.", "OpenVPN reference manual"),
                new CuratedJson.AlternateUseEntry(uses, 11, "Back Orifice", List.of(31337, 31338, 0),
                        Set.of(Transport.UDP), UseKind.MALWARE, OptionalInt.empty(),
                        "Remote administration trojan", "CERT advisories"),
                new CuratedJson.AlternateUseEntry(uses, 19, "OpenVPN", List.of(1195),
                        Set.of(Transport.SCTP, Transport.DCCP), UseKind.MALWARE, OptionalInt.empty(),
                        "Same name and port, other kind", "test"));

        String lifecycle = dir.resolve(LIFECYCLE).toString();
        assertThat(data.lifecycle()).containsExactly(
                new CuratedJson.LifecycleEntry(lifecycle, 2, 1196, "netmagic", LifecycleStatus.ABANDONED,
                        "Network Magic", "Pure Networks", OptionalInt.of(2012), "Its users moved on.", "Cisco"),
                new CuratedJson.LifecycleEntry(lifecycle, 12, 1197, "x", LifecycleStatus.ABANDONED,
                        "P", "", OptionalInt.empty(), "", "b"),
                new CuratedJson.LifecycleEntry(lifecycle, 13, 2, "compressnet", LifecycleStatus.HISTORIC,
                        "", "", OptionalInt.empty(), "Old.", "RFC"));

        assertThat(data.related()).containsExactly(new CuratedJson.RelatedGroup(dir.resolve(RELATED).toString(), 2,
                "OpenVPN server instances", List.of(1194, 1195, 1196, 1197), "OpenVPN"));

        String names = dir.resolve(NAMES).toString();
        assertThat(data.names()).containsExactly(
                new CuratedJson.CommonName(names, 2, "rdp", "ms-wbt-server", List.of(), "Remote Desktop"),
                new CuratedJson.CommonName(names, 3, "vpn", "", List.of(1194, 1195, 1196), "b"));
    }

    @Test
    void readsEmptyFiles() {
        write(USES, "[]");
        CuratedData data = CuratedData.read(dir);
        assertThat(data.alternateUses()).isEmpty();
        assertThat(data.lifecycle()).isEmpty();
        assertThat(data.related()).isEmpty();
        assertThat(data.names()).isEmpty();
    }

    // ---- alternate-uses.json

    @Test
    void rejectsAnUnknownField() {
        SourceException e = failure(USES, use("""
                    "name": "X", "ports": [1], "transports": ["tcp"], "kind": "unofficial",
                    "description": "d", "basis": "b", "colour": "red"
                """));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("unknown field \"colour\"");
    }

    @Test
    void rejectsAMissingField() {
        SourceException e = failure(USES, use("""
                    "name": "X", "ports": [1], "transports": ["tcp"], "kind": "unofficial",
                    "description": "d"
                """));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("missing field \"basis\"");
    }

    @Test
    void rejectsANullField() {
        SourceException e = failure(USES, use("""
                    "name": null, "ports": [1], "transports": ["tcp"], "kind": "unofficial",
                    "description": "d", "basis": "b"
                """));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("missing field \"name\"");
    }

    @Test
    void rejectsAnEmptyStringField() {
        SourceException e = failure(USES, use("""
                    "name": "X", "ports": [1], "transports": ["tcp"], "kind": "unofficial",
                    "description": "   ", "basis": "b"
                """));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("field \"description\" is empty: expected some text");
    }

    @Test
    void rejectsAFieldOfTheWrongType() {
        SourceException e = failure(USES, use("""
                    "name": 7, "ports": [1], "transports": ["tcp"], "kind": "unofficial",
                    "description": "d", "basis": "b"
                """));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("field \"name\" is 7: expected a string");
    }

    @Test
    void rejectsAPortOutOfRangeInPorts() {
        SourceException e = failure(USES, use("""
                    "name": "X", "ports": [1, 70000], "transports": ["tcp"], "kind": "unofficial",
                    "description": "d", "basis": "b"
                """));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("70000").contains("out of range");
    }

    @Test
    void rejectsARangeOutOfRangeInPorts() {
        SourceException e = failure(USES, use("""
                    "name": "X", "ports": ["65530-65536"], "transports": ["tcp"], "kind": "unofficial",
                    "description": "d", "basis": "b"
                """));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("out of range");
    }

    @Test
    void rejectsEmptyPorts() {
        SourceException e = failure(USES, use("""
                    "name": "X", "ports": [], "transports": ["tcp"], "kind": "unofficial",
                    "description": "d", "basis": "b"
                """));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("non-empty array");
    }

    @Test
    void rejectsAFractionalPort() {
        SourceException e = failure(USES, use("""
                    "name": "X", "ports": [80.5], "transports": ["tcp"], "kind": "unofficial",
                    "description": "d", "basis": "b"
                """));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("expected a port number");
    }

    @Test
    void rejectsAnOfficialPortOutOfRange() {
        SourceException e = failure(USES, use("""
                    "name": "X", "ports": [1], "transports": ["tcp"], "kind": "unofficial",
                    "officialPort": 70000, "description": "d", "basis": "b"
                """));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("\"officialPort\" is 70000").contains("0..65535");
    }

    @Test
    void rejectsAnUnknownTransport() {
        SourceException e = failure(USES, use("""
                    "name": "X", "ports": [1], "transports": ["tcp", "icmp"], "kind": "unofficial",
                    "description": "d", "basis": "b"
                """));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("unknown transport").contains("icmp");
    }

    @Test
    void rejectsARepeatedTransport() {
        SourceException e = failure(USES, use("""
                    "name": "X", "ports": [1], "transports": ["tcp", "TCP"], "kind": "unofficial",
                    "description": "d", "basis": "b"
                """));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("listed twice");
    }

    @Test
    void rejectsAnUnknownKind() {
        SourceException e = failure(USES, use("""
                    "name": "X", "ports": [1], "transports": ["tcp"], "kind": "benign",
                    "description": "d", "basis": "b"
                """));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("\"kind\" is \"benign\"").contains("unofficial").contains("malware");
    }

    @Test
    void rejectsADuplicateEntry() {
        SourceException e = failure(USES, use("""
                    "name": "openvpn", "ports": ["1190-1195"], "transports": ["tcp"], "kind": "Unofficial",
                    "description": "again", "basis": "b"
                """));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.getMessage()).contains("duplicate entry").contains("1194");
    }

    // ---- lifecycle.json

    @Test
    void rejectsLifecycleStatusActive() {
        SourceException e = failure(LIFECYCLE, """
                [
                  { "port": 1196, "service": "netmagic", "status": "abandoned", "product": "P", "basis": "b" },
                  { "port": 80, "service": "http", "status": "active", "reason": "n", "basis": "b" }
                ]
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("\"status\" is \"active\"").contains("[abandoned, historic]");
    }

    @Test
    void rejectsAHistoricEntryWithAProduct() {
        SourceException e = failure(LIFECYCLE, """
                [
                  {
                    "port": 2, "service": "compressnet", "status": "historic", "reason": "n", "basis": "b",
                    "product": "P"
                  }
                ]
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("\"product\"").contains("abandoned");
    }

    @Test
    void rejectsAHistoricEntryWithADiscontinuedYear() {
        SourceException e = failure(LIFECYCLE, """
                [
                  { "port": 2, "service": "compressnet", "status": "historic", "reason": "n", "basis": "b",
                    "discontinued": 1999 }
                ]
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("\"discontinued\"");
    }

    @Test
    void rejectsAHistoricEntryWithoutANote() {
        SourceException e = failure(LIFECYCLE, """
                [
                  { "port": 2, "service": "compressnet", "status": "historic", "basis": "b" }
                ]
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("missing field \"reason\"");
    }

    @Test
    void rejectsAnAbandonedEntryWithoutAProduct() {
        SourceException e = failure(LIFECYCLE, """
                [

                  { "port": 1196, "service": "netmagic", "status": "abandoned", "vendor": "V", "basis": "b" }
                ]
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("missing field \"product\"");
    }

    @Test
    void rejectsADiscontinuedYearOutOfRange() {
        SourceException e = failure(LIFECYCLE, """
                [
                  { "port": 1196, "service": "netmagic", "status": "abandoned", "product": "P",
                    "discontinued": 1900, "basis": "b" }
                ]
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("\"discontinued\" is 1900").contains("1970..2100");
    }

    @Test
    void rejectsALifecyclePortOutOfRange() {
        SourceException e = failure(LIFECYCLE, """
                [
                  { "port": 70000, "service": "netmagic", "status": "abandoned", "product": "P", "basis": "b" }
                ]
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("\"port\" is 70000");
    }

    @Test
    void rejectsADuplicateLifecycleEntry() {
        SourceException e = failure(LIFECYCLE, """
                [
                  { "port": 1196, "service": "netmagic", "status": "abandoned", "product": "P", "basis": "b" },
                  { "port": 1196, "service": "netmagic", "status": "historic", "reason": "n", "basis": "b" }
                ]
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("duplicate entry");
    }

    // ---- related.json

    @Test
    void rejectsARelatedGroupWithOnePort() {
        SourceException e = failure(RELATED, """
                [
                  { "name": "pair", "ports": [1, 2], "basis": "b" },
                  { "name": "alone", "ports": [1194], "basis": "b" }
                ]
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("\"alone\"").contains("at least two distinct ports");
    }

    @Test
    void rejectsARelatedGroupWithARepeatedPort() {
        SourceException e = failure(RELATED, """
                [
                  { "name": "overlap", "ports": [1194, "1193-1195"], "basis": "b" }
                ]
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("lists port 1194 twice");
    }

    @Test
    void rejectsADuplicateRelatedGroup() {
        SourceException e = failure(RELATED, """
                [
                  { "name": "Pair", "ports": [1, 2], "basis": "b" },
                  { "name": "pair", "ports": [3, 4], "basis": "b" }
                ]
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("duplicate entry");
    }

    // ---- names.json

    @Test
    void rejectsANameWithBothServiceAndPorts() {
        SourceException e = failure(NAMES, """
                [
                  { "name": "rdp", "service": "ms-wbt-server", "basis": "b" },
                  { "name": "web", "service": "http", "ports": [80], "basis": "b" }
                ]
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("\"web\"").contains("exactly one of");
    }

    @Test
    void rejectsANameWithNeitherServiceNorPorts() {
        SourceException e = failure(NAMES, """
                [
                  { "name": "web", "basis": "b" }
                ]
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("exactly one of");
    }

    @Test
    void rejectsADuplicateName() {
        SourceException e = failure(NAMES, """
                [
                  { "name": "web", "service": "http", "basis": "b" },
                  { "name": "WEB", "ports": [8080], "basis": "b" }
                ]
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("duplicate entry");
    }

    // ---- the files themselves

    @Test
    void rejectsAMissingFile() throws IOException {
        write(USES, "[]");
        Files.delete(dir.resolve(RELATED));
        SourceException e = catchThrowableOfType(SourceException.class, () -> CuratedData.read(dir));
        assertThat(e).isNotNull();
        assertThat(e.file()).isEqualTo(dir.resolve(RELATED).toString());
        assertThat(e.line()).isZero();
        assertThat(e.getMessage()).contains("missing curated file");
    }

    @Test
    void rejectsMalformedJson() {
        SourceException e = failure(NAMES, """
                [
                  { "name": "web", "service": "http", "basis": "b" }
                  { "name": "www", "service": "http", "basis": "b" }
                ]
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("malformed JSON");
    }

    @Test
    void rejectsAnUnclosedArray() {
        SourceException e = failure(NAMES, """
                [
                  { "name": "web", "service": "http", "basis": "b" },
                """);
        assertThat(e.getMessage()).contains("malformed JSON");
    }

    @Test
    void rejectsADuplicateKeyInsideAnObject() {
        SourceException e = failure(RELATED, """
                [
                  {
                    "name": "a",
                    "ports": [1, 2],
                    "name": "b",
                    "basis": "b"
                  }
                ]
                """);
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("malformed JSON").contains("name");
    }

    @Test
    void rejectsATopLevelObject() {
        SourceException e = failure(LIFECYCLE, """

                { "port": 1196, "service": "netmagic", "status": "abandoned", "product": "P", "basis": "b" }
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("expected a JSON array");
    }

    @Test
    void rejectsAnElementThatIsNotAnObject() {
        SourceException e = failure(RELATED, """
                [
                  { "name": "pair", "ports": [1, 2], "basis": "b" },
                  "pair"
                ]
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("expected an object");
    }

    @Test
    void rejectsContentAfterTheArray() {
        SourceException e = failure(RELATED, "[]\n[]\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("after the entries");
    }
}
