package dev.portregistry.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portregistry.AlternateUse;
import dev.portregistry.DataVersion;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.Overlay;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRange;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import dev.portregistry.advice.ConflictKind;
import dev.portregistry.advice.PortAdvisor;
import dev.portregistry.advice.PortCheck;
import dev.portregistry.host.Listener;
import dev.portregistry.host.ListeningSockets;
import dev.portregistry.nmap.PortFrequency;
import dev.portregistry.nmap.PortPopularity;
import dev.portregistry.json.PortRegistryModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The code of the user guide ({@code docs/guide.md}) and the README: each region between
 * {@code tag::NAME[]} and {@code end::NAME[]} is what the docs show under
 * {@code <!-- snippet: NAME -->}, checked by {@link DocsTest}, so no example in the docs can rot.
 * Each test runs its region and checks what the docs say it does.
 */
class GuideExamplesTest {

    @Test
    void lookup() {
        // tag::lookup[]
        PortInfo info = PortRegistry.lookup(1196);
        info.range();          // REGISTERED
        info.status();         // ABANDONED: netmagic is still assigned, the product is gone
        info.assignments();    // netmagic (Network Magic) over TCP and UDP
        info.alternateUses();  // OpenVPN, an unofficial use; its own port is 1194
        info.relatedPorts();   // 1194, 1195, 1197
        info.summary();        // "Port 1196 is a registered port (1024-49151). IANA assigns it to netmagic ..."
        // end::lookup[]
        assertThat(info.range()).isEqualTo(PortRange.REGISTERED);
        assertThat(info.status()).isEqualTo(LifecycleStatus.ABANDONED);
        assertThat(info.assignments()).extracting(ServiceAssignment::name).containsExactly("netmagic");
        assertThat(info.alternateUses()).extracting(AlternateUse::name).contains("OpenVPN");
        assertThat(info.relatedPorts()).containsExactly(1194, 1195, 1197);
        assertThat(info.summary()).startsWith("Port 1196 is a registered port (1024-49151). IANA assigns it to netmagic");
    }

    @Test
    void byService() {
        // tag::by-service[]
        List<PortInfo> openvpn = PortRegistry.byService("openvpn");   // 1194, then 1195, 1196, 1197
        List<PortInfo> rdp = PortRegistry.byService("RDP");           // 3389: common names resolve, any case
        List<PortInfo> none = PortRegistry.byService("no-such-service"); // empty, never null
        // end::by-service[]
        assertThat(openvpn).extracting(PortInfo::port).containsExactly(1194, 1195, 1196, 1197);
        assertThat(rdp).extracting(PortInfo::port).contains(3389);
        assertThat(none).isEmpty();
    }

    @Test
    void assignmentFields() {
        // tag::assignment-fields[]
        ServiceAssignment netmagic = PortRegistry.lookup(1196).assignments().get(0);
        netmagic.status();            // ABANDONED
        netmagic.product();           // Optional[Network Magic]
        netmagic.vendor();            // Optional[Pure Networks, acquired by Cisco in 2008]
        netmagic.discontinuedYear();  // OptionalInt: only where the year is known
        netmagic.basis();             // what the lifecycle facts rest on
        netmagic.registrationDate();  // IANA's own record: Optional[2005-08], with IANA's precision
        // end::assignment-fields[]
        assertThat(netmagic.status()).isEqualTo(LifecycleStatus.ABANDONED);
        assertThat(netmagic.product()).hasValue("Network Magic");
        assertThat(netmagic.vendor().orElseThrow()).contains("Pure Networks");
        assertThat(netmagic.basis()).isPresent();
    }

    @Test
    void badInput() {
        // tag::bad-input[]
        String problem = "";
        try {
            PortRegistry.lookup(70000);
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();   // names 70000 and the range 0..65535
        }
        // end::bad-input[]
        assertThat(problem).contains("70000").contains("0..65535");
    }

    @Test
    void overlayInCode() {
        // tag::overlay-code[]
        PortRegistry ours = PortRegistry.bundled().with(Overlay.builder("ops")
                .assign(7443, "billing", "our billing service", Transport.TCP)
                .lifecycle(1194, "openvpn", LifecycleStatus.HISTORIC, "We moved to WireGuard.")
                .alternateUse(8000, AlternateUse.builder().name("Dev proxy").description("Developers' local proxy.")
                        .transports(Set.of(Transport.TCP)).kind(UseKind.UNOFFICIAL).officialPort(8080)
                        .basis("our team wiki").build())
                .related(7443, 7444)
                .name("payments", 7443)
                .build());
        ours.findService("billing");   // [7443]; PortRegistry.byService("billing") is still []
        // end::overlay-code[]
        assertThat(ours.findService("billing")).extracting(PortInfo::port).containsExactly(7443);
        assertThat(ours.findService("payments")).extracting(PortInfo::port).containsExactly(7443);
        assertThat(ours.get(1194).status()).isEqualTo(LifecycleStatus.HISTORIC);
        assertThat(PortRegistry.byService("billing")).isEmpty();
    }

    @Test
    void overlayFromServicesFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("services");
        Files.writeString(file, "billing   7443/tcp   invoices   # our billing service\n");
        // tag::overlay-services[]
        // billing   7443/tcp   invoices   # our billing service
        PortRegistry ours = PortRegistry.bundled().withServicesFile(file);
        ours.get(7443).summary();   // "... Locally it is assigned to billing (our billing service) over TCP. ..."
        // end::overlay-services[]
        assertThat(ours.findService("invoices")).extracting(PortInfo::port).containsExactly(7443);
        assertThat(ours.get(7443).summary()).contains("billing");
    }

    @Test
    void dataVersion() {
        // tag::data-version[]
        DataVersion v = PortRegistry.dataVersion();
        v.officialSource();    // where IANA's data was taken from
        v.officialDate();      // how new it is
        v.curatedRevision();   // the revision of our curated knowledge
        // end::data-version[]
        assertThat(v.officialSource()).contains("IANA");
        assertThat(v.curatedRevision()).isNotBlank();
    }

    @Test
    void json() throws IOException {
        // tag::json[]
        ObjectMapper mapper = new ObjectMapper().registerModule(new PortRegistryModule());  // or findAndRegisterModules()
        String json = mapper.writeValueAsString(PortRegistry.lookup(1196));
        // end::json[]
        assertThat(mapper.readTree(json).get("status").asText()).isEqualTo("ABANDONED");
    }

    @Test
    void hostAudit() throws IOException {
        PortRegistry ours = PortRegistry.bundled();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // tag::host-audit[]
            if (ListeningSockets.isSupported()) {
                for (Listener l : ListeningSockets.listeners(ours)) {
                    l.socket().endpoint();   // "127.0.0.1:7443", "[::]:22"
                    l.process();             // Optional<ProcessInfo>: pid, user, commandName, executable, commandLine
                    l.verdict();             // EXPECTED, PLAUSIBLE, UNEXPECTED, SUSPICIOUS or UNKNOWN
                    l.reason();              // "nc (pid 4242) listens on 1196/tcp; 1196 is assigned to netmagic, ..."
                    l.loopbackOnly();        // only this machine can reach it
                }
            }
            // end::host-audit[]
            assumeTrue(ListeningSockets.isSupported(), "the host audit reads Linux's /proc");
            int port = server.getLocalPort();
            Listener mine = ListeningSockets.listeners(ours).stream()
                    .filter(l -> l.socket().port() == port && l.socket().transport() == Transport.TCP)
                    .findFirst().orElseThrow(() -> new AssertionError("our listener on " + port + " was not found"));
            assertThat(mine.socket().endpoint()).isEqualTo("127.0.0.1:" + port);
            assertThat(mine.process()).hasValueSatisfying(p -> assertThat((long) p.pid()).isEqualTo(ProcessHandle.current().pid()));
            assertThat(mine.loopbackOnly()).isTrue();
            assertThat(mine.reason()).contains(Integer.toString(port));
        }
    }

    @Test
    void portAdvice() {
        PortRegistry ours = PortRegistry.bundled();
        // tag::port-advice[]
        PortAdvisor advisor = PortAdvisor.of(ours);
        advisor.suggest(3);               // the lowest free ports, e.g. [1109, 1491, 1783]
        advisor.suggestNear(8443, 3);     // the free ports nearest 8443
        advisor.check(1196).conflicts();  // ASSIGNED (netmagic, abandoned), ALTERNATE_USE (OpenVPN), RELATED (1194, 1195, 1197)
        // end::port-advice[]
        List<Integer> suggested = advisor.suggest(3);
        assertThat(suggested).hasSize(3).isSorted().allSatisfy(p -> {
            assertThat(p).isBetween(1024, 32767);
            assertThat(advisor.check(p).isClear()).as("suggested port %d is clear", p).isTrue();
        });
        List<Integer> near = advisor.suggestNear(8443, 3);
        assertThat(near).hasSize(3).allSatisfy(p -> assertThat(advisor.check(p).isClear()).isTrue());
        PortCheck netmagic = advisor.check(1196);
        assertThat(netmagic.conflicts()).extracting(c -> c.kind())
                .containsExactly(ConflictKind.ASSIGNED, ConflictKind.ALTERNATE_USE, ConflictKind.RELATED);
    }

    @Test
    void popularity(@TempDir Path dir) throws IOException {
        // a file in nmap-services' shape, with made-up frequencies
        Path file = dir.resolve("nmap-services");
        Files.writeString(file, """
                # name port/proto frequency
                http\t80/tcp\t0.400000
                https\t443/tcp\t0.200000
                domain\t53/udp\t0.300000
                """);
        // tag::popularity[]
        Optional<PortPopularity> installed = PortPopularity.fromNmap();   // empty without Nmap
        PortPopularity nmap = PortPopularity.read(file);                  // or a copy of nmap-services you keep
        nmap.frequency(443, Transport.TCP);   // the fraction of scanned hosts with it open
        nmap.top(20);                         // by frequency, then port, then transport
        // end::popularity[]
        assertThat(installed).isNotNull();
        assertThat(nmap.frequency(443, Transport.TCP)).isEqualTo(0.2);
        assertThat(nmap.frequency(443, Transport.UDP)).isZero();
        assertThat(nmap.top(20)).extracting(PortFrequency::port).containsExactly(80, 53, 443);
    }
}
