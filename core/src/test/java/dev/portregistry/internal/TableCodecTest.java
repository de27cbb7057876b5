package dev.portregistry.internal;

import dev.portregistry.AlternateUse;
import dev.portregistry.DataVersion;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.Program;
import dev.portregistry.RegistryDate;
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

    /** Every field of every value type, each both set and absent somewhere. */
    static TableData sample() {
        ServiceAssignment echo = ServiceAssignment.of("echo", "Echo", EnumSet.of(Transport.TCP, Transport.UDP), LifecycleStatus.ACTIVE);
        ServiceAssignment full = ServiceAssignment.builder().name("old").description("Old thing")
                .transports(EnumSet.of(Transport.SCTP)).status(LifecycleStatus.ABANDONED)
                .registrationDate(RegistryDate.of(2005, 8)).modificationDate(RegistryDate.of(LocalDate.of(2006, 4, 25)))
                .references(List.of("[RFC1078]", "[RFC 6335] \u00e9t\u00e9 \ud83d\ude80")).serviceCode("SC1")
                .unauthorizedUseReported("Reported 2008").assignmentNotes("Note text").product("Old Product")
                .vendor("Acme").discontinuedYear(2001).reason("Old (Acme) was discontinued in 2001.").basis("EOL notice")
                .programs(List.of(Program.executable("oldd"), Program.runtime("java", "org.acme.Old"))).build();
        ServiceAssignment reserved = ServiceAssignment.of("", "Reserved", EnumSet.of(Transport.DCCP), LifecycleStatus.RESERVED);
        AlternateUse use = AlternateUse.builder().name("Thing").description("A thing.").transports(EnumSet.of(Transport.UDP))
                .kind(UseKind.MALWARE).officialPort(7).basis("an advisory").firstYear(2003).lastYear(2009)
                .programs(List.of(Program.runtime("python3", "thing.py"))).build();
        AlternateUse bare = AlternateUse.builder().name("Bare").transports(EnumSet.of(Transport.TCP)).kind(UseKind.UNOFFICIAL).build();
        TreeMap<String, List<Integer>> names = new TreeMap<>();
        names.put("echo", List.of(7));
        names.put("thing", List.of(7, 65535));
        names.put("bare", List.of(0));
        return new TableData(DataVersion.of("test source", LocalDate.of(2026, 1, 2), "r1"),
                List.of(PortInfo.of(0, List.of(reserved), List.of(bare), List.of()),
                        PortInfo.of(7, List.of(echo, full), List.of(use), List.of(65535)),
                        PortInfo.of(65535, List.of(), List.of(use), List.of(7))),
                names);
    }

    @Test
    void readGivesBackWhatWasWritten() {
        TableData table = sample();
        TableData back = TableCodec.read(TableWriter.toBytes(table), "sample");
        assertThat(back).isEqualTo(table);
        // equals covers every field; spot-check the absent and month-precision values by accessor too
        ServiceAssignment full = back.ports().get(1).assignments().get(1);
        assertThat(full.registrationDate()).hasValueSatisfying(d -> assertThat(d.hasDay()).isFalse());
        assertThat(full.modificationDate()).hasValue(RegistryDate.of(LocalDate.of(2006, 4, 25)));
        assertThat(full.programs()).containsExactly(Program.executable("oldd"), Program.runtime("java", "org.acme.Old"));
        assertThat(full.references()).hasSize(2).last().asString().endsWith("\ud83d\ude80");
        ServiceAssignment echo = back.ports().get(1).assignments().get(0);
        assertThat(echo.registrationDate()).isEmpty();
        assertThat(echo.references()).isEmpty();
        assertThat(echo.discontinuedYear()).isEmpty();
        assertThat(echo.programs()).isEmpty();
        assertThat(echo.origin()).isEqualTo(dev.portregistry.Origin.IANA);
        AlternateUse bare = back.ports().get(0).alternateUses().get(0);
        assertThat(bare.officialPort()).isEmpty();
        assertThat(bare.firstYear()).isEmpty();
        assertThat(back.ports().get(1).alternateUses().get(0).lastYear()).hasValue(2009);
        assertThat(back.version()).isEqualTo(table.version());
        assertThat(back.names()).isEqualTo(table.names());
    }

    @Test
    void aLocalAssignmentIsRefusedByTheWriter() {
        ServiceAssignment local = ServiceAssignment.builder().name("billing").transports(EnumSet.of(Transport.TCP))
                .status(LifecycleStatus.ACTIVE).origin(dev.portregistry.Origin.LOCAL).build();
        TableData table = new TableData(DataVersion.of("s", LocalDate.of(2026, 1, 2), "r"),
                List.of(PortInfo.of(7443, List.of(local), List.of(), List.of())), new TreeMap<>());
        assertThatThrownBy(() -> TableWriter.toBytes(table)).isInstanceOf(TableFormatException.class)
                .hasMessage("assignment \"billing\" of port 7443 is LOCAL: a table holds only IANA assignments");
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
        assertThat(TableCodec.read(TableWriter.toBytes(empty), "empty")).isEqualTo(empty);
        for (int count = 1; count <= 40; count++) {
            List<PortInfo> ports = new java.util.ArrayList<>();
            TreeMap<String, List<Integer>> names = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                String name = "n" + i + "x".repeat(i * 7 % 23);
                ports.add(PortInfo.of(1000 + i, List.of(ServiceAssignment.of(name, "d" + i * 31, EnumSet.of(Transport.TCP), LifecycleStatus.ACTIVE)), List.of(), List.of()));
                names.put(name, List.of(1000 + i));
            }
            TableData table = new TableData(version, ports, names);
            byte[] bytes = TableWriter.toBytes(table);
            assertThat(TableCodec.read(bytes, "t" + count)).as("%d ports", count).isEqualTo(table);
            assertThat(dev.portregistry.PortRegistry.fromTable(new java.io.ByteArrayInputStream(bytes), "t")
                    .get(1000 + count - 1)).isEqualTo(ports.get(count - 1));
        }
    }

    @Test
    void sameContentGivesTheSameBytes() {
        assertThat(TableWriter.toBytes(sample())).isEqualTo(TableWriter.toBytes(sample()));
    }

    @Test
    void headerCarriesMagicAndFormat() {
        ByteBuffer b = ByteBuffer.wrap(TableWriter.toBytes(sample()));
        assertThat(b.getInt()).isEqualTo(0x50525442);
        assertThat(b.getShort()).isEqualTo((short) TableCodec.FORMAT_VERSION);
        assertThat(b.getInt()).isEqualTo(b.capacity() - TableCodec.HEADER_SIZE);
    }

    @Test
    void missingStreamIsReported() {
        assertThatThrownBy(() -> PortTable.open((java.io.InputStream) null, "res/x"))
                .isInstanceOf(TableFormatException.class).hasMessageContaining("res/x").hasMessageContaining("missing");
    }

    @Test
    void emptyAndShortInputsAreTruncated() {
        byte[] good = TableWriter.toBytes(sample());
        for (int len : new int[] {0, 1, 13}) {
            byte[] cut = java.util.Arrays.copyOf(good, len);
            assertThatThrownBy(() -> PortTable.open(new ByteArrayInputStream(cut), "t"))
                    .isInstanceOf(TableFormatException.class).hasMessageContaining("port table t").hasMessageContaining("truncated");
        }
    }

    @Test
    void aStreamWithMissingOrExtraBodyBytesNamesBothLengths() {
        byte[] good = TableWriter.toBytes(sample());
        int body = good.length - TableCodec.HEADER_SIZE;
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 3);
        assertThatThrownBy(() -> PortTable.open(new ByteArrayInputStream(cut), "t"))
                .isInstanceOf(TableFormatException.class)
                .hasMessage("port table t is truncated: header says " + body + " payload bytes, found " + (body - 3));
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 2);
        longer[good.length + 1] = 7;
        assertThatThrownBy(() -> PortTable.open(new ByteArrayInputStream(longer), "t"))
                .isInstanceOf(TableFormatException.class)
                .hasMessage("port table t has a wrong length: header says " + body + " payload bytes, found " + (body + 2));
        assertThat(PortTable.open(new ByteArrayInputStream(good), "t").verify().version())
                .isEqualTo(sample().version());
    }

    @Test
    void everyTruncationFailsLoudly() {
        byte[] good = TableWriter.toBytes(sample());
        for (int len = 0; len < good.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(good, len);
            assertThatThrownBy(() -> TableCodec.read(cut, "t")).as("length %d", len)
                    .isInstanceOf(TableFormatException.class).hasMessageContaining("port table t");
        }
    }

    @Test
    void everyFlippedByteFailsLoudly() {
        byte[] good = TableWriter.toBytes(sample());
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x5A;
            assertThatThrownBy(() -> TableCodec.read(bad, "t")).as("byte %d", i)
                    .isInstanceOf(TableFormatException.class).hasMessageContaining("port table t");
        }
    }

    @Test
    void wrongMagicFormatAndChecksumAreNamed() {
        byte[] good = TableWriter.toBytes(sample());
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

    /** Answers in any order: runs of consecutive ports up and down, scattered ports, repeats of a run's end. */
    @Test
    void everyShapeOfAnAnswerReadsBackInItsOrder() {
        TreeMap<String, List<Integer>> names = new TreeMap<>();
        names.put("scattered", List.of(1, 5, 9, 13, 17, 21));
        names.put("down", List.of(20, 19, 18, 17, 16, 15));
        names.put("mixed", List.of(1, 2, 3, 5, 6, 7, 8, 10, 30, 31, 32, 33, 34, 29, 65534, 65535, 0));
        names.put("pairs", List.of(7, 8, 100, 101, 102, 65535));
        TableData table = new TableData(DataVersion.of("s", LocalDate.of(2026, 1, 2), "r"),
                List.of(PortInfo.of(7, List.of(ServiceAssignment.of("echo", "Echo", EnumSet.of(Transport.TCP),
                        LifecycleStatus.ACTIVE)), List.of(), List.of())), names);
        byte[] bytes = TableWriter.toBytes(table);
        assertThat(TableCodec.read(bytes, "answers").names()).isEqualTo(names);
        dev.portregistry.PortRegistry registry = dev.portregistry.PortRegistry.fromTable(new ByteArrayInputStream(bytes), "answers");
        names.forEach((name, ports) -> assertThat(registry.findService(name)).as(name)
                .extracting(PortInfo::port).containsExactlyElementsOf(ports));
    }
}
