package dev.portregistry.advice;

import dev.portregistry.AlternateUse;
import dev.portregistry.Overlay;
import dev.portregistry.PortRegistry;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import dev.portregistry.nmap.PortPopularity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Choosing a port: every suggestion checks clear, and nothing closer or lower was skipped. On the
 * frozen fixture table (test-fixtures/data/README.md), whose facts the messages below restate: ssh
 * on 22 over TCP, UDP and SCTP; 1196 netmagic, abandoned, with OpenVPN as an unofficial use and the
 * family 1194, 1195, 1197; nothing between 1024 and 1193; Linux's ephemeral ports from 32768.
 */
class PortAdvisorTest {
    private static final PortRegistry FIXTURE = FixtureRegistry.FIXTURE;
    private static final PortAdvisor ADVISOR = PortAdvisor.of(FIXTURE);

    private static List<ConflictKind> kinds(PortCheck check) {
        return check.conflicts().stream().map(PortConflict::kind).toList();
    }

    private static String message(PortCheck check, ConflictKind kind) {
        return check.conflicts().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow().message();
    }

    @Test
    void aWellKnownAssignedPortIsPrivilegedAndTaken() {
        PortCheck check = ADVISOR.check(22);
        assertThat(kinds(check)).containsExactly(ConflictKind.PRIVILEGED, ConflictKind.ASSIGNED);
        assertThat(message(check, ConflictKind.ASSIGNED)).as("one phrase over the union of the name's transports")
                .isEqualTo("IANA assigns port 22 to ssh over TCP, UDP and SCTP.");
        assertThat(message(check, ConflictKind.PRIVILEGED)).contains("below 1024", "root");
        assertThat(check.isClear()).isFalse();
        assertThat(check.info()).isEqualTo(FIXTURE.get(22));
        assertThat(kinds(ADVISOR.check(0))).startsWith(ConflictKind.PRIVILEGED, ConflictKind.RESERVED);
    }

    @Test
    void anAbandonedPortExplainsEveryConflict() {
        PortCheck check = ADVISOR.check(1196);
        assertThat(kinds(check)).containsExactly(ConflictKind.ASSIGNED, ConflictKind.ALTERNATE_USE, ConflictKind.RELATED);
        assertThat(check.conflicts()).extracting(PortConflict::message).containsExactly(
                "IANA assigns port 1196 to netmagic over TCP and UDP, abandoned (still assigned although no longer alive).",
                "OpenVPN commonly runs on port 1196 over TCP and UDP without the IANA assignment (its own port is 1194).",
                "Port 1196 belongs to a family of related ports (1194, 1195, 1197).");
        assertThat(check.has(ConflictKind.RELATED)).isTrue();
        assertThat(check.has(ConflictKind.LOCAL_ASSIGNMENT)).isFalse();
    }

    @Test
    void aCheckAndItsConflictsReadAsTheirShortForms() {
        assertThat(ADVISOR.check(7443)).hasToString("PortCheck[port=7443, conflicts=[]]");
        PortCheck tomb = ADVISOR.check(1196);
        assertThat(tomb.conflicts().get(2))
                .hasToString("RELATED: Port 1196 belongs to a family of related ports (1194, 1195, 1197).");
        assertThat(tomb.toString()).startsWith("PortCheck[port=1196, conflicts=[ASSIGNED: IANA assigns port 1196 to netmagic ")
                .contains(", ALTERNATE_USE: OpenVPN commonly runs on port 1196 ")
                .endsWith(", RELATED: Port 1196 belongs to a family of related ports (1194, 1195, 1197).]]");
    }

    @Test
    void dynamicAndEphemeralRangesAreExplained() {
        // the curated uses of the whole range (Windows' dynamic ports, Linux's ephemeral ports) are alternate uses
        // (one conflict per use: 50000 lies in both)
        assertThat(kinds(ADVISOR.check(50000))).containsExactly(ConflictKind.DYNAMIC_RANGE, ConflictKind.EPHEMERAL_RANGE,
                ConflictKind.ALTERNATE_USE, ConflictKind.ALTERNATE_USE);
        assertThat(ADVISOR.check(50000).conflicts()).extracting(PortConflict::message)
                .anySatisfy(m -> assertThat(m).startsWith("Linux ephemeral ports"))
                .anySatisfy(m -> assertThat(m).startsWith("Windows dynamic ports"));
        assertThat(kinds(ADVISOR.check(61000))).containsExactly(ConflictKind.DYNAMIC_RANGE, ConflictKind.ALTERNATE_USE);
        assertThat(ADVISOR.check(32768).has(ConflictKind.EPHEMERAL_RANGE)).isTrue();
        assertThat(ADVISOR.check(32767).has(ConflictKind.EPHEMERAL_RANGE)).isFalse();
        assertThat(ADVISOR.check(49152).conflicts().get(0).message()).contains("49152-65535", "RFC 6335", "ephemeral");
    }

    @Test
    void localAssignmentsAndMalwareFromAnOverlayCount() {
        int free = ADVISOR.suggest(1).get(0);
        PortRegistry ours = FIXTURE.with(Overlay.builder("ops")
                .assign(free, "billing", "our billing service", Transport.TCP)
                .alternateUse(free, AlternateUse.builder().name("EliteBot").description("a made-up trojan").transports(EnumSet.of(Transport.UDP)).kind(UseKind.MALWARE).basis("test").build())
                .build());
        PortAdvisor advisor = PortAdvisor.of(ours);
        PortCheck check = advisor.check(free);
        assertThat(kinds(check)).containsExactly(ConflictKind.LOCAL_ASSIGNMENT, ConflictKind.MALWARE);
        assertThat(check.conflicts()).extracting(PortConflict::message).containsExactly(
                "Port " + free + " is assigned locally to billing over TCP.",
                "Malware EliteBot is known to use port " + free + " over UDP: scanners and intrusion detection flag listeners there.");
        assertThat(advisor.suggest(1)).doesNotContain(free);
        assertThat(ADVISOR.check(free).isClear()).as("the base registry is unchanged").isTrue();
    }

    @Test
    void suggestionsAreTheLowestClearPorts() {
        List<Integer> ports = ADVISOR.suggest(20);
        assertThat(ports).hasSize(20).isSorted().doesNotHaveDuplicates();
        assertThat(ports).as("the fixture holds nothing from 1024 to 1193").startsWith(1024, 1025).endsWith(1043);
        assertThat(ports).allSatisfy(p -> assertThat(ADVISOR.check(p).conflicts()).as("port %d", p).isEmpty());
        for (int p = 0; p < ports.get(19); p++) {
            if (!ports.contains(p)) {
                assertThat(ADVISOR.check(p).isClear()).as("port %d was skipped but checks clear", p).isFalse();
            }
        }
        assertThat(ADVISOR.suggest(20)).isEqualTo(ports);
    }

    @Test
    void suggestionsNearAPreferredPortAreNearestFirstLowerOnTies() {
        int preferred = 8443;
        List<Integer> ports = ADVISOR.suggestNear(preferred, 10);
        assertThat(ports).as("8443 is pcsync-https's; its neighbours hold nothing")
                .containsExactly(8442, 8444, 8441, 8445, 8440, 8446, 8439, 8447, 8438, 8448);
        assertThat(ports).allSatisfy(p -> assertThat(ADVISOR.check(p).isClear()).as("port %d", p).isTrue());
        for (int i = 1; i < ports.size(); i++) {
            int before = Math.abs(ports.get(i - 1) - preferred);
            int now = Math.abs(ports.get(i) - preferred);
            assertThat(now > before || (now == before && ports.get(i) > ports.get(i - 1))).as("order at %d", i).isTrue();
        }
        int farthest = Math.abs(ports.get(9) - preferred);
        for (int p = preferred - farthest; p <= preferred + farthest; p++) {
            if (!ports.contains(p) && Math.abs(p - preferred) < farthest) {
                assertThat(ADVISOR.check(p).isClear()).as("port %d was skipped but checks clear", p).isFalse();
            }
        }
    }

    @Test
    void aFreePreferredPortComesFirstAndFarPreferencesOnlySetTheDirection() {
        int free = ADVISOR.suggest(3).get(2);
        assertThat(ADVISOR.suggestNear(free, 1)).containsExactly(free);
        assertThat(ADVISOR.suggestNear(40000, 1)).as("the highest port below Linux's ephemeral range").containsExactly(32767);
        assertThat(ADVISOR.suggestNear(0, 1)).isEqualTo(ADVISOR.suggest(1));
    }

    @Test
    void popularPortsAreAvoidedWhenPopularityIsGiven() {
        List<Integer> free = ADVISOR.suggest(2);
        PortPopularity nmap = PortPopularity.parse("x " + free.get(0) + "/udp 0.001\ny " + free.get(1) + "/tcp 0\n", "fixture");
        PortAdvisor avoiding = ADVISOR.avoiding(nmap);
        assertThat(avoiding.popularity()).containsSame(nmap);
        assertThat(ADVISOR.popularity()).isEmpty();
        assertThat(kinds(avoiding.check(free.get(0)))).containsExactly(ConflictKind.POPULAR);
        assertThat(avoiding.check(free.get(0)).conflicts().get(0).message())
                .isEqualTo("Nmap finds port " + free.get(0) + " open: udp x 0.001 (fixture).");
        assertThat(avoiding.check(free.get(1)).isClear()).as("frequency 0 is never seen open").isTrue();
        assertThat(avoiding.suggest(1)).containsExactly(free.get(1));
    }

    @Test
    void badArgumentsNameTheValueAndTheRange() {
        assertThatThrownBy(() -> ADVISOR.check(65536)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port 65536 is out of range: expected 0..65535");
        assertThatThrownBy(() -> ADVISOR.suggest(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count 0 is out of range: expected 1..1000");
        assertThatThrownBy(() -> ADVISOR.suggestNear(8443, 1001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count 1001 is out of range: expected 1..1000");
        assertThatThrownBy(() -> ADVISOR.suggestNear(-1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port -1 is out of range: expected 0..65535");
        assertThatThrownBy(() -> PortAdvisor.of(null)).isInstanceOf(NullPointerException.class);
    }

    private static java.nio.file.Path fixture() {
        try {
            return java.nio.file.Path.of(PortAdvisorTest.class.getResource("/nmap-services-fixture").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void popularityFromTheFixtureFileWorksWithTheAdvisor() throws IOException {
        PortPopularity p = PortPopularity.read(fixture());
        assertThat(ADVISOR.avoiding(p).check(7443).has(ConflictKind.POPULAR)).isTrue();
        assertThat(ADVISOR.avoiding(p).check(21000).has(ConflictKind.POPULAR)).isFalse();
    }
}
