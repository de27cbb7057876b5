package dev.portregistry.internal;

import dev.portregistry.DataVersion;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two sources of a registry on a table of their own: a table's (ports 7 and 9; echo on both,
 * discard on 9) and a layer over it, which holds what it changed and asks the table for the rest,
 * as {@link RegistrySource} specifies: ports ascending once, null for a name it does not know.
 */
class LayerSourceTest {
    private static final DataVersion VERSION = DataVersion.of("s", LocalDate.of(2026, 1, 2), "r");

    private static PortInfo record(int port, String name) {
        return PortInfo.of(port, List.of(ServiceAssignment.of(name, name + " on " + port,
                EnumSet.of(Transport.TCP), LifecycleStatus.ACTIVE)), List.of(), List.of());
    }

    private static TableSource table() {
        TreeMap<String, List<Integer>> names = new TreeMap<>();
        names.put("discard", List.of(9));
        names.put("echo", List.of(7, 9));
        byte[] bytes = TableWriter.toBytes(new TableData(VERSION, List.of(record(7, "echo"), record(9, "discard")), names));
        return new TableSource(PortTable.open(bytes, "t").verify());
    }

    private static LayerSource layer(RegistrySource below, Map<String, List<Integer>> names, int... ports) {
        SortedMap<Integer, PortInfo> changed = new TreeMap<>();
        for (int port : ports) {
            changed.put(port, record(port, "changed"));
        }
        return new LayerSource(below, changed, names, VERSION);
    }

    @Test
    void dataPortsAreThePortsBelowAndTheChangedOnesAscendingEachOnce() {
        TableSource table = table();
        assertThat(table.dataPorts()).containsExactly(7, 9);
        assertThat(layer(table, Map.of()).dataPorts()).containsExactly(7, 9);
        assertThat(layer(table, Map.of(), 9).dataPorts()).containsExactly(7, 9);
        assertThat(layer(table, Map.of(), 3).dataPorts()).containsExactly(3, 7, 9);
        assertThat(layer(table, Map.of(), 8).dataPorts()).containsExactly(7, 8, 9);
        assertThat(layer(table, Map.of(), 12).dataPorts()).containsExactly(7, 9, 12);
        assertThat(layer(table, Map.of(), 0, 7, 65535).dataPorts()).containsExactly(0, 7, 9, 65535);
        LayerSource two = layer(layer(table, Map.of(), 3, 9), Map.of(), 7, 12);
        assertThat(two.dataPorts()).containsExactly(3, 7, 9, 12);
        assertThat(two.port(3).assignments().get(0).name()).isEqualTo("changed");
        assertThat(two.port(9).assignments().get(0).name()).isEqualTo("changed");
        assertThat(two.port(8).assignments()).isEmpty();
    }

    @Test
    void aNameTheLayerDoesNotKnowOrRemovedIsNullAndOneItSetsAnswersInItsOrder() {
        Map<String, List<Integer>> names = new HashMap<>();
        names.put("discard", List.of());
        names.put("mine", List.of(12, 7));
        LayerSource layer = layer(table(), names, 9, 12);
        assertThat(layer.service("discard")).as("removed").isNull();
        assertThat(layer.service("nothing")).as("unknown below").isNull();
        assertThat(layer.service("mine")).extracting(PortInfo::port).containsExactly(12, 7);
        assertThat(layer.service("mine").get(0)).isSameAs(layer.port(12));
        // a name below whose answer holds a changed port answers with the new record, once made
        List<PortInfo> echo = layer.service("echo");
        assertThat(echo).extracting(PortInfo::port).containsExactly(7, 9);
        assertThat(echo.get(1)).isSameAs(layer.port(9)).isNotEqualTo(table().port(9));
        assertThat(layer.service("echo")).isSameAs(echo);
        assertThat(layer.serviceNames()).containsExactly("echo", "mine");
        assertThat(layer.version()).isEqualTo(VERSION);
    }

    @Test
    void aRecordUnderAnotherPortOrANameWithABadPortListIsRefused() {
        SortedMap<Integer, PortInfo> misfiled = new TreeMap<>(Map.of(8, record(9, "x")));
        assertThatThrownBy(() -> new LayerSource(table(), misfiled, Map.of(), VERSION))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("the record of port 9 is filed under port 8");
        for (List<Integer> bad : List.of(List.of(7, 7), List.of(-1), List.of(7, 65536))) {
            assertThatThrownBy(() -> layer(table(), Map.of("x", bad)))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("name \"x\" lists ports " + bad + ": expected each of 0..65535 at most once");
        }
        LayerSource edges = layer(table(), Map.of("x", List.of(65535, 0)));
        assertThat(edges.service("x")).extracting(PortInfo::port).containsExactly(65535, 0);
    }

    @Test
    void aTablesNamesIterateInOrderAndNoFurther() {
        TableSource table = table();
        Iterator<String> it = table.serviceNames().iterator();
        assertThat(it.next()).isEqualTo("discard");
        assertThat(it.next()).isEqualTo("echo");
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isExactlyInstanceOf(NoSuchElementException.class)
                .hasMessage("no name after the last of 2");
        assertThat(Arrays.asList(table.serviceNames().toArray())).containsExactly("discard", "echo");
    }
}
