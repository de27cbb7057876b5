package dev.portregistry;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The records' own rules, independent of any data. */
class PortInfoTest {
    private static final Set<Transport> TCP = EnumSet.of(Transport.TCP);

    private static ServiceAssignment assignment(String name, LifecycleStatus status) {
        return ServiceAssignment.of(name, "d", TCP, status);
    }

    @Test
    void statusIsTheMostAliveAssignment() {
        assertThat(statusOf(List.of())).isEqualTo(LifecycleStatus.UNASSIGNED);
        assertThat(statusOf(List.of(assignment("", LifecycleStatus.RESERVED)))).isEqualTo(LifecycleStatus.RESERVED);
        assertThat(statusOf(List.of(assignment("a", LifecycleStatus.DEREGISTERED),
                assignment("b", LifecycleStatus.HISTORIC)))).isEqualTo(LifecycleStatus.HISTORIC);
        assertThat(statusOf(List.of(assignment("a", LifecycleStatus.HISTORIC),
                assignment("b", LifecycleStatus.ABANDONED)))).isEqualTo(LifecycleStatus.ABANDONED);
        assertThat(statusOf(List.of(assignment("a", LifecycleStatus.ABANDONED),
                assignment("", LifecycleStatus.RESERVED), assignment("b", LifecycleStatus.ACTIVE))))
                .isEqualTo(LifecycleStatus.ACTIVE);
    }

    private static LifecycleStatus statusOf(List<ServiceAssignment> assignments) {
        return PortInfo.of(5, assignments, List.of(), List.of()).status();
    }

    @Test
    void rangeIsDerivedFromThePort() {
        assertThat(PortInfo.of(5, List.of(), List.of(), List.of()).range()).isEqualTo(PortRange.WELL_KNOWN);
        assertThat(PortInfo.of(1024, List.of(), List.of(), List.of()).range()).isEqualTo(PortRange.REGISTERED);
        assertThat(PortInfo.of(65535, List.of(), List.of(), List.of()).range()).isEqualTo(PortRange.DYNAMIC);
    }

    @Test
    void relatedPortsMustBeAscendingUniqueAndExcludeThePort() {
        assertThatThrownBy(() -> PortInfo.of(5, List.of(), List.of(), List.of(7, 6)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortInfo.of(5, List.of(), List.of(), List.of(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortInfo.of(5, List.of(), List.of(), List.of(70000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
        assertThat(PortInfo.of(5, List.of(), List.of(), List.of(1, 6)).relatedPorts()).containsExactly(1, 6);
        assertThatThrownBy(() -> PortInfo.of(5, List.of(), List.of(), List.of(6, 6)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("relatedPorts of port 5 must be ascending, unique and exclude the port itself: [6, 6]");
        assertThat(PortInfo.of(5, List.of(), List.of(), List.of(0, 65535)).relatedPorts()).containsExactly(0, 65535);
    }

    private static AlternateUse use(String name, UseKind kind, Set<Transport> transports) {
        return AlternateUse.builder().name(name).transports(transports).kind(kind).basis("b").build();
    }

    @Test
    void assignmentsAndUsesAreSelectedByTransportAndKindInTheirOrder() {
        ServiceAssignment tcpUdp = ServiceAssignment.of("a", "d", EnumSet.of(Transport.TCP, Transport.UDP), LifecycleStatus.ACTIVE);
        ServiceAssignment sctp = ServiceAssignment.of("b", "d", EnumSet.of(Transport.SCTP), LifecycleStatus.ACTIVE);
        ServiceAssignment udp = ServiceAssignment.of("c", "d", EnumSet.of(Transport.UDP), LifecycleStatus.HISTORIC);
        AlternateUse app = use("App", UseKind.UNOFFICIAL, EnumSet.of(Transport.TCP));
        AlternateUse bot = use("Bot", UseKind.MALWARE, EnumSet.of(Transport.UDP, Transport.TCP));
        AlternateUse tool = use("Tool", UseKind.UNOFFICIAL, EnumSet.of(Transport.UDP));
        PortInfo info = PortInfo.of(40000, List.of(tcpUdp, sctp, udp), List.of(app, tool, bot), List.of());

        assertThat(info.assignmentsFor(Transport.UDP)).containsExactly(tcpUdp, udp);
        assertThat(info.assignmentsFor(Transport.SCTP)).containsExactly(sctp);
        assertThat(info.assignmentsFor(Transport.DCCP)).isEmpty();
        assertThat(info.alternateUses(UseKind.UNOFFICIAL)).containsExactly(app, tool);
        assertThat(info.alternateUses(UseKind.MALWARE)).containsExactly(bot);
        assertThat(info.alternateUsesFor(Transport.TCP)).containsExactly(app, bot);
        assertThat(info.alternateUsesFor(Transport.UDP)).containsExactly(tool, bot);
        assertThat(info.alternateUsesFor(Transport.SCTP)).isEmpty();
        assertThatThrownBy(() -> info.alternateUsesFor(null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessageContaining("transport");
        assertThatThrownBy(() -> info.alternateUsesFor(Transport.TCP).add(app)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theShortFormNamesPortStatusAssignmentsUsesAndRelatedPorts() {
        PortInfo tombstone = PortInfo.of(1196,
                List.of(ServiceAssignment.of("netmagic", "Network Magic", EnumSet.of(Transport.TCP, Transport.UDP),
                        LifecycleStatus.ABANDONED)),
                List.of(use("OpenVPN", UseKind.UNOFFICIAL, EnumSet.of(Transport.UDP))), List.of(1194, 1195, 1197));
        assertThat(tombstone).hasToString("1196 ABANDONED [netmagic (Network Magic) [TCP, UDP] ABANDONED]"
                + " [OpenVPN [UDP] UNOFFICIAL] related [1194, 1195, 1197]");
        assertThat(PortInfo.of(5, List.of(), List.of(), List.of())).hasToString("5 UNASSIGNED [] []");
    }

    @Test
    void recordsRejectNullsAndEmptyTransports() {
        assertThatThrownBy(() -> ServiceAssignment.of(null, "d", TCP, LifecycleStatus.ACTIVE))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ServiceAssignment.of("a", "d", Set.of(), LifecycleStatus.ACTIVE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> ServiceAssignment.of("a", "d", TCP, LifecycleStatus.UNASSIGNED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlternateUse.builder().name(" ").description("d").transports(TCP).kind(UseKind.UNOFFICIAL).basis("b").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlternateUse.builder().name("x").description("d").transports(TCP).kind(UseKind.UNOFFICIAL).officialPort(65536).basis("b").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
        assertThatThrownBy(() -> PortInfo.of(1, null, List.of(), List.of())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void transportsAreCopiedInDeclarationOrder() {
        EnumSet<Transport> mutable = EnumSet.of(Transport.UDP, Transport.TCP);
        ServiceAssignment a = ServiceAssignment.of("a", "d", mutable, LifecycleStatus.ACTIVE);
        mutable.add(Transport.SCTP);
        assertThat(a.transports()).containsExactly(Transport.TCP, Transport.UDP);
        assertThat(a.covers(Transport.UDP)).isTrue();
        assertThat(a.covers(Transport.SCTP)).isFalse();
        ServiceAssignment all = ServiceAssignment.of("all", "d", EnumSet.allOf(Transport.class), LifecycleStatus.ACTIVE);
        assertThat(all.transports()).containsExactly(Transport.TCP, Transport.UDP, Transport.SCTP, Transport.DCCP);
        assertThat(AlternateUse.builder().name("x").transports(Set.of(Transport.DCCP, Transport.SCTP, Transport.UDP, Transport.TCP))
                .kind(UseKind.UNOFFICIAL).build().transports())
                .containsExactly(Transport.TCP, Transport.UDP, Transport.SCTP, Transport.DCCP);
    }

    @Test
    void transportParsing() {
        assertThat(Transport.parse("TcP")).isEqualTo(Transport.TCP);
        assertThat(Transport.DCCP.label()).isEqualTo("dccp");
        assertThatThrownBy(() -> Transport.parse("icmp")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("icmp").hasMessageContaining("tcp, udp, sctp or dccp");
        assertThatThrownBy(() -> Transport.parse(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void rangesKnowTheirBounds() {
        assertThat(PortRange.WELL_KNOWN.first()).isZero();
        assertThat(PortRange.WELL_KNOWN.last()).isEqualTo(1023);
        assertThat(PortRange.REGISTERED.first()).isEqualTo(1024);
        assertThat(PortRange.REGISTERED.last()).isEqualTo(49151);
        assertThat(PortRange.DYNAMIC.first()).isEqualTo(49152);
        assertThat(PortRange.DYNAMIC.last()).isEqualTo(65535);
        assertThat(PortRange.REGISTERED.contains(1023)).isFalse();
        assertThat(PortRange.REGISTERED.contains(1024)).isTrue();
    }

    @Test
    void summaryComesFromTheRecordNotFromThePortNumber() {
        AlternateUse use = AlternateUse.builder().name("ExampleApp").description("d").transports(TCP).kind(UseKind.MALWARE).basis("b").build();
        PortInfo info = PortInfo.of(40000, List.of(ServiceAssignment.builder().name("svc").description("Some Service").transports(TCP).status(LifecycleStatus.ABANDONED).reason("Some Product (Acme) was discontinued in 2010.").build()), List.of(use), List.of(40001));
        assertThat(info.summary()).contains("40000", "registered", "svc (Some Service) over TCP",
                "Some Product (Acme) was discontinued in 2010", "abandoned", "ExampleApp", "40001", "suspicious");
    }

    private static AlternateUse malware(String name, String description) {
        return AlternateUse.builder().name(name).description(description).transports(TCP).kind(UseKind.MALWARE).basis("b").build();
    }

    private static AlternateUse malware(String name, int firstYear, int lastYear) {
        return AlternateUse.builder().name(name).description("A description that says nothing the summary reads.")
                .transports(TCP).kind(UseKind.MALWARE).basis("b").firstYear(firstYear).lastYear(lastYear).build();
    }

    @Test
    void summaryNamesMalwareWithItsEraFromTheFieldsNewestFirst() {
        PortInfo info = PortInfo.of(40000, List.of(assignment("svc", LifecycleStatus.ACTIVE)), List.of(
                malware("OldTrojan", 1999, 2003), malware("Undated", 0, 0), malware("NewBot", 2021, 0)), List.of());
        String summary = info.summary();
        assertThat(summary).contains("NewBot (seen from 2021)", "OldTrojan (seen 1999-2003)", "Undated")
                .doesNotContain("Undated (", "says nothing");
        assertThat(summary.indexOf("NewBot")).isLessThan(summary.indexOf("OldTrojan"));
        assertThat(summary.indexOf("OldTrojan")).isLessThan(summary.indexOf("Undated"));
    }

    @Test
    void aDescriptionWithAYearIsNotReadForTheEra() {
        // the era is a field: a year written in the description must not leak into the summary's era
        PortInfo info = PortInfo.of(40000, List.of(), List.of(malware("X", "A 1999 Windows trojan.")), List.of());
        assertThat(info.summary()).contains("malware is known to use the port").doesNotContain("(from", "1999");
    }

    @Test
    void adviceWeighsMalwareByWhetherAnActiveServiceHoldsThePort() {
        List<AlternateUse> uses = List.of(malware("OldTrojan", 1999, 0), malware("Worm", 2004, 2005));
        String active = PortInfo.of(40000, List.of(assignment("svc", LifecycleStatus.ACTIVE)), uses, List.of()).summary();
        assertThat(active).contains("expected if you run the assigned service", "(from 1999 to 2004)", "weak evidence")
                .doesNotContain("suspicious");
        String abandoned = PortInfo.of(40000, List.of(assignment("svc", LifecycleStatus.ABANDONED)), uses, List.of())
                .summary();
        assertThat(abandoned).contains("No active service", "(from 1999 to 2004)", "suspicious", "investigate it closely")
                .doesNotContain("weak evidence");
        String unassigned = PortInfo.of(50000, List.of(), List.of(malware("Bot", 2007, 0)), List.of()).summary();
        assertThat(unassigned).contains("(from 2007)", "suspicious").doesNotContain("Short-lived");
        String undated = PortInfo.of(40000, List.of(), List.of(malware("X", 0, 0)), List.of()).summary();
        assertThat(undated).contains("malware is known to use the port").doesNotContain("(from");
    }

    @Test
    void oneProductBehindSeveralNamesIsToldOnceFromItsFields() {
        ServiceAssignment.Builder product = ServiceAssignment.builder().status(LifecycleStatus.ABANDONED)
                .product("Some Product").vendor("Acme").discontinuedYear(2010).basis("Acme's end-of-life notice");
        PortInfo info = PortInfo.of(40000, List.of(
                product.name("one").description("d1").transports(TCP).build(),
                product.name("two").description("d2").transports(EnumSet.of(Transport.UDP)).build(),
                ServiceAssignment.builder().name("old").description("d3").transports(TCP).status(LifecycleStatus.HISTORIC)
                        .reason("replaced long ago.").build()),
                List.of(), List.of());
        String summary = info.summary();
        assertThat(summary).contains("Some Product (Acme) was discontinued in 2010, so the assignments of one and two "
                + "are abandoned.", "The protocol behind old is historic: replaced long ago.");
        assertThat(summary.indexOf("Some Product")).isEqualTo(summary.lastIndexOf("Some Product"));
        ServiceAssignment unknownYear = ServiceAssignment.builder().name("x").transports(TCP)
                .status(LifecycleStatus.ABANDONED).product("Gadget").build();
        assertThat(PortInfo.of(40001, List.of(unknownYear), List.of(), List.of()).summary())
                .contains("Gadget was discontinued, so the assignment of x is abandoned.");
    }

    @Test
    void aSummaryWithoutMalwareKeepsItsPlainAdvice() {
        assertThat(PortInfo.of(40000, List.of(assignment("svc", LifecycleStatus.ACTIVE)), List.of(), List.of()).summary())
                .endsWith("A listener here is expected if you run the assigned service.");
        assertThat(PortInfo.of(40000, List.of(assignment("svc", LifecycleStatus.ABANDONED)), List.of(), List.of()).summary())
                .endsWith("If you did not configure a service on it, investigate an unexpected listener.");
    }
}
