package dev.portregistry.data;

import dev.portregistry.json.curated.CuratedJson;

import dev.portregistry.AlternateUse;
import dev.portregistry.DataVersion;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import dev.portregistry.internal.TableCodec;
import dev.portregistry.internal.TableData;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiler under generated sources: every valid official record is in the table, on every
 * port of its range and over every one of its transports, with the status its text gives, and
 * can be found by its name; every curated alternate use is on each of its ports and found by its
 * name; nothing else is there; the table reads back as the same content.
 */
class CompilerPropertiesTest {
    private static final DataVersion VERSION = DataVersion.of("generated", LocalDate.of(2026, 1, 2), "r1");

    private static List<OfficialRecord> official(Gen g) {
        return g.filter(() -> g.list(0, 25, () -> {
            int[] range = g.portRange();
            return new OfficialRecord("gen.tsv", 1, range[0], range[1], g.transports(),
                    g.oneOf(g::ianaName, g::ianaName, () -> ""),
                    g.oneOf(g::description, () -> g.of("Reserved", "Unassigned", "De-registered 2010-01-01",
                            "Thing (historic)", "any private file service")));
        }), CompilerPropertiesTest::noDuplicates);
    }

    /** The compiler refuses one name stated twice on a port and transport; generate no such pair. */
    private static boolean noDuplicates(List<OfficialRecord> records) {
        Set<String> seen = new HashSet<>();
        for (OfficialRecord r : records) {
            for (int p = r.firstPort(); p <= r.lastPort(); p++) {
                for (Transport t : r.transports()) {
                    if (!seen.add(p + "/" + t + "/" + r.name() + "/" + (r.name().isEmpty() ? r.description() : ""))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static List<CuratedJson.AlternateUseEntry> uses(Gen g) {
        return g.uniqueList(0, 5, u -> u.name().toLowerCase(Locale.ROOT), () -> new CuratedJson.AlternateUseEntry(
                "uses.json", 1, g.softwareName(), g.uniqueList(1, 3, p -> p, g::port), g.transports(),
                g.of(UseKind.values()), OptionalInt.empty(), "d", "b"));
    }

    @SeededProperty(tries = 200)
    void everyValidRecordAndUseIsInTheTableAndFoundByName(Gen g) {
        List<OfficialRecord> official = g.input("official", official(g));
        List<CuratedJson.AlternateUseEntry> uses = g.input("uses", uses(g));
        CuratedData curated = new CuratedData(uses, List.of(), List.of(), List.of());
        RegistryCompiler.Result result = RegistryCompiler.compile(VERSION, official, curated);
        TableData table = result.table();
        Map<Integer, PortInfo> byPort = new HashMap<>();
        table.ports().forEach(p -> byPort.put(p.port(), p));
        PortRegistry registry = PortRegistry.fromTable(new ByteArrayInputStream(result.bytes()), "generated");

        Set<String> expectedFacts = new HashSet<>();
        for (OfficialRecord r : official) {
            LifecycleStatus status = RegistryCompiler.classify(r);
            if (status == null) {
                continue;
            }
            for (int port = r.firstPort(); port <= r.lastPort(); port++) {
                PortInfo info = byPort.get(port);
                assertThat(info).as("port %d of %s", port, r).isNotNull();
                for (Transport t : r.transports()) {
                    assertThat(info.assignmentsFor(t)).as("%s on %d/%s", r, port, t).anySatisfy(a -> {
                        assertThat(a.name()).isEqualTo(r.name());
                        assertThat(a.description()).isEqualTo(r.description());
                        assertThat(a.status()).isEqualTo(status);
                    });
                    expectedFacts.add(port + "/" + t + "/" + r.name() + "/" + r.description() + "/" + status);
                }
                if (!r.name().isEmpty()) {
                    assertThat(registry.findService(r.name())).extracting(PortInfo::port).contains(port);
                }
                assertThat(registry.get(port)).isEqualTo(info);
            }
        }
        Set<String> expectedUses = new HashSet<>();
        for (CuratedJson.AlternateUseEntry u : uses) {
            for (int port : u.ports()) {
                assertThat(byPort.get(port).alternateUses()).extracting(AlternateUse::name).contains(u.name());
                assertThat(registry.findService(u.name())).extracting(PortInfo::port).contains(port);
                expectedUses.add(port + "/" + u.name());
            }
        }

        // nothing else: every fact in the table comes from a source record or use
        Set<String> actualFacts = new HashSet<>();
        Set<String> actualUses = new HashSet<>();
        for (PortInfo p : table.ports()) {
            for (ServiceAssignment a : p.assignments()) {
                for (Transport t : a.transports()) {
                    actualFacts.add(p.port() + "/" + t + "/" + a.name() + "/" + a.description() + "/" + a.status());
                }
            }
            for (AlternateUse u : p.alternateUses()) {
                actualUses.add(p.port() + "/" + u.name());
            }
            assertThat(p.assignments().isEmpty() && p.alternateUses().isEmpty() && p.relatedPorts().isEmpty())
                    .as("port %d is in the table without data", p.port()).isFalse();
        }
        assertThat(actualFacts).isEqualTo(expectedFacts);
        assertThat(actualUses).isEqualTo(expectedUses);
        for (String name : table.names().keySet()) {
            assertThat(registry.findService(name)).as(name).isNotEmpty();
        }
        assertThat(TableCodec.read(result.bytes(), "generated")).isEqualTo(table);
        assertThat(result.report().counts()).containsEntry("official records read", official.size());
    }

    @SeededProperty(tries = 200)
    void recordsOnDistinctPortsGiveTheSameBytesInAnyOrder(Gen g) {
        List<OfficialRecord> official = g.input("official", official(g));
        Set<Integer> ports = new HashSet<>();
        List<OfficialRecord> distinct = new ArrayList<>();
        for (OfficialRecord r : official) {
            boolean free = true;
            for (int p = r.firstPort(); p <= r.lastPort(); p++) {
                free &= !ports.contains(p);
            }
            if (free) {
                for (int p = r.firstPort(); p <= r.lastPort(); p++) {
                    ports.add(p);
                }
                distinct.add(r);
            }
        }
        CuratedData none = new CuratedData(List.of(), List.of(), List.of(), List.of());
        byte[] once = RegistryCompiler.compile(VERSION, distinct, none).bytes();
        List<OfficialRecord> reversed = new ArrayList<>(distinct);
        java.util.Collections.reverse(reversed);
        assertThat(RegistryCompiler.compile(VERSION, reversed, none).bytes()).isEqualTo(once);
    }
}
