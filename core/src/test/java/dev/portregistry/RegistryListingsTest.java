package dev.portregistry;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The listing methods of a registry: every port with data, every name, its label; all immutable. On
 * the frozen fixture table (test-fixtures/data/README.md).
 */
class RegistryListingsTest {
    private static final PortRegistry REGISTRY = FixtureRegistry.FIXTURE;

    @Test
    void knownPortsAreExactlyThePortsWithDataInAscendingOrder() {
        List<PortInfo> known = REGISTRY.knownPorts();
        assertThat(known).hasSizeGreaterThan(32768).isSortedAccordingTo((a, b) -> Integer.compare(a.port(), b.port()));
        List<PortInfo> withData = new java.util.ArrayList<>();
        for (int port = 0; port <= 65535; port++) {
            PortInfo p = REGISTRY.get(port);
            if (!p.assignments().isEmpty() || !p.alternateUses().isEmpty() || !p.relatedPorts().isEmpty()) {
                withData.add(p);
            }
        }
        assertThat(known).containsExactlyElementsOf(withData);
        assertThat(known).extracting(PortInfo::port).contains(0, 80, 1195, 12345, 32768, 65535)
                .doesNotContain(4, 7443, 9464);
        assertThat(known.get(0)).isSameAs(REGISTRY.get(known.get(0).port()));
        assertThatThrownBy(() -> known.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void serviceNamesAreLowerCaseSortedAndImmutable() {
        Set<String> names = REGISTRY.serviceNames();
        assertThat(List.copyOf(names)).contains("http", "openvpn", "web", "x-display", "x11").isSorted();
        assertThat(names).allMatch(n -> n.equals(n.toLowerCase(java.util.Locale.ROOT)));
        assertThatThrownBy(() -> names.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theRegistryNamesItsDataVersion() {
        DataVersion v = REGISTRY.version();
        assertThat(REGISTRY).hasToString("PortRegistry[" + v.label() + "]");
        assertThat(v.label()).isEqualTo("iana " + v.officialDate() + ", curated " + v.curatedRevision());
    }
}
