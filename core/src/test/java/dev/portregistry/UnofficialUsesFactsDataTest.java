package dev.portregistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Well-known facts of the curated unofficial uses, port families and common names, checked through
 * the public API on the bundled data, plus the size and consistency of that knowledge.
 */
class UnofficialUsesFactsDataTest {

    private static List<String> unofficialNames(int port) {
        return PortRegistry.lookup(port).alternateUses(UseKind.UNOFFICIAL).stream().map(AlternateUse::name).toList();
    }

    private static AlternateUse unofficialUse(int port, String name) {
        return PortRegistry.lookup(port).alternateUses(UseKind.UNOFFICIAL).stream()
                .filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not an unofficial use of port " + port
                        + ": " + unofficialNames(port)));
    }

    private static List<Integer> ports(String name) {
        return PortRegistry.byService(name).stream().map(PortInfo::port).toList();
    }

    @ParameterizedTest(name = "port {0} is used by {1}")
    @CsvSource(delimiter = '|', value = {
            "3000|Grafana", "3000|Ruby on Rails", "5000|Flask", "5000|AirPlay", "5000|Synology DSM",
            "8000|Django", "5173|Vite", "8888|Jupyter", "9200|Elasticsearch", "9300|Elasticsearch",
            "9092|Apache Kafka", "15672|RabbitMQ", "10250|kubelet", "6443|Kubernetes API server",
            "9090|Prometheus", "9090|Cockpit", "9100|Prometheus node_exporter", "8123|Home Assistant",
            "8123|ClickHouse", "9050|Tor", "9001|Tor", "3128|Squid", "5938|TeamViewer", "25565|Minecraft",
            "6881|BitTorrent", "6889|BitTorrent", "8443|UniFi Network", "27015|Source Dedicated Server",
            "6379|Valkey", "5601|Kibana", "8086|InfluxDB", "9042|Apache Cassandra", "2181|Apache ZooKeeper",
            "8096|Jellyfin", "22000|Syncthing", "8333|Bitcoin", "47500|Apache Ignite"})
    void wellKnownSoftwareRunsOnItsDefaultPort(int port, String software) {
        assertThat(unofficialNames(port)).as("unofficial uses of port %d", port).contains(software);
    }

    @Test
    void transportsOfWellKnownUsesAreRight() {
        assertThat(unofficialUse(51820, "WireGuard").transports()).containsExactly(Transport.UDP);
        assertThat(unofficialUse(27015, "Source Dedicated Server").transports())
                .containsExactly(Transport.TCP, Transport.UDP);
        assertThat(unofficialUse(10001, "UniFi Network").transports()).containsExactly(Transport.UDP);
        assertThat(unofficialUse(3000, "Grafana").transports()).containsExactly(Transport.TCP);
    }

    @Test
    void alternatesOfIanaRegisteredSoftwareNameTheirOwnPort() {
        assertThat(unofficialUse(27018, "MongoDB").officialPort()).hasValue(27017);
        assertThat(unofficialUse(6380, "Redis").officialPort()).hasValue(6379);
        assertThat(unofficialUse(5433, "PostgreSQL").officialPort()).hasValue(5432);
        assertThat(unofficialUse(5901, "VNC").officialPort()).hasValue(5900);
        assertThat(unofficialUse(3000, "Grafana").officialPort()).isEmpty();
        assertThat(PortRegistry.lookup(5433).summary()).contains("PostgreSQL", "5432");
    }

    @Test
    void softwareIsNotListedAsUnofficialWhereIanaAssignsItThePort() {
        assertThat(unofficialNames(6379)).doesNotContain("Redis");
        assertThat(unofficialNames(27017)).doesNotContain("MongoDB");
        assertThat(unofficialNames(32400)).isEmpty();
        assertThat(PortRegistry.lookup(32400).assignments()).extracting(ServiceAssignment::name).contains("plex");
    }

    @Test
    void printerPortAlsoServesNodeExporter() {
        PortInfo info = PortRegistry.lookup(9100);
        assertThat(info.assignments()).extracting(ServiceAssignment::name).contains("pdl-datastream");
        assertThat(info.summary()).contains("pdl-datastream", "Prometheus node_exporter");
    }

    @Test
    void commonNamesResolve() {
        assertThat(ports("postgres")).first().isEqualTo(5432);
        assertThat(ports("postgresql")).startsWith(5432).contains(5433);
        assertThat(ports("rdp")).containsExactly(3389);
        assertThat(ports("smb")).containsExactly(445);
        assertThat(ports("mssql")).containsExactly(1433);
        assertThat(ports("mongo")).startsWith(27017).contains(27018, 27019);
        assertThat(ports("k8s")).containsExactly(6443);
        assertThat(ports("kafka")).contains(9092, 9093);
        assertThat(ports("KAFKA")).isEqualTo(ports("kafka"));
        assertThat(ports("old-radius")).containsExactly(1645);
        assertThat(ports("krb5")).containsExactly(88);
        assertThat(ports("dhcp")).containsExactly(67, 68);
        assertThat(ports("minecraft")).contains(25565, 25575);
    }

    @Test
    void softwareWithItsOwnIanaPortResolvesToThatPortFirst() {
        assertThat(ports("vnc")).startsWith(5900).contains(5901, 5909, 5800);
        assertThat(ports("plex")).startsWith(32400).contains(32469, 8324);
        assertThat(ports("redis")).startsWith(6379).contains(6380, 16379);
        assertThat(ports("openvpn")).containsExactly(1194, 1195, 1196, 1197);
    }

    @ParameterizedTest(name = "port {0} is related to {1}")
    @CsvSource({"445,139", "445,137", "139,445", "25,587", "587,465", "993,143", "995,110", "389,636",
            "636,3268", "88,464", "88,749", "21,20", "990,989", "161,162", "53,853", "80,8080", "8080,443",
            "9092,2181", "6379,26379", "27017,27019", "9090,9100", "1812,1645", "1813,1646", "5672,15672"})
    void portFamilies(int port, int related) {
        assertThat(PortRegistry.lookup(port).relatedPorts()).as("related ports of %d", port).contains(related);
        assertThat(PortRegistry.lookup(related).relatedPorts()).as("related ports of %d", related).contains(port);
    }

    @Test
    void atLeast400PortsHaveAnUnofficialUseWithoutCountingWideRanges() {
        PortRegistry registry = PortRegistry.bundled();
        int ports = 0;
        int narrow = 0;
        for (int port = 0; port <= PortRange.MAX_PORT; port++) {
            List<AlternateUse> uses = registry.get(port).alternateUses(UseKind.UNOFFICIAL);
            if (uses.isEmpty()) {
                continue;
            }
            ports++;
            // a program that claims more than 64 ports (Mosh's 60000-61000, Ceph's OSD range, ...)
            // does not count towards the breadth of the knowledge
            if (uses.stream().anyMatch(u -> registry.findService(u.name()).size() <= 64)) {
                narrow++;
            }
        }
        assertThat(ports).isGreaterThanOrEqualTo(400);
        assertThat(narrow).isGreaterThanOrEqualTo(400);
    }

    @Test
    void atLeast150CuratedCommonNames() {
        PortRegistry registry = PortRegistry.bundled();
        Set<String> resolvedBySelf = new HashSet<>();
        for (PortInfo p : registry.knownPorts()) {
            p.assignments().forEach(a -> resolvedBySelf.add(a.name().toLowerCase(Locale.ROOT)));
            p.alternateUses().forEach(u -> resolvedBySelf.add(u.name().toLowerCase(Locale.ROOT)));
        }
        Set<String> common = new HashSet<>(registry.serviceNames());
        common.removeAll(resolvedBySelf);
        assertThat(common).contains("rdp", "smb", "k8s", "mssql", "portmapper");
        assertThat(common.size()).isGreaterThanOrEqualTo(150);
    }

    @Test
    void everyUnofficialUseIsConsistent() {
        PortRegistry registry = PortRegistry.bundled();
        List<String> violations = new ArrayList<>();
        for (PortInfo p : registry.knownPorts()) {
            for (AlternateUse u : p.alternateUses(UseKind.UNOFFICIAL)) {
                String where = p.port() + " " + u.name();
                if (u.description().isBlank() || !u.description().endsWith(".")) {
                    violations.add(where + ": description must be one sentence ending with a period");
                }
                if (u.basis().isBlank()) {
                    violations.add(where + ": basis is blank");
                }
                if (u.officialPort().isPresent()) {
                    int own = u.officialPort().getAsInt();
                    if (own == p.port()) {
                        violations.add(where + ": officialPort equals the port itself");
                    }
                    if (registry.get(own).assignments().isEmpty()) {
                        violations.add(where + ": officialPort " + own + " has no IANA assignment");
                    }
                }
                for (ServiceAssignment a : p.assignments()) {
                    if (a.name().equalsIgnoreCase(u.name())) {
                        violations.add(where + ": IANA already assigns the port to " + a.name());
                    }
                }
                if (!registry.findService(u.name()).contains(p)) {
                    violations.add(where + ": its name does not resolve to the port");
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
