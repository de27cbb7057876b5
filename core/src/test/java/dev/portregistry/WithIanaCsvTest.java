package dev.portregistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * A file that changes what the fixture's curated layers rest on: ssh (with its programs) still
     * on 22; pop2 (curated historic) on 109; msp on 18 without IANA's word "historic"; netmagic on
     * 1196 de-registered (over TCP, and over SCTP with another description); aol on 5190 historic
     * by IANA's word; on 80 only www, no longer http (which the fixture assigns twice, once over
     * SCTP, both with the programs of http).
     */
    private PortRegistry changed() throws IOException {
        Path csv = dir.resolve("changed.csv");
        Files.writeString(csv, String.join(",", IanaCsv.HEADER) + "\n"
                + "msp,18,tcp,Message Send Protocol,,,,,,,,\n"
                + "ssh,22,tcp,The Secure Shell (SSH) Protocol,,,2001-01,,,,,\n"
                + "www,80,tcp,World Wide Web HTTP,,,,,,,,\n"
                + "pop2,109,tcp,Post Office Protocol - Version 2,,,,,,,,\n"
                + "netmagic,1196,tcp,Network Magic (De-registered),,,,,,,,\n"
                + "netmagic,1196,sctp,Network Magic over SCTP (De-registered),,,,,,,,\n"
                + "aol,5190,tcp,America-Online (historic),,,,,,,,\n");
        return BASE.withIanaCsv(csv);
    }

    @Test
    void theCuratedLifecycleAndProgramsMoveOnlyWhereTheFileStillAssignsTheServiceLive() throws IOException {
        PortRegistry fresh = changed();
        String csv = dir.resolve("changed.csv").toString();
        assertThat(fresh.get(22).assignments()).singleElement().satisfies(a -> {
            assertThat(a.transports()).containsExactly(Transport.TCP);
            assertThat(a.programs()).isEqualTo(BASE.get(22).assignments().get(0).programs()).isNotEmpty();
            assertThat(a.status()).isEqualTo(LifecycleStatus.ACTIVE);
        });
        ServiceAssignment pop2 = BASE.get(109).assignments().get(0);
        assertThat(fresh.get(109).assignments()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(LifecycleStatus.HISTORIC);
            assertThat(a.reason()).isEqualTo(pop2.reason()).isPresent();
            assertThat(a.basis()).isEqualTo(pop2.basis()).isPresent();
        });
        // historic only by IANA's word, which the file no longer says: active again
        assertThat(BASE.get(18).status()).isEqualTo(LifecycleStatus.HISTORIC);
        assertThat(fresh.get(18).assignments()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(LifecycleStatus.ACTIVE);
            assertThat(a.reason()).isEmpty();
        });
        // abandoned by us, historic by IANA's word: the curated lifecycle still applies
        ServiceAssignment aol = BASE.get(5190).assignments().get(0);
        assertThat(fresh.get(5190).assignments()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(LifecycleStatus.ABANDONED);
            assertThat(a.product()).isEqualTo(aol.product()).isPresent();
            assertThat(a.vendor()).isEqualTo(aol.vendor());
            assertThat(a.discontinuedYear()).isEqualTo(aol.discontinuedYear());
            assertThat(a.reason()).isEqualTo(aol.reason());
        });
        // de-registered by IANA: the curated entry no longer fits and is reported
        assertThat(fresh.get(1196).assignments()).hasSize(2).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(LifecycleStatus.DEREGISTERED);
            assertThat(a.product()).isEmpty();
        });
        assertThat(fresh.get(80).assignments()).extracting(ServiceAssignment::name).containsExactly("www");
        // one sentence for each curated entry, though each would have applied to two assignments
        assertThat(fresh.notices()).containsExactly(
                "Port 80: the programs known to serve http are not applied: " + csv
                        + " no longer assigns http on that port.",
                "Port 1196: the curated ABANDONED entry for netmagic is not applied: " + csv
                        + " lists it as DEREGISTERED.");
    }

    @Test
    void knownPortsAreExactlyThePortsLeftWithData() throws IOException {
        PortRegistry fresh = changed();
        List<Integer> withData = new ArrayList<>();
        for (int port = 0; port <= PortRange.MAX_PORT; port++) {
            PortInfo p = fresh.get(port);
            if (!p.assignments().isEmpty() || !p.alternateUses().isEmpty() || !p.relatedPorts().isEmpty()) {
                withData.add(port);
            }
        }
        assertThat(fresh.knownPorts()).extracting(PortInfo::port).isEqualTo(withData)
                .contains(18, 22, 1195, 1196).doesNotContain(1, 53, 6000);
        assertThat(BASE.knownPorts()).extracting(PortInfo::port).contains(1, 53, 6000);
    }
}
