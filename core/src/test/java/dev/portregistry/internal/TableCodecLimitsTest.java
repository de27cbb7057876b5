package dev.portregistry.internal;

import dev.portregistry.AlternateUse;
import dev.portregistry.DataVersion;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The writer's side of the format's limits, and the content rules of TableData that both the
 * compiler and the reader go through: content the format cannot hold is refused with what and how
 * much, never truncated into a table that reads back as something else.
 */
class TableCodecLimitsTest {
    private static final DataVersion VERSION = DataVersion.of("s", LocalDate.of(2026, 1, 2), "r");
    private static final EnumSet<Transport> TCP = EnumSet.of(Transport.TCP);

    private static ServiceAssignment assignment(String name) {
        return ServiceAssignment.of(name, "d", TCP, LifecycleStatus.ACTIVE);
    }

    private static TableData table(List<PortInfo> ports, Map<String, List<Integer>> names) {
        return new TableData(VERSION, ports, new TreeMap<>(names));
    }

    @Test
    void aPortWithMoreThan255AssignmentsIsRefused() {
        List<ServiceAssignment> many = IntStream.range(0, 256).mapToObj(i -> assignment("s" + i)).toList();
        TableData table = table(List.of(PortInfo.of(9, many, List.of(), List.of())), Map.of());
        assertThatThrownBy(() -> TableWriter.toBytes(table)).isInstanceOf(TableFormatException.class)
                .hasMessage("port 9 has 256 assignments: the format allows at most 255");
        TableData fits = table(List.of(PortInfo.of(9, many.subList(0, 255), List.of(), List.of())), Map.of());
        assertThat(TableCodec.read(TableWriter.toBytes(fits), "t")).isEqualTo(fits);
    }

    @Test
    void aNameWithMoreThan65535PortsIsRefused() {
        List<Integer> all = IntStream.rangeClosed(0, 65535).boxed().toList();
        TableData table = table(List.of(), Map.of("everything", all));
        assertThatThrownBy(() -> TableWriter.toBytes(table)).isInstanceOf(TableFormatException.class)
                .hasMessage("name \"everything\" lists 65536 ports: the format allows at most 65535");
    }

    @Test
    void moreThan65535DistinctStringsAreRefused() {
        List<PortInfo> ports = new ArrayList<>();
        for (int port = 0; port < 260; port++) {
            List<ServiceAssignment> as = new ArrayList<>();
            for (int i = 0; i < 255; i++) {
                as.add(assignment("p" + port + "-" + i));
            }
            ports.add(PortInfo.of(port, as, List.of(), List.of()));
        }
        assertThatThrownBy(() -> TableWriter.toBytes(table(ports, Map.of()))).isInstanceOf(TableFormatException.class)
                .hasMessage("too many strings: the format allows at most 65535");
    }

    @Test
    void sharedRecordsAreStoredOnceAndAnUseWithoutOfficialPortReadsBack() {
        ServiceAssignment shared = assignment("x11");
        AlternateUse use = AlternateUse.builder().name("Thing").description("d").transports(TCP).kind(UseKind.UNOFFICIAL).basis("b").build();
        List<PortInfo> ports = IntStream.range(6000, 6064)
                .mapToObj(p -> PortInfo.of(p, List.of(shared), List.of(use), List.of())).toList();
        TableData table = table(ports, Map.of("x11", IntStream.range(6000, 6064).boxed().toList()));
        byte[] bytes = TableWriter.toBytes(table);
        TableData back = TableCodec.read(bytes, "t");
        assertThat(back).isEqualTo(table);
        assertThat(back.ports().get(0).alternateUses().get(0).officialPort()).isEmpty();
        // one assignment (14 bytes), one use (18), one record and one run (6) for the 64 ports: the port
        // index, whose inflated length the body starts with, is the counts and little else
        int indexLength = java.nio.ByteBuffer.wrap(bytes).getInt(TableCodec.HEADER_SIZE);
        assertThat(indexLength).isLessThan(200);
        assertThat(java.nio.ByteBuffer.wrap(Damage.inflated(bytes, 0)).getInt(4 * 7)).as("runs").isEqualTo(1);
        PortTable read = PortTable.open(bytes, "t");
        assertThat(read.port(6063).alternateUses()).isSameAs(read.port(6000).alternateUses());
        assertThat(read.portCount()).isEqualTo(64);
        assertThat(read.dataPort(63)).isEqualTo(6063);
    }

    @Test
    void tableDataRefusesContentNoTableCanHold() {
        PortInfo seven = PortInfo.of(7, List.of(), List.of(), List.of(9));
        PortInfo five = PortInfo.of(5, List.of(), List.of(), List.of(9));
        assertThatThrownBy(() -> table(List.of(seven, five), Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ports must be strictly ascending: 5 after 7");
        assertThatThrownBy(() -> table(List.of(seven, seven), Map.of())).hasMessage("ports must be strictly ascending: 7 after 7");
        Map<String, List<Integer>> names = new HashMap<>();
        names.put("far", List.of(7, 65536));
        assertThatThrownBy(() -> table(List.of(seven), names)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name \"far\" lists port 65536: expected 0..65535");
        names.put("far", List.of(-1));
        assertThatThrownBy(() -> table(List.of(seven), names)).hasMessage("name \"far\" lists port -1: expected 0..65535");
        assertThatThrownBy(() -> new TableData(null, List.of(), new TreeMap<>()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("version");
    }

    @Test
    void aCompressedStreamThatAsksForADictionaryIsRejected() {
        // zlib header 78 BB: the FDICT flag is set, followed by a dictionary id
        // format 4: u32 inflated and u32 stored length of the port index and of the name index, then the streams
        byte[] index = {0x78, (byte) 0xBB, 0, 0, 0, 1, 0x4B, 0x4C, 0x4A, 0x06, 0};
        byte[] stored = java.nio.ByteBuffer.allocate(16 + index.length).putInt(100).putInt(index.length).putInt(0)
                .putInt(0).put(index).array();
        assertThatThrownBy(() -> TableCodec.read(Damage.seal(stored), "t")).isInstanceOf(TableFormatException.class)
                .hasMessage("port table t is inconsistent: a compressed part does not inflate to its 100 recorded bytes");
    }

    /** N ports' worth of assignments with distinct names and one shared description: N + 4 strings ("", "s", "r", "d"). */
    private static List<PortInfo> namedAssignments(int n) {
        List<PortInfo> ports = new ArrayList<>();
        for (int first = 0; first < n; first += MAX_PER_PORT) {
            List<ServiceAssignment> as = new ArrayList<>();
            for (int i = first; i < Math.min(n, first + MAX_PER_PORT); i++) {
                as.add(assignment("p" + i));
            }
            ports.add(PortInfo.of(ports.size(), as, List.of(), List.of()));
        }
        return ports;
    }

    private static final int MAX_PER_PORT = TableCodec.MAX_PER_PORT;

    @Test
    void tablesWhoseStringsFillAChunkExactlyOrSpillIntoTheNextReadBack() {
        int perChunk = 1 << TableCodec.CHUNK_SHIFT;
        for (int strings : new int[] {perChunk - 1, perChunk, perChunk + 1, 2 * perChunk, 2 * perChunk + 1}) {
            TableData table = table(namedAssignments(strings - 4), Map.of());
            byte[] bytes = TableWriter.toBytes(table);
            java.nio.ByteBuffer counts = java.nio.ByteBuffer.wrap(Damage.inflated(bytes, 0));
            assertThat(counts.getInt(0)).as("strings").isEqualTo(strings);
            assertThat(counts.getInt(4)).as("chunks of %d strings", strings).isEqualTo((strings + perChunk - 1) / perChunk);
            assertThat(TableCodec.read(bytes, "t")).as("%d strings", strings).isEqualTo(table);
        }
    }

    @Test
    void exactly65535StringsFitAndOneMoreIsRefused() {
        TableData most = table(namedAssignments(65535 - 4), Map.of());
        assertThat(TableCodec.read(TableWriter.toBytes(most), "t")).isEqualTo(most);
        assertThatThrownBy(() -> TableWriter.toBytes(table(namedAssignments(65536 - 4), Map.of())))
                .isInstanceOf(TableFormatException.class).hasMessage("too many strings: the format allows at most 65535");
    }

    @Test
    void aChunkOf65535Utf8BytesFitsAndOneOfMoreIsRefused() {
        // the strings of chunk 0: "", "s", "r", "x" and the description: 3 bytes before it
        TableData most = table(List.of(PortInfo.of(1, List.of(ServiceAssignment.of("x", "d".repeat(65532), TCP,
                LifecycleStatus.ACTIVE)), List.of(), List.of())), Map.of());
        assertThat(TableCodec.read(TableWriter.toBytes(most), "t")).isEqualTo(most);
        TableData over = table(List.of(PortInfo.of(1, List.of(ServiceAssignment.of("x", "d".repeat(65533), TCP,
                LifecycleStatus.ACTIVE)), List.of(), List.of())), Map.of());
        assertThatThrownBy(() -> TableWriter.toBytes(over)).isInstanceOf(TableFormatException.class)
                .hasMessage("string chunk 0 would hold over 65535 UTF-8 bytes, the format's limit, with \""
                        + "d".repeat(64) + "\"... (65533 characters)");
    }

    @Test
    void exactly65535RunsFitAndOneMoreIsRefused() {
        // neighbours with different records: each port is a run of its own
        PortInfo[] records = new PortInfo[65536];
        for (int port = 0; port < records.length; port++) {
            records[port] = PortInfo.of(port, List.of(assignment(port % 2 == 0 ? "even" : "odd")), List.of(), List.of());
        }
        TableData most = table(List.of(records).subList(0, 65535), Map.of());
        PortTable read = PortTable.open(TableWriter.toBytes(most), "t").verify();
        assertThat(read.portCount()).isEqualTo(65535);
        assertThat(read.port(65534)).isEqualTo(records[65534]);
        assertThat(read.port(65533)).isEqualTo(records[65533]);
        assertThat(read.port(65535).assignments()).isEmpty();
        assertThatThrownBy(() -> TableWriter.toBytes(table(List.of(records), Map.of())))
                .isInstanceOf(TableFormatException.class).hasMessage("too many runs of ports: the format allows at most 65535");
    }

    @Test
    void aNameWith65535PortsFits() {
        List<Integer> most = IntStream.range(0, 65535).boxed().toList();
        TableData table = table(List.of(), Map.of("most", most));
        assertThat(TableCodec.read(TableWriter.toBytes(table), "t").names().get("most")).isEqualTo(most);
    }
}
