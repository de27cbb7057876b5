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
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Oracle test in the manner of the JDK's CharPropTest: reparses the normalized IANA sources with a
 * minimal parser of its own (no importer, no compiler code) and checks every (port, transport,
 * name) against the bundled registry, both ways, counting differences and failing once.
 */
class OfficialOracleTest {

    /** One (port, transport, name) fact; name is "" for Reserved entries. */
    private record Fact(int port, String transport, String name) {
    }

    private static List<Fact> sourceFacts() throws IOException {
        List<Fact> facts = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(DataDir.get().resolve("iana"))) {
            files = s.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String[] ports = f[0].split("-");
                int first = Integer.parseInt(ports[0]);
                int last = Integer.parseInt(ports[ports.length - 1]);
                String name = f[2];
                String description = f[3].toLowerCase(Locale.ROOT);
                boolean reserved = description.contains("reserved") || description.startsWith("any private");
                boolean kept = !name.isEmpty() || reserved || description.contains("de-registered");
                if (!kept) {
                    continue; // "Unassigned" and similar markers: no assignment
                }
                for (int port = first; port <= last; port++) {
                    for (String t : f[1].split(",")) {
                        facts.add(new Fact(port, t, name));
                    }
                }
            }
        }
        return facts;
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
