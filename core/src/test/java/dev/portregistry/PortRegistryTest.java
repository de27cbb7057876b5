package dev.portregistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Behaviour of a registry through the public API only, on the frozen fixture table
 * (test-fixtures/data/README.md lists the facts asserted here). The real data's facts are
 * BundledDataTest's.
 */
class PortRegistryTest {
    private static final PortRegistry FIXTURE = FixtureRegistry.FIXTURE;

    @ParameterizedTest
    @CsvSource({"0,WELL_KNOWN", "1023,WELL_KNOWN", "1024,REGISTERED", "49151,REGISTERED",
            "49152,DYNAMIC", "65535,DYNAMIC"})
    void rangeEdges(int port, PortRange expected) {
        PortInfo info = FIXTURE.get(port);
        assertThat(info.port()).isEqualTo(port);
        assertThat(info.range()).isEqualTo(expected);
        assertThat(PortRange.of(port)).isEqualTo(expected);
        assertThat(PortRegistry.lookup(port).range()).isEqualTo(expected);
    }

    @Test
    void port1196TellsTheWholeStory() {
        PortInfo info = FIXTURE.get(1196);
        assertThat(info.range()).isEqualTo(PortRange.REGISTERED);
        assertThat(info.status()).isEqualTo(LifecycleStatus.ABANDONED);
        assertThat(info.assignments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("netmagic");
            assertThat(a.description()).isEqualTo("Network Magic");
            assertThat(a.transports()).containsExactly(Transport.TCP, Transport.UDP);
            assertThat(a.status()).isEqualTo(LifecycleStatus.ABANDONED);
            assertThat(a.product()).hasValue("Network Magic");
            assertThat(a.vendor()).hasValue("Pure Networks");
            assertThat(a.discontinuedYear()).hasValue(2012);
            assertThat(a.registrationDate()).hasValue(RegistryDate.of(2005, 8));
            assertThat(a.basis()).hasValue("test fixture: an abandoned product with its vendor and year");
        });
        assertThat(info.assignmentsFor(Transport.UDP)).extracting(ServiceAssignment::name).containsExactly("netmagic");
        assertThat(info.assignmentsFor(Transport.SCTP)).isEmpty();
        assertThat(info.alternateUses()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("OpenVPN");
            assertThat(u.kind()).isEqualTo(UseKind.UNOFFICIAL);
            assertThat(u.officialPort()).hasValue(1194);
            assertThat(u.transports()).containsExactly(Transport.TCP, Transport.UDP);
            assertThat(u.basis()).isEqualTo("test fixture: an unofficial use with its own official port");
        });
        assertThat(info.relatedPorts()).containsExactly(1194, 1195, 1197);
    }

    @Test
    void openVpnNeighboursKeepTheirOwnRecords() {
        assertThat(FIXTURE.get(1194).assignments()).extracting(ServiceAssignment::name).containsExactly("openvpn");
        assertThat(FIXTURE.get(1194).status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(FIXTURE.get(1194).alternateUses()).isEmpty();
        assertThat(FIXTURE.get(1194).relatedPorts()).containsExactly(1195, 1196, 1197);
        for (int port : new int[] {1195, 1197}) {
            PortInfo info = FIXTURE.get(port);
            assertThat(info.status()).as("nothing assigned in the fixture").isEqualTo(LifecycleStatus.UNASSIGNED);
            assertThat(info.alternateUses()).extracting(AlternateUse::name).containsExactly("OpenVPN");
            assertThat(info.relatedPorts()).contains(1194).doesNotContain(port);
        }
    }

    @Test
    void byServiceListsOfficialPortsThenAlternateUses() {
        assertThat(FIXTURE.findService("openvpn")).extracting(PortInfo::port).containsExactly(1194, 1195, 1196, 1197);
        assertThat(FIXTURE.findService("OpenVPN")).isEqualTo(FIXTURE.findService("openvpn"));
        assertThat(FIXTURE.findService("HTTP")).extracting(PortInfo::port).containsExactly(80);
        assertThat(FIXTURE.findService("www")).extracting(PortInfo::port).containsExactly(80);
        assertThat(FIXTURE.findService("x11")).extracting(PortInfo::port).hasSize(64).startsWith(6000).endsWith(6063);
        assertThat(FIXTURE.findService("no-such-service-here")).isEmpty();
    }

    @Test
    void commonNamesResolveLikeTheirServiceOrToTheirOwnPorts() {
        assertThat(FIXTURE.findService("web")).isEqualTo(FIXTURE.findService("http"));
        assertThat(FIXTURE.findService("DNS")).extracting(PortInfo::port).containsExactly(53);
        assertThat(FIXTURE.findService("x-display")).extracting(PortInfo::port).containsExactly(6000);
    }

    @Test
    void programNamesFindThePortsOfWhatTheyServe() {
        assertThat(FIXTURE.findService("sshd")).extracting(PortInfo::port).containsExactly(22);
        assertThat(FIXTURE.get(22).assignmentsFor(Transport.TCP).get(0).programs())
                .extracting(Program::name).containsExactly("sshd", "dropbear");
    }

    @Test
    void byServiceRejectsNullAndBlank() {
        assertThatThrownBy(() -> FIXTURE.findService(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("service name");
        assertThatThrownBy(() -> FIXTURE.findService("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> PortRegistry.byService(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("service name");
        assertThatThrownBy(() -> PortRegistry.byService("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536, 70000, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void lookupRejectsPortsOutsideTheRange(int port) {
        assertThatThrownBy(() -> FIXTURE.get(port)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Integer.toString(port)).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> PortRegistry.lookup(port)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Integer.toString(port)).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> PortRange.of(port)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Integer.toString(port));
    }

    @Test
    void theVersionIsTheTablesOwn() {
        DataVersion v = FIXTURE.version();
        assertThat(v.officialSource()).isEqualTo("portregistry test fixture (made up for the tests)");
        assertThat(v.officialDate()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(v.curatedRevision()).isEqualTo("fixture.1");
    }

    @Test
    void bundledIsOneInstanceAndAgreesWithTheStaticMethods() {
        PortRegistry r = PortRegistry.bundled();
        assertThat(PortRegistry.bundled()).isSameAs(r);
        assertThat(r.get(22)).isSameAs(PortRegistry.lookup(22));
        assertThat(r.findService("ssh")).isEqualTo(PortRegistry.byService("ssh"));
        assertThat(r.version()).isEqualTo(PortRegistry.dataVersion());
    }

    @Test
    void collectionsAreImmutable() {
        PortInfo info = FIXTURE.get(1196);
        assertThatThrownBy(() -> info.assignments().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> info.alternateUses().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> info.relatedPorts().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> info.assignments().get(0).transports().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        List<PortInfo> found = FIXTURE.findService("openvpn");
        assertThatThrownBy(() -> found.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aPortWithSeveralNamesOnOneTransportKeepsThemAll() {
        assertThat(FIXTURE.get(80).assignmentsFor(Transport.TCP)).extracting(ServiceAssignment::name)
                .containsExactly("http", "www", "www-http");
        assertThat(FIXTURE.get(80).assignmentsFor(Transport.SCTP)).extracting(ServiceAssignment::name)
                .containsExactly("http");
    }

    @Test
    void oneNameWithAnotherDescriptionOnAnotherTransportIsItsOwnAssignment() {
        assertThat(FIXTURE.get(22).assignments()).extracting(ServiceAssignment::name, ServiceAssignment::transports)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ssh", java.util.Set.of(Transport.TCP, Transport.UDP)),
                        org.assertj.core.groups.Tuple.tuple("ssh", java.util.Set.of(Transport.SCTP)));
        assertThat(FIXTURE.get(6514).assignmentsFor(Transport.DCCP)).singleElement()
                .satisfies(a -> assertThat(a.serviceCode()).isPresent());
    }

    @Test
    void rangeRecordsCoverEveryPortOfTheRange() {
        for (int port = 6000; port <= 6063; port++) {
            assertThat(FIXTURE.get(port).assignmentsFor(Transport.TCP)).extracting(ServiceAssignment::name)
                    .containsExactly("x11");
        }
        assertThat(FIXTURE.get(6064).assignments()).isEmpty();
    }

    @Test
    void statusesFromTheOfficialText() {
        assertThat(FIXTURE.get(0).status()).isEqualTo(LifecycleStatus.RESERVED);
        assertThat(FIXTURE.get(1023).status()).isEqualTo(LifecycleStatus.RESERVED);
        assertThat(FIXTURE.get(18).status()).isEqualTo(LifecycleStatus.HISTORIC);
        assertThat(FIXTURE.get(2905).assignmentsFor(Transport.UDP)).extracting(ServiceAssignment::status)
                .containsExactly(LifecycleStatus.DEREGISTERED);
        assertThat(FIXTURE.get(585).assignments()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(LifecycleStatus.DEREGISTERED);
            assertThat(a.transports()).as("IANA names no transport: it stands for TCP and UDP")
                    .containsExactly(Transport.TCP, Transport.UDP);
            assertThat(a.assignmentNotes()).hasValue("Use of 585 is not recommended, use 993 instead");
        });
        assertThat(FIXTURE.get(4).status()).as("IANA's Unassigned row").isEqualTo(LifecycleStatus.UNASSIGNED);
        assertThat(FIXTURE.get(109).status()).as("a curated historic entry").isEqualTo(LifecycleStatus.HISTORIC);
    }
}
