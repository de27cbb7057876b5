package dev.portregistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fresh official data without a release: IANA's CSV as the official layer, the curated layers re-applied. */
class WithIanaCsvTest {
    /** The frozen fixture table (test-fixtures/data/README.md): its curated layers are what gets re-applied. */
    private static final PortRegistry BASE = FixtureRegistry.FIXTURE;

    @TempDir
    Path dir;

    private PortRegistry fresh() throws IOException {
        Path csv = dir.resolve("service-names-port-numbers.csv");
        Files.writeString(csv, IanaCsvTest.fixture());
        return BASE.withIanaCsv(csv);
    }

    @Test
    void anAssignmentNewerThanTheTablesDataIsFoundByPortAndName() throws IOException {
        assertThat(BASE.get(47999).assignments()).isEmpty();
        PortRegistry fresh = fresh();
        PortInfo info = fresh.get(47999);
        assertThat(info.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(info.assignments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("fixture-new");
            assertThat(a.registrationDate()).hasValue(RegistryDate.parse("2026-11-30"));
            assertThat(a.references()).containsExactly("RFC 9999");
        });
        assertThat(fresh.findService("FIXTURE-NEW")).extracting(PortInfo::port).containsExactly(47999);
        assertThat(fresh.get(6063).assignments()).extracting(ServiceAssignment::name).containsExactly("x11");
        assertThat(BASE.get(47999).assignments()).as("the base registry does not change").isEmpty();
    }

    @Test
    void aDeregisteredRecordWithoutTransportKeepsItsNote() throws IOException {
        PortInfo info = fresh().get(585);
        assertThat(info.status()).isEqualTo(LifecycleStatus.DEREGISTERED);
        assertThat(info.assignments()).singleElement().satisfies(a -> {
            assertThat(a.transports()).containsExactly(Transport.TCP, Transport.UDP);
            assertThat(a.assignmentNotes()).hasValue("Use of 585 is not recommended, use 993 instead");
        });
    }

    @Test
    void curatedLifecycleMovesToTheNewAssignmentAndAlternateUsesStay() throws IOException {
        PortRegistry fresh = fresh();
        PortInfo before = BASE.get(5190);
        ServiceAssignment old = before.assignments().stream().filter(a -> a.name().equals("aol")).findFirst().orElseThrow();
        assertThat(old.status()).isEqualTo(LifecycleStatus.ABANDONED);
        PortInfo after = fresh.get(5190);
        assertThat(after.assignments()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(LifecycleStatus.ABANDONED);
            assertThat(a.reason()).isEqualTo(old.reason());
            assertThat(a.basis()).isEqualTo(old.basis());
            assertThat(a.transports()).containsExactly(Transport.TCP, Transport.UDP);
        });
        assertThat(after.alternateUses()).isEqualTo(before.alternateUses());
        assertThat(after.relatedPorts()).isEqualTo(before.relatedPorts());
    }

    @Test
    void aCuratedEntryForAServiceTheFileNoLongerAssignsIsReportedNotDropped() throws IOException {
        assertThat(BASE.notices()).isEmpty();
        assertThat(BASE.get(1196).assignments()).extracting(ServiceAssignment::status)
                .contains(LifecycleStatus.ABANDONED);
        PortRegistry fresh = fresh();
        assertThat(fresh.notices()).anySatisfy(n -> assertThat(n).startsWith(
                "Port 1196: the curated ABANDONED entry for netmagic is not applied: ")
                .endsWith("service-names-port-numbers.csv no longer assigns netmagic on that port."));
        PortInfo info = fresh.get(1196);
        assertThat(info.assignments()).isEmpty();
        assertThat(info.alternateUses()).isEqualTo(BASE.get(1196).alternateUses());
        // OpenVPN stays a known use of 1195-1197; 1194 was IANA's openvpn, which the fixture does not assign
        assertThat(fresh.findService("openvpn")).extracting(PortInfo::port).containsExactly(1195, 1196, 1197);
        assertThat(BASE.findService("openvpn")).extracting(PortInfo::port).containsExactly(1194, 1195, 1196, 1197);
        // an overlay on top keeps the notices
        PortRegistry local = fresh.withAssignment(47998, ServiceAssignment.of("billing", "ours",
                java.util.Set.of(Transport.TCP), LifecycleStatus.ACTIVE));
        assertThat(local.notices()).isEqualTo(fresh.notices());
    }

    @Test
    void versionNamesTheFileAndItsNewestDate() throws IOException {
        DataVersion v = fresh().version();
        assertThat(v.officialSource()).contains("service-names-port-numbers.csv").contains("2026-11-30");
        assertThat(v.officialDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(v.curatedRevision()).isEqualTo(BASE.version().curatedRevision());
    }

    @Test
    void badCsvFailsWithTheFileAndTheLine() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, IanaCsvTest.fixture() + "x,99999,tcp,d,,,,,,,,\n");
        assertThatThrownBy(() -> BASE.withIanaCsv(csv)).isInstanceOf(RegistryFormatException.class)
                .hasMessageStartingWith(csv + ":16: port number \"99999\" is invalid");
        Path unterminated = dir.resolve("open.csv");
        Files.writeString(unterminated, String.join(",", IanaCsv.HEADER) + "\nx,1,tcp,\"open\n,,,,,,,,\n");
        assertThatThrownBy(() -> BASE.withIanaCsv(unterminated)).isInstanceOf(RegistryFormatException.class)
                .hasMessageStartingWith(unterminated + ":2: a quoted field is never closed");
        Path undated = dir.resolve("undated.csv");
        Files.writeString(undated, String.join(",", IanaCsv.HEADER) + "\nx,1,tcp,d,,,,,,,,\n");
        assertThatThrownBy(() -> BASE.withIanaCsv(undated)).isInstanceOf(RegistryFormatException.class)
                .hasMessageContaining("no record has a registration or modification date");
        assertThatThrownBy(() -> BASE.withIanaCsv(dir.resolve("missing.csv"))).isInstanceOf(IOException.class);
    }

    @Test
    void theSummaryTellsIanasRecordFromItsFields() throws IOException {
        PortRegistry fresh = fresh();
        assertThat(fresh.get(585).summary()).contains("was de-registered")
                .contains("IANA notes: Use of 585 is not recommended, use 993 instead.");
        assertThat(fresh.get(79).summary())
                .contains("IANA has a report of unauthorized use: Unauthorized use by some mail users (see [RFC4146] for details).");
        assertThat(fresh.get(110).summary()).contains("pop3 is defined in RFC 1939.");
        assertThat(fresh.get(4000).summary()).contains("quoted was registered 2005-08.");
        assertThat(fresh.get(47999).summary()).contains("fixture-new was registered 2026-11-30 and is defined in RFC 9999.");
        // a port whose record has none of these fields gets none of these sentences
        assertThat(fresh.get(5190).summary()).doesNotContain("registered 2").doesNotContain("defined in")
                .doesNotContain("IANA notes").doesNotContain("unauthorized use");
    }
}
