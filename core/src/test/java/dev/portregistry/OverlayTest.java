package dev.portregistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Local knowledge layered on a registry, which must never change. On the frozen fixture table
 * (test-fixtures/data/README.md): 1194 openvpn; 1196 netmagic, abandoned, with OpenVPN as an
 * unofficial use and the family 1194, 1195, 1197; 7443 and 9464 hold nothing; 0 is reserved.
 */
class OverlayTest {
    private static final PortRegistry FIXTURE = FixtureRegistry.FIXTURE;

    private static AlternateUse use(String name, UseKind kind) {
        return AlternateUse.builder().name(name).description(name + " listens here").transports(EnumSet.of(Transport.TCP)).kind(kind).basis("our own inventory").build();
    }

    @Test
    void aLocalAssignmentIsFoundByPortAndNameAndSaidToBeLocal() {
        assertThat(FIXTURE.get(7443).status()).isEqualTo(LifecycleStatus.UNASSIGNED);
        PortRegistry ours = FIXTURE.withAssignment(7443,
                ServiceAssignment.of("billing", "our billing service", Set.of(Transport.TCP), LifecycleStatus.ACTIVE));

        PortInfo info = ours.get(7443);
        ServiceAssignment billing = info.assignments().get(0);
        assertThat(info.assignments()).containsExactly(billing);
        assertThat(billing.name()).isEqualTo("billing");
        assertThat(billing.origin()).isEqualTo(Origin.LOCAL);
        assertThat(billing.transports()).containsExactly(Transport.TCP);
        assertThat(billing.basis().orElse("")).contains("withAssignment");
        assertThat(info.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(info.summary()).contains("Locally it is assigned to billing (our billing service) over TCP")
                .doesNotContain("IANA assigns it to billing");
        assertThat(ours.findService("billing")).containsExactly(info);
        assertThat(ours.findService("BILLING")).containsExactly(info);
        assertThat(ours.serviceNames()).contains("billing");
        assertThat(ours.overlays()).containsExactly("withAssignment");
        assertThat(ours.version()).isEqualTo(FIXTURE.version());
        assertThat(ours.toString()).contains("withAssignment");
    }

    @Test
    void theBaseRegistryNeverChanges() {
        PortInfo before7443 = FIXTURE.get(7443);
        PortInfo before1196 = FIXTURE.get(1196);
        var openvpnBefore = FIXTURE.findService("openvpn");
        var namesBefore = Set.copyOf(FIXTURE.serviceNames());

        PortRegistry ours = FIXTURE.with(Overlay.builder("ops")
                .assign(7443, "billing", "our billing service", Transport.TCP)
                .lifecycle(1196, "netmagic", LifecycleStatus.HISTORIC, "we retired it")
                .alternateUse(1196, use("Legacy VPN", UseKind.UNOFFICIAL))
                .related(1196, 7443)
                .name("openvpn", 7443)
                .build());
        assertThat(ours.get(1196)).isNotEqualTo(before1196);

        assertThat(FIXTURE.get(7443)).isSameAs(before7443);
        assertThat(FIXTURE.get(1196)).isSameAs(before1196);
        assertThat(FIXTURE.findService("openvpn")).isEqualTo(openvpnBefore);
        assertThat(FIXTURE.findService("billing")).isEmpty();
        assertThat(FIXTURE.serviceNames()).isEqualTo(namesBefore);
        assertThat(FIXTURE.overlays()).isEmpty();
    }

    @Test
    void theBundledRegistryNeverChanges() {
        // no fact of the bundled data is asserted: only that an overlay leaves the shared instance alone
        PortRegistry bundled = PortRegistry.bundled();
        PortInfo before = bundled.get(7443);
        var namesBefore = Set.copyOf(bundled.serviceNames());
        PortRegistry ours = bundled.with(Overlay.builder("ops")
                .assign(7443, "portregistry-overlay-test", "our billing service", Transport.TCP).build());
        assertThat(ours.findService("portregistry-overlay-test")).extracting(PortInfo::port).containsExactly(7443);

        assertThat(PortRegistry.bundled()).isSameAs(bundled);
        assertThat(bundled.get(7443)).isSameAs(before);
        assertThat(PortRegistry.lookup(7443)).isSameAs(before);
        assertThat(bundled.findService("portregistry-overlay-test")).isEmpty();
        assertThat(PortRegistry.byService("portregistry-overlay-test")).isEmpty();
        assertThat(bundled.serviceNames()).isEqualTo(namesBefore);
        assertThat(bundled.overlays()).isEmpty();
    }

    @Test
    void namesPointAtTheOverlaidRecordsNotTheOldOnes() {
        assertThat(FIXTURE.get(1196).relatedPorts()).containsExactly(1194, 1195, 1197);
        assertThat(FIXTURE.findService("openvpn")).extracting(PortInfo::port).containsExactly(1194, 1195, 1196, 1197);

        PortRegistry ours = FIXTURE.with(Overlay.builder("ops").related(1196, 7443).name("openvpn", 7443).build());
        assertThat(ours.get(1196).relatedPorts()).containsExactly(1194, 1195, 1197, 7443);
        assertThat(ours.get(7443).relatedPorts()).containsExactly(1196);
        // the ports it resolved to before, in their order, then the port the overlay adds
        assertThat(ours.findService("openvpn")).extracting(PortInfo::port).containsExactly(1194, 1195, 1196, 1197, 7443);
        assertThat(ours.findService("openvpn").get(2)).isSameAs(ours.get(1196));
    }

    @Test
    void servicesTextBecomesLocalAssignmentsWithAliasesAndComments() {
        String text = """
                # our services
                billing     7443/tcp    invoices    # billing API

                billing     7443/udp                # billing API, UDP health checks
                metrics\t9464/tcp\tprom-metrics
                http        80/tcp      www         # already IANA's: adds nothing but the alias
                """;
        PortRegistry ours = FIXTURE.with(Overlay.parseServices(text, "services.local"));

        ServiceAssignment billing = ours.get(7443).assignments().stream().filter(ServiceAssignment::isLocal)
                .findFirst().orElseThrow();
        assertThat(billing.name()).isEqualTo("billing");
        assertThat(billing.description()).isEqualTo("billing API");
        assertThat(billing.transports()).containsExactly(Transport.TCP, Transport.UDP);
        assertThat(billing.basis()).hasValue("local assignment from services.local, line 2");
        assertThat(ours.findService("invoices")).extracting(PortInfo::port).containsExactly(7443);
        assertThat(ours.findService("prom-metrics")).extracting(PortInfo::port).containsExactly(9464);
        assertThat(ours.get(9464).assignmentsFor(Transport.TCP)).extracting(ServiceAssignment::name).contains("metrics");
        assertThat(ours.get(80).assignments()).isEqualTo(FIXTURE.get(80).assignments());
        assertThat(ours.findService("http").get(0).port()).isEqualTo(80);
    }

    @Test
    void aLocalAssignmentAddsOnlyTheTransportsIanaLacks() {
        // IANA assigns openvpn to 1194 over TCP and UDP; a local SCTP line adds just that
        PortRegistry ours = FIXTURE.with(Overlay.parseServices("openvpn 1194/sctp\nopenvpn 1194/udp\n", "x"));
        assertThat(ours.get(1194).assignments()).filteredOn(ServiceAssignment::isLocal).singleElement()
                .satisfies(a -> assertThat(a.transports()).containsExactly(Transport.SCTP));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "billing                | services.local:2: \"billing\" is not a services(5) entry: expected \"name port/transport [aliases...] [# comment]\"",
            "billing 7443           | services.local:2: \"7443\" after the name \"billing\" is not a port/transport: expected e.g. 7443/tcp",
            "billing 70000/tcp      | services.local:2: port 70000 is out of range: expected 0..65535",
            "billing 99999999999/tcp | services.local:2: \"99999999999/tcp\" after the name \"billing\" is not a port/transport: expected e.g. 7443/tcp",
            "rtmp 1/ddp             | services.local:2: unknown transport \"ddp\": expected tcp, udp, sctp or dccp",
            "7443 7443/tcp          | services.local:2: service name \"7443\" is a number: expected a name such as \"billing\"",
            "ok 1/tcp 22            | services.local:2: service name \"22\" is a number: expected a name such as \"billing\"",
            "first 1/tcp            | services.local:2: duplicate entry first 1/tcp: already on line 1",
    })
    void aBadLineFailsWithFileLineAndWhatWasExpected(String line, String message) {
        String text = "first 1/tcp # fine\n" + line + "\n";
        assertThatThrownBy(() -> Overlay.parseServices(text, "services.local"))
                .isInstanceOf(RegistryFormatException.class).hasMessage(message)
                .satisfies(e -> {
                    RegistryFormatException ofe = (RegistryFormatException) e;
                    assertThat(ofe.source()).isEqualTo("services.local");
                    assertThat(ofe.line()).isEqualTo(2);
                });
    }

    @Test
    void aServicesFileIsNamedInItsErrors(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.services");
        Files.writeString(good, "billing 7443/tcp # billing API\n");
        assertThat(FIXTURE.withServicesFile(good).findService("billing")).hasSize(1);
        assertThat(FIXTURE.withServicesFile(good).overlays()).containsExactly(good.toString());

        Path bad = dir.resolve("bad.services");
        Files.writeString(bad, "# header\n\nbilling 7443/tpc\n");
        assertThatThrownBy(() -> FIXTURE.withServicesFile(bad))
                .isInstanceOf(RegistryFormatException.class)
                .hasMessage(bad + ":3: unknown transport \"tpc\": expected tcp, udp, sctp or dccp");
        assertThatThrownBy(() -> FIXTURE.withServicesFile(dir.resolve("missing")))
                .isInstanceOf(IOException.class).hasMessageContaining("missing");
    }

    @Test
    void lifecycleNotesChangeTheStatusOfAnExistingAssignmentOnly() {
        PortRegistry ours = FIXTURE.with(Overlay.builder("ops")
                .lifecycle(1194, "OpenVPN", LifecycleStatus.HISTORIC, "We moved to WireGuard.").build());
        assertThat(ours.get(1194).status()).isEqualTo(LifecycleStatus.HISTORIC);
        assertThat(ours.get(1194).assignments()).singleElement().satisfies(a -> {
            assertThat(a.reason().orElse("")).isEqualTo("We moved to WireGuard.");
            assertThat(a.origin()).isEqualTo(Origin.IANA);
        });
        assertThat(ours.get(1194).summary()).contains("historic", "We moved to WireGuard.");

        assertThatThrownBy(() -> FIXTURE.with(Overlay.builder("notes.json").line(7)
                .lifecycle(1194, "wireguard", LifecycleStatus.ABANDONED, "").build()))
                .isInstanceOf(RegistryFormatException.class)
                .hasMessage("notes.json:7: port 1194 has no assignment named \"wireguard\" to set ABANDONED: "
                        + "expected one of [openvpn]");
        assertThatThrownBy(() -> Overlay.builder("ops").lifecycle(1194, "openvpn", LifecycleStatus.RESERVED, ""))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RESERVED").hasMessageContaining("expected ACTIVE, ABANDONED, HISTORIC or DEREGISTERED");
    }

    @Test
    void aLifecycleEntryCarriesItsFactsAsFields() {
        PortRegistry ours = FIXTURE.with(Overlay.builder("ops").lifecycle(1194, "openvpn",
                Lifecycle.of(LifecycleStatus.ABANDONED).withProduct("Our VPN").withVendor("Ops team")
                        .withDiscontinuedYear(2025).withBasis("ticket OPS-1")).build());
        ServiceAssignment a = ours.get(1194).assignments().get(0);
        assertThat(a.status()).isEqualTo(LifecycleStatus.ABANDONED);
        assertThat(a.product()).hasValue("Our VPN");
        assertThat(a.vendor()).hasValue("Ops team");
        assertThat(a.discontinuedYear()).hasValue(2025);
        assertThat(a.basis()).hasValue("ticket OPS-1");
        assertThat(ours.get(1194).summary()).contains("Our VPN (Ops team) was discontinued in 2025");
        assertThatThrownBy(() -> Lifecycle.of(LifecycleStatus.UNASSIGNED)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UNASSIGNED");
        assertThatThrownBy(() -> Lifecycle.of(LifecycleStatus.ABANDONED).withDiscontinuedYear(-5))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("-5");
    }

    @Test
    void aLaterOverlayCanAnnotateAnEarlierOnesAssignment() {
        PortRegistry ours = FIXTURE.withAssignment(7443, ServiceAssignment.of("billing", "", Set.of(Transport.TCP), LifecycleStatus.ACTIVE));
        PortRegistry retired = ours.with(Overlay.builder("retire")
                .lifecycle(7443, "billing", LifecycleStatus.ABANDONED, "Billing moved to the cloud in 2026.").build());
        assertThat(retired.get(7443).assignments()).filteredOn(ServiceAssignment::isLocal).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(LifecycleStatus.ABANDONED));
        assertThat(retired.get(7443).summary())
                .contains("Your assignment of billing is abandoned: Billing moved to the cloud in 2026. ");
        assertThat(retired.overlays()).containsExactly("withAssignment", "retire");
        assertThat(ours.get(7443).assignments()).filteredOn(ServiceAssignment::isLocal).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(LifecycleStatus.ACTIVE));
    }

    @Test
    void alternateUsesKeepUnofficialBeforeMalwareAndReplaceTheirNamesake() {
        PortRegistry ours = FIXTURE.with(Overlay.builder("ops")
                .alternateUse(1196, use("BadBot", UseKind.MALWARE))
                .alternateUse(1196, use("Dev VPN", UseKind.UNOFFICIAL))
                .alternateUse(1196, use("dev vpn", UseKind.UNOFFICIAL))
                .build());
        assertThat(FIXTURE.get(1196).alternateUses()).extracting(AlternateUse::name).containsExactly("OpenVPN");
        assertThat(ours.get(1196).alternateUses()).extracting(AlternateUse::name)
                .containsExactly("OpenVPN", "dev vpn", "BadBot");
        assertThat(ours.findService("badbot")).containsExactly(ours.get(1196));
        assertThat(ours.get(1196).summary()).contains("BadBot", "dev vpn");

        int free = 9464;
        assertThat(FIXTURE.get(free).alternateUses()).isEmpty();
        PortRegistry one = FIXTURE.withAlternateUse(free, use("Elite", UseKind.MALWARE));
        assertThat(one.get(free).alternateUses()).extracting(AlternateUse::name).containsExactly("Elite");
        assertThat(one.get(free).status()).isEqualTo(LifecycleStatus.UNASSIGNED);
    }

    @Test
    void builderChecksEveryArgumentAtOnce() {
        Overlay.Builder b = Overlay.builder("ops.json").line(4);
        assertThatThrownBy(() -> b.assign(-1, "x", "", Transport.TCP))
                .isInstanceOf(RegistryFormatException.class).hasMessage("ops.json:4: port -1 is out of range: expected 0..65535");
        assertThatThrownBy(() -> b.assign(1, " ", "", Transport.TCP))
                .hasMessage("ops.json:4: service name \" \" is blank: expected a name such as \"billing\"");
        assertThatThrownBy(() -> b.assign(1, "x", ""))
                .hasMessage("ops.json:4: assignment \"x\" on port 1 has no transport: expected tcp, udp, sctp or dccp");
        assertThatThrownBy(() -> b.related(5))
                .hasMessage("ops.json:4: related ports [5] must hold at least two distinct ports");
        assertThatThrownBy(() -> b.related(5, 5))
                .hasMessage("ops.json:4: related ports lists port 5 twice");
        assertThatThrownBy(() -> b.name("payments"))
                .hasMessage("ops.json:4: name \"payments\" has no port: expected at least one");
        assertThatThrownBy(() -> b.line(-2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-2");
        assertThatThrownBy(() -> Overlay.builder(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> FIXTURE.with(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("overlay");
        assertThat(b.build().size()).isZero();
    }

    @Test
    void anAliasResolvesLikeItsServiceIncludingTheOverlaysOwnNames() {
        PortRegistry ours = FIXTURE.with(Overlay.builder("ops")
                .alias("vpn", "OpenVPN")
                .assign(7443, "billing", "", Transport.TCP)
                .alias("invoicing", "billing")
                .build());
        assertThat(ours.findService("vpn")).isEqualTo(ours.findService("OpenVPN")).isNotEmpty();
        assertThat(ours.findService("invoicing")).extracting(PortInfo::port).containsExactly(7443);
        assertThatThrownBy(() -> FIXTURE.with(Overlay.builder("names.json").line(3).alias("x", "no-such-service").build()))
                .isInstanceOf(RegistryFormatException.class)
                .hasMessage("names.json:3: name \"x\" stands for service \"no-such-service\", which resolves to no port: "
                        + "expected a service name the registry knows");
    }

    @Test
    void anOverlayIsImmutableOnceBuilt() {
        Overlay.Builder b = Overlay.builder("ops").name("payments", 7443);
        Overlay first = b.build();
        b.name("refunds", 7444);
        assertThat(first.size()).isEqualTo(1);
        assertThat(b.build().size()).isEqualTo(2);
        assertThat(FIXTURE.with(first).findService("refunds")).isEmpty();
    }

    @Test
    void aLocalAssignmentOnAReservedPortDoesNotHideTheReservation() {
        PortRegistry ours = FIXTURE.with(Overlay.builder("lab").assign(0, "zero", "lab test", Transport.UDP).build());
        assertThat(ours.get(0).status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(ours.get(0).summary()).contains("IANA has reserved it", "Locally it is assigned to zero (lab test) over UDP");
    }

    @Test
    void sizeCountsTheEntriesOfEveryKind() {
        Overlay overlay = Overlay.builder("ops")
                .assign(7443, "billing", "our billing service", Transport.TCP)
                .lifecycle(1194, "openvpn", LifecycleStatus.HISTORIC, "We moved to WireGuard.")
                .alternateUse(9464, use("Metrics", UseKind.UNOFFICIAL))
                .related(7443, 9464)
                .name("payments", 7443)
                .alias("invoicing", "billing")
                .servicePrograms("billing", List.of(Program.executable("billingd")))
                .usePrograms("Metrics", List.of(Program.executable("metricsd")))
                .build();
        assertThat(overlay.size()).isEqualTo(8);
        assertThat(overlay).hasToString("Overlay[ops, 8 entries]");
        assertThat(overlay.source()).isEqualTo("ops");
        assertThat(Overlay.builder("empty").build()).hasToString("Overlay[empty, 0 entries]");
    }

    @Test
    void anEntryFromCodeFailsWithAnIllegalArgumentAndOneFromAFileWithItsFileAndLine() {
        Overlay.Builder b = Overlay.builder("ops");
        assertThatThrownBy(() -> b.assign(65536, "billing", "", Transport.TCP))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("ops: port 65536 is out of range: expected 0..65535");
        b.line(5);
        assertThatThrownBy(() -> b.assign(65536, "billing", "", Transport.TCP))
                .isExactlyInstanceOf(RegistryFormatException.class)
                .hasMessage("ops:5: port 65536 is out of range: expected 0..65535");
        b.line(0); // none again: entries from code
        assertThatThrownBy(() -> b.assign(65536, "billing", "", Transport.TCP))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("ops: port 65536 is out of range: expected 0..65535");
        b.at("team.services", 3);
        assertThatThrownBy(() -> b.name("payments", -1))
                .isExactlyInstanceOf(RegistryFormatException.class)
                .hasMessage("team.services:3: port -1 is out of range: expected 0..65535");
        b.at("team.json", 0);
        assertThatThrownBy(() -> b.name("payments", -1))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("team.json: port -1 is out of range: expected 0..65535");
        assertThatThrownBy(() -> b.at(" ", 1)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("file \" \" is blank: expected a file name");
        assertThatThrownBy(() -> b.at("team.json", -1)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("line -1 is negative: expected 0 (none) or a 1-based line");
        // an overlay's own name stays its source, whatever file its entries came from
        assertThat(b.build().source()).isEqualTo("ops");
    }

    @Test
    void aLocalAssignmentWithoutABasisNamesWhereItCameFrom() {
        PortRegistry ours = FIXTURE.with(Overlay.builder("ops")
                .assign(7443, "billing", "", Transport.TCP)
                .at("team.services", 12).assign(9464, "metrics", "", Transport.TCP)
                .at("lab.services", 0).assign(7444, "lab", "", Transport.TCP)
                .line(0).assign(7445, ServiceAssignment.builder().name("kept").transports(EnumSet.of(Transport.TCP))
                        .status(LifecycleStatus.ACTIVE).basis("ticket OPS-7").build())
                .build());
        assertThat(ours.get(7443).assignments().get(0).basis()).hasValue("local assignment from ops");
        assertThat(ours.get(9464).assignments().get(0).basis()).hasValue("local assignment from team.services, line 12");
        assertThat(ours.get(7444).assignments().get(0).basis()).hasValue("local assignment from lab.services");
        assertThat(ours.get(7445).assignments().get(0).basis()).hasValue("ticket OPS-7");
    }

    @Test
    void everyEntryChecksItsPortsAtOnceAndBothEndsOfTheRangeAreAccepted() {
        Overlay.Builder b = Overlay.builder("ops.json").line(4);
        String high = "ops.json:4: port 65536 is out of range: expected 0..65535";
        String low = "ops.json:4: port -1 is out of range: expected 0..65535";
        assertThatThrownBy(() -> b.assign(65536, "billing", "", Transport.TCP)).hasMessage(high);
        assertThatThrownBy(() -> b.lifecycle(65536, "openvpn", LifecycleStatus.HISTORIC, "")).hasMessage(high);
        assertThatThrownBy(() -> b.lifecycle(-1, "openvpn", Lifecycle.of(LifecycleStatus.HISTORIC))).hasMessage(low);
        assertThatThrownBy(() -> b.alternateUse(65536, use("Metrics", UseKind.UNOFFICIAL))).hasMessage(high);
        assertThatThrownBy(() -> b.alternateUse(-1, use("Metrics", UseKind.UNOFFICIAL))).hasMessage(low);
        assertThatThrownBy(() -> b.related(7443, 65536)).hasMessage(high);
        assertThatThrownBy(() -> b.name("payments", 7443, -1)).hasMessage(low);
        assertThat(b.build().size()).as("no entry was added").isZero();

        PortRegistry ours = FIXTURE.with(Overlay.builder("lab")
                .assign(65535, "top", "", Transport.UDP)
                .related(0, 65535)
                .name("edges", 0, 65535)
                .build());
        assertThat(ours.get(65535).assignments()).extracting(ServiceAssignment::name).contains("top");
        assertThat(ours.get(0).relatedPorts()).containsExactly(65535);
        assertThat(ours.get(65535).relatedPorts()).contains(0);
        assertThat(ours.findService("edges")).extracting(PortInfo::port).containsExactly(0, 65535);
    }

    @Test
    void aLifecycleNoteNeedsAnAssignmentStatus() {
        for (LifecycleStatus status : List.of(LifecycleStatus.RESERVED, LifecycleStatus.UNASSIGNED)) {
            assertThatThrownBy(() -> Overlay.builder("ops").lifecycle(1194, "openvpn", status, ""))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("ops: status " + status + " for openvpn on port 1194 is not an assignment status: "
                            + "expected ACTIVE, ABANDONED, HISTORIC or DEREGISTERED");
        }
    }

    @Test
    void programsMustBeGivenAndEachOnce() {
        Overlay.Builder b = Overlay.builder("programs.json").line(9);
        assertThatThrownBy(() -> b.servicePrograms("http", List.of(Program.executable("nginx"), Program.executable("nginx"))))
                .isExactlyInstanceOf(RegistryFormatException.class)
                .hasMessage("programs.json:9: a program is listed twice for \"http\": [nginx, nginx]");
        assertThatThrownBy(() -> b.usePrograms("OpenVPN", List.of()))
                .isExactlyInstanceOf(RegistryFormatException.class)
                .hasMessage("programs.json:9: no program for \"OpenVPN\": expected at least one");
    }

    @Test
    void programNamesFindTheirServicesPortsBeforeTheirUsesPortsWhateverTheOrderOfEntries() {
        PortRegistry ours = FIXTURE.with(Overlay.builder("ops")
                .assign(7443, "billing", "", Transport.TCP)
                .alternateUse(9464, use("Metrics", UseKind.UNOFFICIAL))
                .usePrograms("metrics", List.of(Program.executable("opsd")))
                .servicePrograms("billing", List.of(Program.executable("opsd")))
                .build());
        assertThat(ours.findService("opsd")).extracting(PortInfo::port).containsExactly(7443, 9464);
        assertThat(ours.get(9464).alternateUses()).singleElement()
                .satisfies(u -> assertThat(u.programs()).containsExactly(Program.executable("opsd")));
    }

    /**
     * A use over more than {@value OverlayApplier#CHANCE_PORTS} ports is a range a program may be
     * given a port in, not its ports: the programs are set on every port, their names find none.
     * A service keeps all its ports, however many.
     */
    @Test
    void aUseOverMoreThan1024PortsGivesItsProgramsNamesNoPorts() {
        Overlay.Builder wide = Overlay.builder("wide");
        Overlay.Builder edge = Overlay.builder("edge");
        Overlay.Builder service = Overlay.builder("service");
        for (int port = 20000; port <= 21024; port++) {
            wide.alternateUse(port, use("Wide", UseKind.UNOFFICIAL));
            service.assign(port, "bulk", "", Transport.TCP);
            if (port < 21024) {
                edge.alternateUse(port, use("Edge", UseKind.UNOFFICIAL));
            }
        }
        PortRegistry w = FIXTURE.with(wide.usePrograms("wide", List.of(Program.executable("wided"))).build());
        assertThat(w.findService("wide")).hasSize(1025);
        assertThat(w.findService("wided")).isEmpty();
        assertThat(w.serviceNames()).doesNotContain("wided");
        assertThat(w.get(21024).alternateUses()).singleElement()
                .satisfies(u -> assertThat(u.programs()).containsExactly(Program.executable("wided")));

        PortRegistry e = FIXTURE.with(edge.usePrograms("edge", List.of(Program.executable("edged"))).build());
        assertThat(e.findService("edged")).extracting(PortInfo::port).hasSize(1024).startsWith(20000).endsWith(21023);

        PortRegistry s = FIXTURE.with(service.servicePrograms("bulk", List.of(Program.executable("bulkd"))).build());
        assertThat(s.findService("bulkd")).extracting(PortInfo::port).hasSize(1025).startsWith(20000).endsWith(21024);
    }

    @Test
    void aServicesLineMayNameEitherEndOfThePortRange() {
        PortRegistry ours = FIXTURE.with(Overlay.parseServices("zero 0/udp\ntop 65535/tcp # the last port\n", "edges.services"));
        assertThat(ours.get(0).assignments()).filteredOn(ServiceAssignment::isLocal).extracting(ServiceAssignment::name)
                .containsExactly("zero");
        assertThat(ours.get(65535).assignments()).filteredOn(ServiceAssignment::isLocal).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("top");
            assertThat(a.description()).isEqualTo("the last port");
            assertThat(a.basis()).hasValue("local assignment from edges.services, line 2");
        });
        assertThatThrownBy(() -> Overlay.parseServices("top 65536/tcp\n", "edges.services"))
                .isExactlyInstanceOf(RegistryFormatException.class)
                .hasMessage("edges.services:1: port 65536 is out of range: expected 0..65535");
    }
}
