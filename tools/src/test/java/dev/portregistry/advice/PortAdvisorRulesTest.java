package dev.portregistry.advice;

import dev.portregistry.AlternateUse;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.Overlay;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import dev.portregistry.nmap.PortPopularity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The advisor's rules on ports whose content this test decides: free ports of the fixture registry
 * (test-fixtures/data/README.md) with an overlay and popularity data written here. Each
 * conflict's sentence word for word, the exact edges of the ranges, and suggestions held to the
 * rule that defines them: exactly the nearest (or lowest) ports that {@link PortAdvisor#check}
 * finds clear.
 */
class PortAdvisorRulesTest {
    private static final PortAdvisor BASE = PortAdvisor.of(FixtureRegistry.FIXTURE);

    private static AlternateUse use(String name, UseKind kind, Set<Transport> transports) {
        return AlternateUse.builder().name(name).description("made up for a test").transports(transports).kind(kind)
                .basis("test").build();
    }

    private static List<ConflictKind> kinds(PortCheck check) {
        return check.conflicts().stream().map(PortConflict::kind).toList();
    }

    @Test
    void everyConflictOfAnOverlaysPortIsToldWordForWordInKindOrder() {
        List<Integer> free = BASE.suggest(2);
        int port = free.get(0);
        int other = free.get(1);
        PortRegistry ours = FixtureRegistry.FIXTURE.with(Overlay.builder("ops")
                .assign(port, "billing", "our billing service", Transport.TCP)
                .assign(port, "billing", "our billing service", Transport.UDP)
                .assign(port, "metrics", "", Transport.TCP, Transport.UDP, Transport.SCTP)
                .lifecycle(port, "metrics", LifecycleStatus.HISTORIC, "replaced by push")
                .alternateUse(port, use("Bot", UseKind.MALWARE, EnumSet.of(Transport.TCP, Transport.UDP)))
                .alternateUse(port, use("Tool", UseKind.UNOFFICIAL, EnumSet.of(Transport.UDP)))
                .alternateUse(port, use("OpenVPN", UseKind.UNOFFICIAL, EnumSet.of(Transport.TCP)).toBuilder()
                        .officialPort(1194).build())
                .related(port, other)
                .build());
        PortPopularity nmap = PortPopularity.parse("svc " + port + "/tcp 0.25\nother " + port + "/udp 0.5\n"
                + "never " + port + "/sctp 0\n", "fixture");
        PortCheck check = PortAdvisor.of(ours).avoiding(nmap).check(port);
        assertThat(kinds(check)).containsExactly(ConflictKind.LOCAL_ASSIGNMENT, ConflictKind.ALTERNATE_USE,
                ConflictKind.ALTERNATE_USE, ConflictKind.MALWARE, ConflictKind.RELATED, ConflictKind.POPULAR);
        assertThat(check.conflicts()).extracting(PortConflict::message).containsExactly(
                "Port " + port + " is assigned locally to billing over TCP and UDP; metrics over TCP, UDP and SCTP, historic.",
                "Tool commonly runs on port " + port + " over UDP without the IANA assignment.",
                "OpenVPN commonly runs on port " + port + " over TCP without the IANA assignment (its own port is 1194).",
                "Malware Bot is known to use port " + port + " over TCP and UDP: scanners and intrusion detection flag "
                        + "listeners there.",
                "Port " + port + " belongs to a family of related ports (" + other + ").",
                "Nmap finds port " + port + " open: udp other 0.5, tcp svc 0.25 (fixture).");
        assertThat(check.port()).isEqualTo(port);
        assertThat(check.info()).isEqualTo(ours.get(port));
        assertThat(check.isClear()).isFalse();
        assertThat(check.has(ConflictKind.RELATED)).isTrue();
        assertThat(check.has(ConflictKind.ASSIGNED)).isFalse();
    }

    @Test
    void anIanaAssignmentMarkedAbandonedIsStillAssignedButNoLongerAlive() {
        PortInfo info = oneActiveIanaName();
        int port = info.port();
        String name = info.assignments().get(0).name();
        String before = BASE.check(port).conflicts().stream().filter(c -> c.kind() == ConflictKind.ASSIGNED)
                .findFirst().orElseThrow().message();
        assertThat(before).startsWith("IANA assigns port " + port + " to " + name + " over ").endsWith(".")
                .doesNotContain("abandoned", "no longer alive");
        PortRegistry ours = FixtureRegistry.FIXTURE.with(Overlay.builder("ops")
                .lifecycle(port, name, LifecycleStatus.ABANDONED, "the product is gone").build());
        String after = PortAdvisor.of(ours).check(port).conflicts().stream()
                .filter(c -> c.kind() == ConflictKind.ASSIGNED).findFirst().orElseThrow().message();
        assertThat(after).isEqualTo(before.substring(0, before.length() - 1)
                + ", abandoned (still assigned although no longer alive).");
    }

    /** A registered port whose IANA assignments are all ACTIVE under one name, found in the data. */
    private static PortInfo oneActiveIanaName() {
        for (int p = 1024; p <= 49151; p++) {
            PortInfo info = FixtureRegistry.FIXTURE.get(p);
            if (!info.assignments().isEmpty() && !info.assignments().get(0).name().isEmpty()
                    && info.assignments().stream().allMatch(a -> a.status() == LifecycleStatus.ACTIVE
                    && a.name().equals(info.assignments().get(0).name()))) {
                return info;
            }
        }
        throw new IllegalStateException("no registered port with only active assignments under one name");
    }

    @Test
    void reservedAndDeregisteredPortsSaySoAndAreNotCalledAssigned() {
        int reserved = firstPortWhereAll(LifecycleStatus.RESERVED);
        PortCheck r = BASE.check(reserved);
        assertThat(r.conflicts()).extracting(PortConflict::message).contains("IANA has reserved port " + reserved + ".");
        assertThat(r.has(ConflictKind.ASSIGNED)).isFalse();
        int deregistered = firstPortWhereAll(LifecycleStatus.DEREGISTERED);
        PortCheck d = BASE.check(deregistered);
        assertThat(d.conflicts()).extracting(PortConflict::message).contains("A former IANA assignment of port "
                + deregistered + " was de-registered; old software may still use it.");
        assertThat(d.has(ConflictKind.ASSIGNED)).isFalse();
        assertThat(d.has(ConflictKind.RESERVED)).isFalse();
    }

    private static int firstPortWhereAll(LifecycleStatus status) {
        for (int p = 0; p <= 65535; p++) {
            List<ServiceAssignment> as = FixtureRegistry.FIXTURE.get(p).assignments();
            if (!as.isEmpty() && as.stream().allMatch(a -> a.status() == status)) {
                return p;
            }
        }
        throw new IllegalStateException("no port whose assignments are all " + status);
    }

    @Test
    void theRangesEndExactlyWhereTheirRulesSay() {
        assertThat(BASE.check(1023).has(ConflictKind.PRIVILEGED)).isTrue();
        assertThat(BASE.check(1023).conflicts().get(0).message()).isEqualTo("Port 1023 is below 1024: a server "
                + "needs root or CAP_NET_BIND_SERVICE to bind it on Unix, and IANA assigns these system ports only by IETF review.");
        assertThat(BASE.check(1024).has(ConflictKind.PRIVILEGED)).isFalse();
        assertThat(BASE.check(49151).has(ConflictKind.DYNAMIC_RANGE)).isFalse();
        assertThat(BASE.check(49152).has(ConflictKind.DYNAMIC_RANGE)).isTrue();
        assertThat(BASE.check(65535).conflicts().get(0).message()).isEqualTo("Port 65535 is in the dynamic range "
                + "49152-65535 (RFC 6335): systems hand it out as an ephemeral port, so it may be taken when your service starts.");
        assertThat(BASE.check(32767).has(ConflictKind.EPHEMERAL_RANGE)).isFalse();
        assertThat(BASE.check(32768).has(ConflictKind.EPHEMERAL_RANGE)).isTrue();
        assertThat(BASE.check(60999).has(ConflictKind.EPHEMERAL_RANGE)).isTrue();
        assertThat(BASE.check(61000).has(ConflictKind.EPHEMERAL_RANGE)).isFalse();
        assertThat(BASE.check(32768).conflicts()).extracting(PortConflict::message).contains("Port 32768 is in "
                + "Linux's default ephemeral range 32768-60999 (net.ipv4.ip_local_port_range): an outgoing connection "
                + "may hold it when your service starts.");
    }

    @Test
    void suggestionsNeverLeaveTheRangeTheyPromise() {
        // 32767 and 1024 are the edges of 1024..32767; whatever the data holds there, a suggestion
        // near an edge is one of the clear ports nearest to it, never a port beyond it
        List<Integer> clear = clearPorts(BASE);
        for (int preferred : new int[] {1023, 1024, 32767, 32768}) {
            List<Integer> near = BASE.suggestNear(preferred, 5);
            assertThat(near).as("near %d", preferred).isEqualTo(nearest(clear, preferred, 5));
            assertThat(near).allSatisfy(p -> assertThat(p).isBetween(1024, 32767));
        }
        assertThat(BASE.suggest(1000)).hasSize(1000).isEqualTo(clear.subList(0, 1000));
    }

    @Test
    void ofTwoPortsAtTheSameDistanceTheLowerComesFirst() {
        // three clear ports in a row; the middle one taken by an overlay leaves one clear port on each side
        List<Integer> free = BASE.suggest(300);
        int mid = -1;
        for (int i = 1; i + 1 < free.size() && mid < 0; i++) {
            if (free.get(i - 1) == free.get(i) - 1 && free.get(i + 1) == free.get(i) + 1) {
                mid = free.get(i);
            }
        }
        assertThat(mid).as("three clear ports in a row among the first 300").isPositive();
        PortRegistry taken = FixtureRegistry.FIXTURE.with(Overlay.builder("t").assign(mid, "taken", "", Transport.TCP).build());
        assertThat(PortAdvisor.of(taken).suggestNear(mid, 2)).containsExactly(mid - 1, mid + 1);
        assertThat(PortAdvisor.of(taken).suggestNear(mid, 1)).containsExactly(mid - 1);
        assertThat(BASE.suggestNear(mid, 3)).containsExactly(mid, mid - 1, mid + 1);
    }

    @Test
    void suggestionsAreExactlyTheNearestPortsThatCheckClearWithAnOverlayAndPopularity() {
        List<Integer> free = BASE.suggest(12);
        int preferred = free.get(5);
        PortRegistry ours = FixtureRegistry.FIXTURE.with(Overlay.builder("ops")
                .assign(free.get(5), "billing", "", Transport.TCP)
                .alternateUse(free.get(4), use("Tool", UseKind.UNOFFICIAL, EnumSet.of(Transport.UDP)))
                .related(free.get(7), free.get(8))
                .build());
        PortPopularity nmap = PortPopularity.parse("seen " + free.get(6) + "/udp 0.0001\nnever " + free.get(3)
                + "/tcp 0\n", "fixture");
        PortAdvisor advisor = PortAdvisor.of(ours).avoiding(nmap);
        List<Integer> clear = clearPorts(advisor);
        List<Integer> near = advisor.suggestNear(preferred, 6);
        assertThat(near).isEqualTo(nearest(clear, preferred, 6))
                .doesNotContain(free.get(4), free.get(5), free.get(6), free.get(7), free.get(8))
                .contains(free.get(3));
        assertThat(advisor.suggest(8)).isEqualTo(clear.subList(0, 8));
    }

    /** Every port that check finds clear, ascending: the lowest of them are what suggest must answer. */
    private static List<Integer> clearPorts(PortAdvisor advisor) {
        List<Integer> clear = new ArrayList<>();
        for (int p = 0; p <= 65535; p++) {
            if (advisor.check(p).isClear()) {
                clear.add(p);
            }
        }
        return clear;
    }

    /** The rule of suggestNear, from check alone: clear ports by distance, the lower of a tie first. */
    private static List<Integer> nearest(List<Integer> clear, int preferred, int count) {
        List<Integer> sorted = new ArrayList<>(clear);
        sorted.sort(Comparator.comparingInt((Integer p) -> Math.abs(p - preferred)).thenComparingInt(p -> p));
        return sorted.subList(0, Math.min(count, sorted.size()));
    }

    @Test
    void whenFewerPortsAreFreeThanAskedForAllOfThemAreSuggested() {
        // an overlay that puts a use on every port of 1024..32767 but three: "fewer only if fewer exist"
        List<Integer> keep = BASE.suggest(3);
        AlternateUse busy = use("Busy", UseKind.UNOFFICIAL, EnumSet.of(Transport.TCP));
        Overlay.Builder b = Overlay.builder("busy");
        for (int p = 1024; p <= 32767; p++) {
            if (!keep.contains(p)) {
                b.alternateUse(p, busy);
            }
        }
        PortAdvisor advisor = PortAdvisor.of(FixtureRegistry.FIXTURE.with(b.build()));
        assertThat(advisor.suggest(10)).isEqualTo(keep);
        assertThat(advisor.suggestNear(65535, 10)).containsExactly(keep.get(2), keep.get(1), keep.get(0));
        assertThat(advisor.suggestNear(0, 10)).isEqualTo(keep);
    }

    @Test
    void theCountMustBeFrom1To1000() {
        assertThat(BASE.suggest(1)).hasSize(1);
        assertThatThrownBy(() -> BASE.suggest(1001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count 1001 is out of range: expected 1..1000");
        assertThatThrownBy(() -> BASE.suggestNear(8443, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count 0 is out of range: expected 1..1000");
        assertThatThrownBy(() -> BASE.suggestNear(65536, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port 65536 is out of range: expected 0..65535");
        assertThatThrownBy(() -> BASE.avoiding(null)).isInstanceOf(NullPointerException.class);
    }
}
