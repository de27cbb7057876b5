package dev.portregistry;

import dev.portregistry.internal.TableData;
import dev.portregistry.internal.TableWriter;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A registry decodes each port on its first lookup and indexes names on the first name query; these
 * tests check that the answers do not depend on that: one record per port whoever asks first, names
 * that answer with the same records, and the same content as decoding everything up front.
 */
class RegistryDecodingTest {

    private static PortRegistry fresh() throws Exception {
        try (InputStream in = PortRegistry.class.getResourceAsStream(PortRegistry.RESOURCE)) {
            return PortRegistry.fromTable(in, "bundled copy");
        }
    }

    @Test
    void eachPortHasOneRecordEvenWhenThreadsRaceForItsFirstLookup() throws Exception {
        PortRegistry registry = fresh();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<PortInfo[]>> seen = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 16_411; // each thread walks all ports from a different start
                seen.add(pool.submit(() -> {
                    start.await();
                    PortInfo[] got = new PortInfo[65536];
                    for (int i = 0; i < got.length; i++) {
                        int port = (i + offset) & 0xFFFF;
                        got[port] = registry.get(port);
                    }
                    return got;
                }));
            }
            start.countDown();
            PortInfo[] first = seen.get(0).get();
            for (Future<PortInfo[]> other : seen) {
                PortInfo[] got = other.get();
                for (int port = 0; port < got.length; port++) {
                    assertThat(got[port]).as("port %d", port).isSameAs(first[port]);
                    assertThat(got[port].port()).isEqualTo(port);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void namesAnswerWithTheRecordsThatLookupReturns() throws Exception {
        PortRegistry registry = fresh();
        List<PortInfo> openvpn = registry.findService("OpenVPN");
        assertThat(openvpn).extracting(PortInfo::port).containsExactly(1194, 1195, 1196, 1197);
        for (PortInfo info : openvpn) {
            assertThat(registry.get(info.port())).isSameAs(info);
        }
        assertThat(registry.findService("openvpn")).isSameAs(openvpn);
        assertThat(registry.findService("no-such-service")).isEmpty();
    }

    @Test
    void serviceNamesAreSortedImmutableAndAnswerMembership() throws Exception {
        PortRegistry registry = fresh();
        Set<String> names = registry.serviceNames();
        List<String> inOrder = new ArrayList<>(names);
        assertThat(inOrder).isSorted().doesNotHaveDuplicates().hasSize(names.size());
        assertThat(names).contains("http", "openvpn", "rdp", "netmagic");
        assertThat(names.contains("HTTP")).isFalse();
        assertThat(names.contains((Object) 80)).isFalse();
        for (String name : inOrder) {
            assertThat(registry.findService(name)).as(name).isNotEmpty();
        }
        assertThatThrownBy(() -> names.add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> names.remove("http")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(names::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(names).isEqualTo(Set.copyOf(inOrder));
    }

    @Test
    void knownPortsAreThePortsWithAnyData() throws Exception {
        PortRegistry registry = fresh();
        List<PortInfo> expected = new ArrayList<>();
        for (int port = 0; port <= PortRange.MAX_PORT; port++) {
            PortInfo info = registry.get(port);
            if (!info.assignments().isEmpty() || !info.alternateUses().isEmpty() || !info.relatedPorts().isEmpty()) {
                expected.add(info);
            }
        }
        assertThat(registry.knownPorts()).containsExactlyElementsOf(expected);
        assertThat(expected).hasSizeGreaterThan(6000);
    }

    @Test
    void namesAreIndexedAndListedSorted() {
        TreeMap<String, List<Integer>> names = new TreeMap<>();
        names.put("echo", List.of(7));
        names.put("zed", List.of(7));
        ServiceAssignment echo = ServiceAssignment.of("echo", "Echo", EnumSet.of(Transport.TCP), LifecycleStatus.ACTIVE);
        byte[] table = TableWriter.toBytes(new TableData(DataVersion.of("s", LocalDate.of(2026, 1, 2), "r"),
                List.of(PortInfo.of(7, List.of(echo), List.of(), List.of())), names));
        PortRegistry registry = PortRegistry.fromTable(new java.io.ByteArrayInputStream(table), "in order");
        assertThat(registry.serviceNames()).containsExactly("echo", "zed");
        assertThat(registry.serviceNames()).contains("zed").doesNotContain("abc", "ZED");
        assertThat(registry.findService("ZED")).extracting(PortInfo::port).containsExactly(7);
        assertThat(registry.findService("echo")).singleElement().isSameAs(registry.get(7));
        assertThat(registry.findService("abc")).isEmpty();
    }

    @Test
    void aFreshRegistryAgreesWithTheBundledOne() throws Exception {
        PortRegistry registry = fresh();
        for (int port : new int[] {0, 22, 80, 1196, 27005, 49151, 49152, 65535}) {
            assertThat(registry.get(port)).isEqualTo(PortRegistry.lookup(port));
        }
        assertThat(registry.version()).isEqualTo(PortRegistry.dataVersion());
        assertThat(registry.serviceNames()).isEqualTo(PortRegistry.bundled().serviceNames());
    }
}
