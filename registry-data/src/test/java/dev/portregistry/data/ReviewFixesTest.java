package dev.portregistry.data;

import dev.portregistry.json.curated.CuratedJson;

import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixes of issue 11's review of the curated data, as a user sees them through the bundled registry. */
class ReviewFixesTest {
    private static final PortRegistry BUNDLED = PortRegistry.bundled();

    private static java.util.List<Integer> ports(String name) {
        return BUNDLED.findService(name).stream().map(PortInfo::port).toList();
    }

    @Test
    void servicesAliasesMeanTheOnePortTheirEntryNames() {
        assertThat(ports("x11")).hasSize(64);
        assertThat(ports("x11-0")).containsExactly(6000);
        assertThat(ports("http-alt")).contains(591, 8008, 8080);
        assertThat(ports("webcache")).containsExactly(8080);
    }

    @Test
    void everyServicesAliasResolvesToTheOnePortOfItsServicesLine() {
        // a services(5) alias stands on one line, for one port: resolving it like its service would
        // give it every port of a service that IANA assigns a range (x11) or several ports (http-alt)
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (CuratedJson.CommonName n : CuratedData.read(DataDir.get().resolve("curated")).names()) {
            if (n.file().endsWith("services-aliases.json") && ports(n.name()).size() != 1) {
                wrong.add(n.file() + ":" + n.line() + ": " + n.name() + " resolves to " + ports(n.name()));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void boltIsOfficialOn7687AndNotAnUnofficialUse() {
        PortInfo bolt = BUNDLED.get(7687);
        assertThat(bolt.assignmentsFor(Transport.TCP)).extracting(ServiceAssignment::name).containsExactly("bolt");
        assertThat(bolt.alternateUses(UseKind.UNOFFICIAL)).isEmpty();
        assertThat(bolt.relatedPorts()).contains(7473, 7474);
        assertThat(ports("memgraph")).containsExactly(7687);
    }

    @Test
    void knownUsesOf2525And750() {
        assertThat(BUNDLED.get(2525).alternateUses(UseKind.UNOFFICIAL))
                .anySatisfy(u -> {
                    assertThat(u.name()).contains("SMTP submission");
                    assertThat(u.officialPort()).hasValue(587);
                    assertThat(u.transports()).containsExactly(Transport.TCP);
                });
        assertThat(BUNDLED.get(750).alternateUses(UseKind.UNOFFICIAL))
                .anySatisfy(u -> {
                    assertThat(u.name()).isEqualTo("MIT Kerberos KDC");
                    assertThat(u.transports()).containsExactly(Transport.UDP);
                    assertThat(u.description()).contains("Kerberos 5");
                });
    }

    @Test
    void icqClosureDatesAndKeystonesPort() {
        assertThat(BUNDLED.get(5190).summary()).contains("May 2024", "26 June 2024");
        assertThat(BUNDLED.get(5000).relatedPorts()).contains(8774, 9292);
        assertThat(BUNDLED.get(35357).relatedPorts()).doesNotContain(8774);
    }
}
