package dev.portregistry.data;

import dev.portregistry.DataVersion;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.internal.TableCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RegistryCompilerValidationTest {
    private static final DataVersion VERSION =
            DataVersion.of("test snapshot", LocalDate.of(2026, 1, 2), "2026-01-02.1");

    @TempDir
    Path dir;

    private static OfficialRecord rec(String file, int line, int port, Transport t, String name, String description) {
        return new OfficialRecord(file, line, port, port, Set.of(t), name, description);
    }

    private static OfficialRecord rec(String name, String description) {
        return rec("t.tsv", 1, 80, Transport.TCP, name, description);
    }

    /** The official records most tests compile against. */
    private static List<OfficialRecord> official() {
        return List.of(
                rec("p.tsv", 3, 0, Transport.TCP, "", "Reserved"),
                rec("p.tsv", 4, 80, Transport.TCP, "http", "World Wide Web HTTP"),
                rec("p.tsv", 5, 80, Transport.UDP, "http", "World Wide Web HTTP"),
                rec("p.tsv", 6, 1196, Transport.TCP, "netmagic", "Network Magic"),
                rec("p.tsv", 7, 1196, Transport.UDP, "netmagic", "Network Magic"),
                rec("p.tsv", 8, 1197, Transport.TCP, "gone", "De-registered service"),
                new OfficialRecord("p.tsv", 9, 1000, 1004, Set.of(Transport.TCP, Transport.UDP), "", "Unassigned"));
    }

    /** Writes the curated files: each argument is a file's content, null for an empty array. */
    private CuratedData curated(String uses, String lifecycle, String related, String names) {
        List<String> contents = java.util.Arrays.asList(uses, lifecycle, related, names);
        try {
            for (int i = 0; i < CuratedData.FILES.size(); i++) {
                String c = contents.get(i);
                Files.writeString(dir.resolve(CuratedData.FILES.get(i)), c == null ? "[]\n" : c, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CuratedData.read(dir);
    }

    private static SourceException compileFailure(List<OfficialRecord> official, CuratedData curated) {
        SourceException e = catchThrowableOfType(SourceException.class,
                () -> RegistryCompiler.compile(VERSION, official, curated));
        assertThat(e).as("expected a SourceException").isNotNull();
        return e;
    }

    private String path(String file) {
        return dir.resolve(file).toString();
    }

    @Test
    void compilesAValidExample() {
        CuratedData curated = curated("""
                [
                  { "name": "OpenVPN", "ports": ["1195-1196"], "transports": ["udp"], "kind": "unofficial",
                    "officialPort": 1194, "description": "Extra instances", "basis": "manual" }
                ]
                """, """
                [
                  { "port": 1196, "service": "netmagic", "status": "abandoned", "product": "Network Magic",
                    "discontinued": 2012, "basis": "Cisco" }
                ]
                """, """
                [
                  { "name": "web", "ports": [80, 1196], "basis": "b" }
                ]
                """, """
                [
                  { "name": "WWW", "service": "HTTP", "basis": "b" },
                  { "name": "vpn", "ports": ["1195-1196"], "basis": "b" }
                ]
                """);

        RegistryCompiler.Result result = RegistryCompiler.compile(VERSION, official(), curated);

        assertThat(result.table().version()).isEqualTo(VERSION);
        assertThat(result.table().ports()).extracting(PortInfo::port).containsExactly(0, 80, 1195, 1196, 1197);
        Map<Integer, PortInfo> byPort = new java.util.HashMap<>();
        result.table().ports().forEach(p -> byPort.put(p.port(), p));

        assertThat(byPort.get(0).status()).isEqualTo(LifecycleStatus.RESERVED);
        assertThat(byPort.get(80).assignments()).containsExactly(ServiceAssignment.of("http", "World Wide Web HTTP", Set.of(Transport.TCP, Transport.UDP), LifecycleStatus.ACTIVE));
        assertThat(byPort.get(80).relatedPorts()).containsExactly(1196);
        assertThat(byPort.get(1196).status()).isEqualTo(LifecycleStatus.ABANDONED);
        assertThat(byPort.get(1196).assignments()).singleElement()
                .satisfies(a -> {
                    assertThat(a.product()).hasValue("Network Magic");
                    assertThat(a.discontinuedYear()).hasValue(2012);
                });
        assertThat(byPort.get(1196).alternateUses()).hasSize(1);
        assertThat(byPort.get(1197).status()).isEqualTo(LifecycleStatus.DEREGISTERED);
        assertThat(byPort.get(1195).assignments()).isEmpty();
        assertThat(byPort.get(1195).alternateUses()).singleElement()
                .satisfies(u -> assertThat(u.name()).isEqualTo("OpenVPN"));

        assertThat(result.table().names()).containsOnlyKeys("http", "netmagic", "gone", "openvpn", "www", "vpn");
        assertThat(result.table().names().get("www")).containsExactly(80);
        assertThat(result.table().names().get("vpn")).containsExactly(1195, 1196);
        // the software's own IANA port (officialPort) comes first, even where this example lacks its record
        assertThat(result.table().names().get("openvpn")).containsExactly(1194, 1195, 1196);

        assertThat(result.report().counts())
                .containsEntry("official records read", 7)
                .containsEntry("unassigned markers skipped (port, record)", 5)
                .containsEntry("curated abandoned assignments", 1)
                .containsEntry("curated common names", 2);
    }

    @Test
    void historicDescriptionGetsANote() {
        RegistryCompiler.Result result = RegistryCompiler.compile(VERSION,
                List.of(rec("p.tsv", 1, 2, Transport.TCP, "compressnet", "Management Utility (historic)")),
                curated(null, null, null, null));
        PortInfo port = result.table().ports().get(0);
        assertThat(port.status()).isEqualTo(LifecycleStatus.HISTORIC);
        assertThat(port.assignments().get(0).reason().orElse("")).contains("historic");
    }

    // ---- lifecycle entries must name an assignment of their port

    @Test
    void rejectsALifecycleEntryForAServiceNotOnThatPort() {
        CuratedData curated = curated(null, """
                [
                  { "port": 1196, "service": "netmagic", "status": "abandoned", "product": "P", "basis": "b" },
                  { "port": 81, "service": "http", "status": "historic", "reason": "n", "basis": "b" }
                ]
                """, null, null);
        SourceException e = compileFailure(official(), curated);
        assertThat(e.file()).isEqualTo(path("lifecycle.json"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith(path("lifecycle.json") + ":3: ")
                .contains("\"http\"").contains("port 81 has no assignment named \"http\"");
    }

    @Test
    void rejectsALifecycleEntryForAnUnknownServiceOnAnAssignedPort() {
        CuratedData curated = curated(null, """
                [

                  { "port": 80, "service": "www", "status": "historic", "reason": "n", "basis": "b" }
                ]
                """, null, null);
        SourceException e = compileFailure(official(), curated);
        assertThat(e.file()).isEqualTo(path("lifecycle.json"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("port 80 has no assignment named \"www\"");
    }

    @Test
    void rejectsALifecycleEntryForADeregisteredAssignment() {
        CuratedData curated = curated(null, """
                [
                  { "port": 1197, "service": "gone", "status": "historic", "reason": "n", "basis": "b" }
                ]
                """, null, null);
        SourceException e = compileFailure(official(), curated);
        assertThat(e.file()).isEqualTo(path("lifecycle.json"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("DEREGISTERED").contains("only a live assignment");
    }

    // ---- duplicate official records

    @Test
    void rejectsADuplicateOfficialRecordNamingBothPlaces() {
        List<OfficialRecord> records = List.of(
                rec("port-numbers.tsv", 12, 80, Transport.TCP, "http", "World Wide Web HTTP"),
                rec("port-numbers.tsv", 13, 80, Transport.UDP, "http", "World Wide Web HTTP"),
                rec("supplement.tsv", 7, 80, Transport.TCP, "http", "Another description"));
        SourceException e = compileFailure(records, curated(null, null, null, null));
        assertThat(e.file()).isEqualTo("supplement.tsv");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.getMessage()).startsWith("supplement.tsv:7: ")
                .contains("duplicate record")
                .contains("80/tcp")
                .contains("port-numbers.tsv:12");
    }

    @Test
    void rejectsARangeThatRepeatsASinglePortRecord() {
        List<OfficialRecord> records = List.of(
                rec("a.tsv", 2, 6001, Transport.UDP, "x11", "X Window System"),
                new OfficialRecord("b.tsv", 9, 6000, 6063, Set.of(Transport.TCP, Transport.UDP), "x11",
                        "X Window System"));
        SourceException e = compileFailure(records, curated(null, null, null, null));
        assertThat(e.file()).isEqualTo("b.tsv");
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.getMessage()).contains("6001/udp").contains("a.tsv:2");
    }

    @Test
    void acceptsTheSameNameOnAnotherTransportOrPortAndOtherNamesOnThePort() {
        List<OfficialRecord> records = List.of(
                rec("a.tsv", 1, 80, Transport.TCP, "http", "WWW"),
                rec("a.tsv", 2, 80, Transport.SCTP, "http", "WWW"),
                rec("a.tsv", 3, 80, Transport.TCP, "www", "WWW"),
                rec("a.tsv", 4, 8080, Transport.TCP, "http", "WWW"),
                rec("a.tsv", 5, 81, Transport.TCP, "", "Reserved"),
                rec("a.tsv", 6, 81, Transport.TCP, "", "Reserved for future use"));
        RegistryCompiler.Result result = RegistryCompiler.compile(VERSION, records, curated(null, null, null, null));
        assertThat(result.table().names().get("http")).containsExactly(80, 8080);
    }

    // ---- common names

    @Test
    void rejectsACommonNamePointingToAnUnknownService() {
        CuratedData curated = curated(null, null, null, """
                [
                  { "name": "web", "service": "http", "basis": "b" },
                  { "name": "rdp", "service": "ms-wbt-server", "basis": "b" }
                ]
                """);
        SourceException e = compileFailure(official(), curated);
        assertThat(e.file()).isEqualTo(path("names.json"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("\"rdp\"").contains("\"ms-wbt-server\"").contains("which resolves to no port");
    }

    @Test
    void rejectsACommonNameEqualToAnExistingServiceName() {
        CuratedData curated = curated(null, null, null, """
                [
                  { "name": "web", "service": "http", "basis": "b" },
                  { "name": "HTTP", "ports": [8080], "basis": "b" }
                ]
                """);
        SourceException e = compileFailure(official(), curated);
        assertThat(e.file()).isEqualTo(path("names.json"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("\"HTTP\"").contains("already resolves");
    }

    @Test
    void rejectsACommonNameEqualToAnAlternateUseName() {
        CuratedData curated = curated("""
                [
                  { "name": "OpenVPN", "ports": [1195], "transports": ["udp"], "kind": "unofficial",
                    "description": "d", "basis": "b" }
                ]
                """, null, null, """
                [
                  { "name": "openvpn", "service": "http", "basis": "b" }
                ]
                """);
        SourceException e = compileFailure(official(), curated);
        assertThat(e.file()).isEqualTo(path("names.json"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("already resolves");
    }

    // ---- classify

    @Test
    void classifyUnassignedMarkersAsNull() {
        assertThat(RegistryCompiler.classify(rec("", "Unassigned"))).isNull();
        assertThat(RegistryCompiler.classify(rec("", "unassigned"))).isNull();
        assertThat(RegistryCompiler.classify(rec("", ""))).isNull();
        assertThat(RegistryCompiler.classify(rec("", "Some other text"))).isNull();
        assertThat(RegistryCompiler.classify(rec("", "for any private use"))).isNull();
    }

    @Test
    void classifyReserved() {
        assertThat(RegistryCompiler.classify(rec("", "Reserved"))).isEqualTo(LifecycleStatus.RESERVED);
        assertThat(RegistryCompiler.classify(rec("", "IANA reserved"))).isEqualTo(LifecycleStatus.RESERVED);
        assertThat(RegistryCompiler.classify(rec("", "RESERVED for future use"))).isEqualTo(LifecycleStatus.RESERVED);
        assertThat(RegistryCompiler.classify(rec("", "any private mail system"))).isEqualTo(LifecycleStatus.RESERVED);
        assertThat(RegistryCompiler.classify(rec("", "Any private terminal access")))
                .isEqualTo(LifecycleStatus.RESERVED);
        assertThat(RegistryCompiler.classify(rec("", "Unreserved"))).isNull();
    }

    @Test
    void classifyDeregistered() {
        assertThat(RegistryCompiler.classify(rec("foo", "De-registered"))).isEqualTo(LifecycleStatus.DEREGISTERED);
        assertThat(RegistryCompiler.classify(rec("foo", "Foo (De-registered 2006-11-23)")))
                .isEqualTo(LifecycleStatus.DEREGISTERED);
        assertThat(RegistryCompiler.classify(rec("foo", "deregistered"))).isEqualTo(LifecycleStatus.DEREGISTERED);
        assertThat(RegistryCompiler.classify(rec("", "De-registered"))).isEqualTo(LifecycleStatus.DEREGISTERED);
        assertThat(RegistryCompiler.classify(rec("foo", "De-registered (historic)")))
                .isEqualTo(LifecycleStatus.DEREGISTERED);
    }

    @Test
    void classifyHistoric() {
        assertThat(RegistryCompiler.classify(rec("compressnet", "Management Utility (historic)")))
                .isEqualTo(LifecycleStatus.HISTORIC);
        assertThat(RegistryCompiler.classify(rec("foo", "HISTORIC"))).isEqualTo(LifecycleStatus.HISTORIC);
        assertThat(RegistryCompiler.classify(rec("foo", "prehistoric protocol"))).isEqualTo(LifecycleStatus.ACTIVE);
    }

    @Test
    void classifyActive() {
        assertThat(RegistryCompiler.classify(rec("http", "World Wide Web HTTP"))).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(RegistryCompiler.classify(rec("http", ""))).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(RegistryCompiler.classify(rec("foo", "Reserved"))).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(RegistryCompiler.classify(rec("foo", "Unassigned"))).isEqualTo(LifecycleStatus.ACTIVE);
    }
}
