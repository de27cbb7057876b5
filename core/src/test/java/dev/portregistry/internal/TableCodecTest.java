package dev.portregistry.internal;

import dev.portregistry.AlternateUse;
import dev.portregistry.DataVersion;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The codec's symmetric write and read, and its refusal of damaged input. */
class TableCodecTest {

    static TableData sample() {
        ServiceAssignment echo = ServiceAssignment.of("echo", "Echo", EnumSet.of(Transport.TCP, Transport.UDP), LifecycleStatus.ACTIVE);
        ServiceAssignment old = ServiceAssignment.builder().name("old").description("Old thing").transports(EnumSet.of(Transport.SCTP)).status(LifecycleStatus.ABANDONED).reason("Old (Acme) was discontinued in 2001.").build();
        ServiceAssignment reserved = ServiceAssignment.of("", "Reserved", EnumSet.of(Transport.DCCP), LifecycleStatus.RESERVED);
        AlternateUse use = AlternateUse.builder().name("Thing").description("A thing.").transports(EnumSet.of(Transport.UDP)).kind(UseKind.MALWARE).officialPort(7).basis("an advisory").build();
        TreeMap<String, List<Integer>> names = new TreeMap<>();
        names.put("echo", List.of(7));
        names.put("thing", List.of(7, 65535));
        return new TableData(DataVersion.of("test source", LocalDate.of(2026, 1, 2), "r1"),
                List.of(PortInfo.of(0, List.of(reserved), List.of(), List.of()),
                        PortInfo.of(7, List.of(echo, old), List.of(use), List.of(65535)),
                        PortInfo.of(65535, List.of(), List.of(use), List.of(7))),
                names);
    }

    @Test
    void readGivesBackWhatWasWritten() {
        TableData table = sample();
        TableData back = TableCodec.read(TableCodec.toBytes(table), "sample");
        assertThat(back).isEqualTo(table);
    }

    /**
     * Tables whose string chunks inflate to no bytes at all, or to lengths where the DEFLATE stream's
     * end comes after its last byte of output: the reader must read on to the stream's end (found
     * by the compiler's property tests after the merge of format 2).
     */
    @Test
    void chunksOfAnyLengthReadBackIncludingEmptyOnes() {
        DataVersion version = DataVersion.of("s", LocalDate.of(2026, 1, 2), "r");
        TableData empty = new TableData(version, List.of(), new TreeMap<>());
        assertThat(TableCodec.read(TableCodec.toBytes(empty), "empty")).isEqualTo(empty);
        for (int count = 1; count <= 40; count++) {
            List<PortInfo> ports = new java.util.ArrayList<>();
            TreeMap<String, List<Integer>> names = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                String name = "n" + i + "x".repeat(i * 7 % 23);
                ports.add(PortInfo.of(1000 + i, List.of(ServiceAssignment.of(name, "d" + i * 31, EnumSet.of(Transport.TCP), LifecycleStatus.ACTIVE)), List.of(), List.of()));
                names.put(name, List.of(1000 + i));
            }
            TableData table = new TableData(version, ports, names);
            byte[] bytes = TableCodec.toBytes(table);
            assertThat(TableCodec.read(bytes, "t" + count)).as("%d ports", count).isEqualTo(table);
            assertThat(dev.portregistry.PortRegistry.fromTable(new java.io.ByteArrayInputStream(bytes), "t")
                    .get(1000 + count - 1)).isEqualTo(ports.get(count - 1));
        }
    }

    @Test
    void sameContentGivesTheSameBytes() {
        assertThat(TableCodec.toBytes(sample())).isEqualTo(TableCodec.toBytes(sample()));
    }

    @Test
    void headerCarriesMagicAndFormat() {
        ByteBuffer b = ByteBuffer.wrap(TableCodec.toBytes(sample()));
        assertThat(b.getInt()).isEqualTo(0x50525442);
        assertThat(b.getShort()).isEqualTo((short) TableCodec.FORMAT_VERSION);
        assertThat(b.getInt()).isEqualTo(b.capacity() - TableCodec.HEADER_SIZE);
    }

    @Test
    void missingStreamIsReported() {
        assertThatThrownBy(() -> TableCodec.read((java.io.InputStream) null, "res/x"))
                .isInstanceOf(TableFormatException.class).hasMessageContaining("res/x").hasMessageContaining("missing");
    }

    @Test
    void emptyAndShortInputsAreTruncated() {
        byte[] good = TableCodec.toBytes(sample());
        for (int len : new int[] {0, 1, 13}) {
            byte[] cut = java.util.Arrays.copyOf(good, len);
            assertThatThrownBy(() -> TableCodec.read(new ByteArrayInputStream(cut), "t"))
                    .isInstanceOf(TableFormatException.class).hasMessageContaining("port table t").hasMessageContaining("truncated");
        }
    }

    @Test
    void everyTruncationFailsLoudly() {
        byte[] good = TableCodec.toBytes(sample());
        for (int len = 0; len < good.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(good, len);
            assertThatThrownBy(() -> TableCodec.read(cut, "t")).as("length %d", len)
                    .isInstanceOf(TableFormatException.class).hasMessageContaining("port table t");
        }
    }

    @Test
    void everyFlippedByteFailsLoudly() {
        byte[] good = TableCodec.toBytes(sample());
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x5A;
            assertThatThrownBy(() -> TableCodec.read(bad, "t")).as("byte %d", i)
                    .isInstanceOf(TableFormatException.class).hasMessageContaining("port table t");
        }
    }

    @Test
    void wrongMagicFormatAndChecksumAreNamed() {
        byte[] good = TableCodec.toBytes(sample());
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> TableCodec.read(magic, "t")).hasMessageContaining("magic");
        byte[] format = good.clone();
        format[5] = (byte) (TableCodec.FORMAT_VERSION + 1);
        assertThatThrownBy(() -> TableCodec.read(format, "t"))
                .hasMessageContaining("format version " + (TableCodec.FORMAT_VERSION + 1));
        byte[] crc = good.clone();
        crc[12] ^= 1;
        assertThatThrownBy(() -> TableCodec.read(crc, "t")).hasMessageContaining("CRC-32");
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> TableCodec.read(longer, "t")).hasMessageContaining("wrong length");
    }
}
