package dev.portregistry.advice;

import dev.portregistry.AlternateUse;
import dev.portregistry.Overlay;
import dev.portregistry.PortInfo;
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

/** Choosing a port: every suggestion checks clear, and nothing closer or lower was skipped. */
class PortAdvisorTest {
    private static final PortAdvisor ADVISOR = PortAdvisor.of(PortRegistry.bundled());

    private static List<ConflictKind> kinds(PortCheck check) {
        return check.conflicts().stream().map(PortConflict::kind).toList();
    }

    private static String message(PortCheck check, ConflictKind kind) {
        return check.conflicts().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow().message();
    }

    /**
     * A port of the range with no assignment and no related ports, so that only the range speaks, and
     * the curated uses of the whole range (Windows' dynamic ports, Linux's ephemeral ports).
     */
    private static int emptyPortIn(int first, int last) {
        for (int p = first; p <= last; p++) {
            PortInfo info = PortRegistry.lookup(p);
            if (info.assignments().isEmpty() && info.relatedPorts().isEmpty()) {
                return p;
            }
        }
        throw new IllegalStateException("no port without assignments and related ports in " + first + ".." + last);
    }

    /** Transports as the advisor names them: "TCP", "TCP and UDP", "TCP, UDP and SCTP". */
    private static String transports(java.util.Collection<Transport> ts) {
        List<String> names = ts.stream().sorted().map(Transport::name).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** A well-known port whose IANA assignments are all ACTIVE and under one name, found in the data. */
    private static PortInfo wellKnownWithOneActiveName() {
        for (int p = 1; p < 1024; p++) {
            PortInfo info = PortRegistry.lookup(p);
            if (!info.assignments().isEmpty() && info.alternateUses().isEmpty()
                    && info.assignments().stream().allMatch(a -> a.status() == dev.portregistry.LifecycleStatus.ACTIVE
                    && !a.isLocal() && a.name().equals(info.assignments().get(0).name()) && !a.name().isEmpty())) {
                return info;
            }
        }
        throw new IllegalStateException("no well-known port with only active assignments under one name");
    }

    @Test
    void aWellKnownAssignedPortIsPrivilegedAndTaken() {
        PortInfo info = wellKnownWithOneActiveName();
        int port = info.port();
        java.util.Set<Transport> union = EnumSet.noneOf(Transport.class);
        info.assignments().forEach(a -> union.addAll(a.transports()));
        PortCheck check = ADVISOR.check(port);
        assertThat(kinds(check)).startsWith(ConflictKind.PRIVILEGED, ConflictKind.ASSIGNED);
        assertThat(message(check, ConflictKind.ASSIGNED)).as("one phrase over the union of the name's transports")
                .isEqualTo("IANA assigns port " + port + " to " + info.assignments().get(0).name() + " over "
                        + transports(union) + ".");
        assertThat(message(check, ConflictKind.PRIVILEGED)).contains("below 1024", "root");
        assertThat(check.isClear()).isFalse();
        assertThat(check.info()).isEqualTo(info);
        assertThat(kinds(ADVISOR.check(0))).startsWith(ConflictKind.PRIVILEGED, ConflictKind.RESERVED);
    }

    /** A registered port with an abandoned assignment, an unofficial use and related ports, found in the data. */
    private static PortInfo abandonedWithAnAlternateUse() {
        for (int p = 1024; p <= 49151; p++) {
            PortInfo info = PortRegistry.lookup(p);
            if (info.status() == dev.portregistry.LifecycleStatus.ABANDONED && !info.relatedPorts().isEmpty()
                    && info.assignments().size() == 1 && info.alternateUses().size() == 1
                    && info.alternateUses().get(0).kind() == UseKind.UNOFFICIAL
                    && info.alternateUses().get(0).officialPort().isPresent()) {
                return info;
            }
        }
        throw new IllegalStateException("no abandoned port with one alternate use and related ports");
    }

    @Test
    void anAbandonedPortExplainsEveryConflict() {
        PortInfo info = abandonedWithAnAlternateUse();
        int port = info.port();
        dev.portregistry.ServiceAssignment a = info.assignments().get(0);
        AlternateUse use = info.alternateUses().get(0);
        PortCheck check = ADVISOR.check(port);
        assertThat(kinds(check)).contains(ConflictKind.ASSIGNED, ConflictKind.ALTERNATE_USE, ConflictKind.RELATED)
                .doesNotContain(ConflictKind.PRIVILEGED, ConflictKind.DYNAMIC_RANGE, ConflictKind.EPHEMERAL_RANGE);
        assertThat(kinds(check)).isSorted();
        assertThat(check.conflicts()).extracting(PortConflict::message).contains(
                "IANA assigns port " + port + " to " + a.name() + " over " + transports(a.transports())
                        + ", abandoned (still assigned although no longer alive).",
                use.name() + " commonly runs on port " + port + " over " + transports(use.transports())
                        + " without the IANA assignment (its own port is " + use.officialPort().getAsInt() + ").",
                "Port " + port + " belongs to a family of related ports (" + info.relatedPorts().stream()
                        .map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + ").");
        assertThat(check.has(ConflictKind.RELATED)).isTrue();
        assertThat(check.has(ConflictKind.LOCAL_ASSIGNMENT)).isFalse();
    }

    @Test
    void dynamicAndEphemeralRangesAreExplained() {
        assertThat(kinds(ADVISOR.check(emptyPortIn(49152, 60999))))
                .contains(ConflictKind.DYNAMIC_RANGE, ConflictKind.EPHEMERAL_RANGE)
                .isSubsetOf(ConflictKind.ALTERNATE_USE, ConflictKind.DYNAMIC_RANGE, ConflictKind.EPHEMERAL_RANGE);
        assertThat(kinds(ADVISOR.check(emptyPortIn(61000, 65535))))
                .contains(ConflictKind.DYNAMIC_RANGE).isSubsetOf(ConflictKind.ALTERNATE_USE, ConflictKind.DYNAMIC_RANGE);
        assertThat(ADVISOR.check(32768).has(ConflictKind.EPHEMERAL_RANGE)).isTrue();
        assertThat(ADVISOR.check(32767).has(ConflictKind.EPHEMERAL_RANGE)).isFalse();
        assertThat(ADVISOR.check(49152).conflicts().get(0).message()).contains("49152-65535", "RFC 6335", "ephemeral");
    }

    @Test
    void localAssignmentsAndMalwareFromAnOverlayCount() {
        int free = ADVISOR.suggest(1).get(0);
        PortRegistry ours = PortRegistry.bundled().with(Overlay.builder("ops")
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
        assertThat(ADVISOR.check(free).isClear()).as("the bundled registry is unchanged").isTrue();
    }

    @Test
    void suggestionsAreTheLowestClearPorts() {
        List<Integer> ports = ADVISOR.suggest(20);
        assertThat(ports).hasSize(20).isSorted().doesNotHaveDuplicates();
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
        assertThat(ports).hasSize(10).doesNotHaveDuplicates();
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
        assertThat(ADVISOR.suggestNear(40000, 1).get(0)).isBetween(30000, 32767);
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
