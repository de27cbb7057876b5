package dev.portregistry;

import dev.portregistry.internal.LayerSource;
import dev.portregistry.internal.TableSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A registry with an overlay is a layer over the registry it was applied to: it holds what the
 * overlay changed, decodes nothing else, and answers names and listings as a whole registry would;
 * and the rules of the one merge engine that the build and users' overlays share.
 */
class LayeredRegistryTest {
    private static final PortRegistry BASE = FixtureRegistry.FIXTURE; // the frozen fixture table

    private static PortRegistry freshTable() {
        return PortRegistry.fromTable(PortRegistry.class.getResourceAsStream(PortRegistry.RESOURCE), "copy");
    }

    private static long decoded(PortRegistry tableRegistry) {
        return Arrays.stream(((TableSource) tableRegistry.source()).records()).filter(Objects::nonNull).count();
    }

    private static AlternateUse use(String name, UseKind kind, int officialPort) {
        AlternateUse.Builder b = AlternateUse.builder().name(name).description(name + " listens here")
                .transports(Set.of(Transport.TCP)).kind(kind).basis("our inventory");
        if (officialPort >= 0) {
            b.officialPort(officialPort);
        }
        return b.build();
    }

    @Test
    void anOverlayDecodesOnlyWhatItTouches() {
        PortRegistry table = freshTable();
        PortRegistry ours = table.with(Overlay.builder("ops").assign(7443, "billing", "our billing", Transport.TCP)
                .related(7443, 7444).build());
        assertThat(ours.source()).isInstanceOf(LayerSource.class);
        assertThat(decoded(table)).as("records decoded to apply a two-port overlay").isLessThanOrEqualTo(2);
        assertThat(ours.get(7443).relatedPorts()).containsExactly(7444);
        assertThat(ours.get(22)).isSameAs(table.get(22));
        assertThat(decoded(table)).isLessThanOrEqualTo(3);
        assertThatThrownBy(() -> ours.get(65536)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65536").hasMessageContaining("0..65535");
        assertThatThrownBy(() -> ours.get(-1)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void layersStackAndEachAnswersNamesAndListingsLikeAWholeRegistry() {
        PortRegistry one = BASE.with(Overlay.builder("one").assign(7443, "billing", "", Transport.TCP).build());
        PortRegistry two = one.with(Overlay.builder("two").alternateUse(1196, use("Dev VPN", UseKind.UNOFFICIAL, -1))
                .build());
        assertThat(two.overlays()).containsExactly("one", "two");
        assertThat(two.findService("billing")).containsExactly(two.get(7443));
        assertThat(two.findService("dev vpn")).containsExactly(two.get(1196));
        assertThat(one.findService("dev vpn")).isEmpty();
        assertThat(two.serviceNames()).contains("billing", "dev vpn").containsAll(BASE.serviceNames());
        assertThat(two.serviceNames()).hasSize(BASE.serviceNames().size() + 2);
        // a name below that lists a changed port answers with the new record
        assertThat(two.findService("openvpn")).contains(two.get(1196)).doesNotContain(BASE.get(1196));
        assertThat(two.knownPorts()).contains(two.get(7443), two.get(1196)).doesNotContain(BASE.get(1196));
        List<Integer> known = two.knownPorts().stream().map(PortInfo::port).toList();
        assertThat(known).isSorted().doesNotHaveDuplicates();
        List<Integer> expected = new java.util.ArrayList<>(BASE.knownPorts().stream().map(PortInfo::port).toList());
        if (!expected.contains(7443)) {
            expected.add(7443);
            expected.sort(null);
        }
        assertThat(known).isEqualTo(expected);
    }

    @Test
    void aNameAnswersOldPortsThenAssignmentsOwnPortsUsesAndNamesInThatOrder() {
        PortRegistry ours = BASE.with(Overlay.builder("ops")
                .name("shop", 9002, 9001)
                .alternateUse(9200, use("Shop", UseKind.UNOFFICIAL, 8100))
                .alternateUse(9100, use("shop", UseKind.MALWARE, -1))
                .assign(9300, "shop", "", Transport.TCP)
                .build());
        assertThat(ours.findService("SHOP")).extracting(PortInfo::port).containsExactly(9300, 8100, 9100, 9200, 9002, 9001);
        // a name that already resolves keeps its ports first and gets the new ones after them
        List<Integer> http = BASE.findService("http").stream().map(PortInfo::port).toList();
        PortRegistry more = BASE.with(Overlay.builder("ops").name("http", 18080).build());
        assertThat(more.findService("http")).extracting(PortInfo::port)
                .containsSequence(http).endsWith(18080).hasSize(http.size() + (http.contains(18080) ? 0 : 1));
    }

    @Test
    void aLifecycleEntryMatchesIgnoringCaseAndOnlyLiveAssignments() {
        PortRegistry ours = BASE.with(Overlay.builder("ops")
                .lifecycle(1194, "OPENVPN", LifecycleStatus.HISTORIC, "We moved to WireGuard.").build());
        assertThat(ours.get(1194).assignments()).allSatisfy(a -> assertThat(a.status()).isEqualTo(LifecycleStatus.HISTORIC));

        PortRegistry withdrawn = BASE.with(Overlay.builder("ops").assign(9400, "oldsvc", "", Transport.TCP)
                .lifecycle(9400, "oldsvc", LifecycleStatus.DEREGISTERED, "withdrawn").build());
        int port = 9400;
        String name = "OldSvc";
        assertThatThrownBy(() -> withdrawn.with(Overlay.builder("notes.json").line(4)
                .lifecycle(port, name, LifecycleStatus.ABANDONED, "").build()))
                .isExactlyInstanceOf(RegistryFormatException.class)
                .hasMessage("notes.json:4: " + name + " on port " + port + " is DEREGISTERED: only a live assignment"
                        + " (ACTIVE, ABANDONED or HISTORIC) can be set ABANDONED");
    }

    @Test
    void aNewStatusReplacesTheOldFactsAndTheSameStatusFillsThemIn() {
        PortRegistry retired = BASE.with(Overlay.builder("one").lifecycle(1194, "openvpn",
                Lifecycle.of(LifecycleStatus.ABANDONED).withProduct("Our VPN").withVendor("Ops").withDiscontinuedYear(2025)
                        .withReason("replaced").withBasis("ticket 1")).build());
        PortRegistry refined = retired.with(Overlay.builder("two").lifecycle(1194, "openvpn",
                Lifecycle.of(LifecycleStatus.ABANDONED).withVendor("Ops team")).build());
        ServiceAssignment a = refined.get(1194).assignments().get(0);
        assertThat(a.product()).hasValue("Our VPN");
        assertThat(a.vendor()).hasValue("Ops team");
        assertThat(a.discontinuedYear()).hasValue(2025);
        assertThat(a.reason()).hasValue("replaced");
        assertThat(a.basis()).hasValue("ticket 1");

        PortRegistry historic = retired.with(Overlay.builder("three").lifecycle(1194, "openvpn",
                Lifecycle.of(LifecycleStatus.HISTORIC).withReason("RFC 9999 obsoletes it")).build());
        ServiceAssignment h = historic.get(1194).assignments().get(0);
        assertThat(h.status()).isEqualTo(LifecycleStatus.HISTORIC);
        assertThat(h.reason()).hasValue("RFC 9999 obsoletes it");
        assertThat(h.product()).isEmpty();
        assertThat(h.vendor()).isEmpty();
        assertThat(h.discontinuedYear()).isEmpty();
        assertThat(h.basis()).isEmpty();
    }

    @Test
    void programsGoToTheirServiceOrUseAndTheirNamesFindThePorts() {
        PortRegistry ours = BASE.with(Overlay.builder("ops")
                .assign(7443, "billing", "", Transport.TCP)
                .alternateUse(9200, use("Shop", UseKind.UNOFFICIAL, -1))
                .servicePrograms("BILLING", List.of(Program.executable("billingd")))
                .usePrograms("shop", List.of(Program.executable("shopd"), Program.runtime("java", "shop.jar")))
                .build());
        assertThat(ours.get(7443).assignments()).filteredOn(a -> a.name().equals("billing")).singleElement()
                .satisfies(a -> assertThat(a.programs()).containsExactly(Program.executable("billingd")));
        assertThat(ours.get(9200).alternateUses()).filteredOn(u -> u.name().equals("Shop")).singleElement()
                .satisfies(u -> assertThat(u.programs()).hasSize(2));
        assertThat(ours.findService("billingd")).extracting(PortInfo::port).containsExactly(7443);
        assertThat(ours.findService("shopd")).extracting(PortInfo::port).containsExactly(9200);
        assertThat(ours.findService("shop.jar")).isEmpty();

        assertThatThrownBy(() -> BASE.with(Overlay.builder("p.json").line(2)
                .usePrograms("No Such Use", List.of(Program.executable("x"))).build()))
                .isExactlyInstanceOf(RegistryFormatException.class)
                .hasMessage("p.json:2: \"No Such Use\" is no alternate use: expected the name of one, as the registry holds it");
        assertThatThrownBy(() -> Overlay.builder("ops").servicePrograms("http", List.of()))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected at least one");
    }

    @Test
    void aLayerFromIanasCsvRemovesTheNamesTheFileNoLongerAssigns(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("service-names-port-numbers.csv");
        Files.writeString(csv, IanaCsvTest.fixture());
        PortRegistry fresh = BASE.withIanaCsv(csv);
        assertThat(fresh.source()).isInstanceOf(LayerSource.class);
        assertThat(BASE.serviceNames()).contains("netmagic");
        assertThat(fresh.findService("netmagic")).isEmpty();
        assertThat(fresh.serviceNames()).doesNotContain("netmagic").contains("fixture-new");
        // every name listed answers, with the layer's own records; so does every known port
        for (String name : fresh.serviceNames()) {
            List<PortInfo> found = fresh.findService(name);
            assertThat(found).as(name).isNotEmpty();
            for (PortInfo p : found) {
                assertThat(p).as(name).isSameAs(fresh.get(p.port()));
            }
        }
        assertThat(fresh.knownPorts()).allSatisfy(p -> assertThat(p).isSameAs(fresh.get(p.port())));
        assertThat(fresh.knownPorts()).extracting(PortInfo::port).isSorted().doesNotHaveDuplicates();
    }
}
