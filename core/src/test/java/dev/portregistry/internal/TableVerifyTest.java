package dev.portregistry.internal;

import dev.portregistry.AlternateUse;
import dev.portregistry.DataVersion;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link PortTable#verify()}: each kind of damage that a valid header and CRC-32 cannot catch, in a
 * foreign or hand-made table, is refused with the table and the problem named, through
 * {@link TableCodec#read} and through {@link PortRegistry#fromTable}; the trusted path (no verify)
 * reads the same good table.
 */
class TableVerifyTest {
    private static final byte[] GOOD = TableWriter.toBytes(TableCodecTest.sample());

    private static String refused(byte[] table) {
        Throwable codec = catchThrowable(() -> TableCodec.read(table, "t"));
        assertThat(codec).isExactlyInstanceOf(TableFormatException.class).hasMessageStartingWith("port table t is inconsistent: ");
        Throwable api = catchThrowable(() -> PortRegistry.fromTable(new ByteArrayInputStream(table), "t"));
        assertThat(api).isExactlyInstanceOf(IllegalStateException.class).hasMessage(codec.getMessage());
        return codec.getMessage().substring("port table t is inconsistent: ".length());
    }

    private static UnaryOperator<byte[]> put(String section, int offset, int... bytes) {
        return index -> {
            int at = (section.startsWith("name ") ? Damage.nameSection(index, section.substring(5))
                    : Damage.section(index, section)) + offset;
            for (int i = 0; i < bytes.length; i++) {
                index[at + i] = (byte) bytes[i];
            }
            return index;
        };
    }

    @Test
    void theGoodTableVerifiesAndTheTrustedPathReadsTheSameRecords() {
        PortTable table = PortTable.open(GOOD, "t");
        PortTable verified = PortTable.open(GOOD, "t").verify();
        for (int port : new int[] {0, 1, 7, 8, 65534, 65535}) {
            assertThat(table.port(port)).isEqualTo(verified.port(port));
        }
        assertThat(table.findName("thing")).isEqualTo(2);
        assertThat(table.findName("nothing")).isEqualTo(-1);
        assertThat(table.namePorts(2)).containsExactly(7, 65535);
        // an edit that changes nothing still verifies: the damage helper itself is sound
        assertThat(TableCodec.read(Damage.index(GOOD, UnaryOperator.identity()), "t")).isEqualTo(TableCodecTest.sample());
    }

    @Test
    void anIndexOutOfItsPoolIsRefused() {
        assertThat(refused(Damage.index(GOOD, put("assignments", 0, 0xFF, 0xFF))))
                .startsWith("assignment 0: points past the end of the index");
        assertThat(refused(Damage.index(GOOD, put("records", 0, 0x7F, 0xFF, 0xFF, 0xFF))))
                .isEqualTo("record 0: lies outside the index's lists, records and answers");
        assertThat(refused(Damage.index(GOOD, put("assignments", 12, 0x7F, 0xFF))))
                .isEqualTo("assignment 0: names no extra");
    }

    @Test
    @SuppressWarnings("EnumOrdinal") // writes an ordinal into a table, as the codec does, to damage it
    void aBadEnumOrdinalOrTransportMaskIsRefused() {
        assertThat(refused(Damage.index(GOOD, put("assignments", 5, LifecycleStatus.UNASSIGNED.ordinal()))))
                .isEqualTo("assignment 0: has a bad mask or status");
        assertThat(refused(Damage.index(GOOD, put("assignments", 4, 0))))
                .startsWith("assignment 0: assignment : transports [] is empty");
        assertThat(refused(Damage.index(GOOD, put("uses", 4, 0x10))))
                .isEqualTo("alternate use 0: has a bad mask, official port or programs list");
        assertThat(refused(Damage.index(GOOD, put("uses", 5, 2)))).startsWith("alternate use 0: points past the end of the index");
    }

    @Test
    void runsOutOfOrderOverlappingEmptyOrWithoutARecordAreRefused() {
        // the sample's runs: 0..0, 7..7, 65535..65535, each with its own record
        String bad = "is empty, overlaps the run before it or names no record";
        assertThat(refused(Damage.index(GOOD, put("runs", 6, 0, 0)))).isEqualTo("run 1: " + bad);
        assertThat(refused(Damage.index(GOOD, put("runs", 6 + 2, 0, 6)))).isEqualTo("run 1: " + bad);
        assertThat(refused(Damage.index(GOOD, put("runs", 4, 0, 3)))).isEqualTo("run 0: " + bad);
    }

    @Test
    void aRunSharesItsRecordWithEveryPortAndARecordNoRunNamesIsHarmless() {
        // port 0's run widened to 0..6: ports 1..6 read as port 0 does, and the table still verifies
        byte[] wide = Damage.index(GOOD, put("runs", 2, 0, 6));
        PortTable table = PortTable.open(wide, "t").verify();
        for (int port = 0; port <= 6; port++) {
            assertThat(table.port(port).assignments()).isEqualTo(table.port(0).assignments());
            assertThat(table.port(port).alternateUses()).isSameAs(table.port(0).alternateUses());
        }
        assertThat(table.portCount()).isEqualTo(9);
        assertThat(table.dataPort(6)).isEqualTo(6);
        assertThat(table.dataPort(7)).isEqualTo(7);
        assertThat(table.dataPort(8)).isEqualTo(65535);
        // port 65535's run with port 7's record, which relates it to 65535 itself: PortInfo refuses it
        assertThat(refused(Damage.index(GOOD, put("runs", 12 + 4, 0, 1))))
                .startsWith("run 2: ").contains("must be ascending, unique and exclude the port itself");
    }

    @Test
    void namesOutOfOrderOrNotLowerCaseOrUnreachableAreRefused() {
        // the keys are the strings 1..K in order (bare, echo, thing); name 0 pointing at string 2 puts "echo" before "echo"
        assertThat(refused(Damage.names(GOOD, put("name names", 0, 0, 2))))
                .isEqualTo("name 1: does not follow the name before it in order");
        assertThat(refused(Damage.chunk0(GOOD, text -> replace(text, "thing", "Thing")))).isEqualTo("name 2: is not lower case");
        assertThat(refused(Damage.names(GOOD, names -> {
            int at = Damage.nameSection(names, "hash");
            Arrays.fill(names, at, at + 2 * ByteBuffer.wrap(names).getInt(4), (byte) 0);
            return names;
        }))).isEqualTo("name 0: is not found through the hash section");
    }

    @Test
    void badAnswersAndABadNameIndexAreRefused() {
        // the answers: bare [0], echo [7], thing [7, 65535]; each u16 n ports, u16 m values, the values
        int thing = 12;
        assertThat(refused(Damage.names(GOOD, put("name variable", thing, 0, 3))))
                .isEqualTo("name 2: lists fewer ports than it counts");
        assertThat(refused(Damage.names(GOOD, put("name variable", thing + 4, 0, 7, 0, 7))))
                .isEqualTo("name 2: has a run that ends early or goes down");
        assertThat(refused(Damage.names(GOOD, put("name variable", 6, 0, 2))))
                .isEqualTo("name 1: lists fewer ports than it counts");
        assertThat(refused(Damage.names(GOOD, put("name variable", thing, 0, 1))))
                .startsWith("name 2: points past the end of the index");
        assertThat(refused(Damage.names(GOOD, put("name answers", 0, 0, 0, 0, 0))))
                .isEqualTo("name 0: lies outside the index's lists, records and answers");
        assertThat(refused(Damage.names(GOOD, names -> Arrays.copyOf(names, names.length + 2))))
                .isEqualTo("the name index has 2 unexpected bytes after its last answer");
        assertThat(refused(Damage.names(GOOD, names -> Arrays.copyOf(names, 20))))
                .isEqualTo("the name index's counts do not fit it");
        assertThat(refused(Damage.names(GOOD, put("name names", -4, 0, 0, 0, 3))))
                .isEqualTo("the name index's counts do not fit it");
    }

    @Test
    void aControlCharacterOrBadUtf8IsRefused() {
        assertThat(refused(Damage.chunk0(GOOD, text -> replace(text, "A thing.", "A\nthing."))))
                .matches("string \\d+: holds the control character U\\+000A at index 1");
        assertThat(refused(Damage.chunk0(GOOD, text -> replace(text, "Echo", "Ech\u00ff"))))
                .matches("string \\d+: is not well-formed UTF-8 \\(.*MalformedInputException.*\\)");
        ServiceAssignment twoLines = ServiceAssignment.of("x", "two\u2028lines", EnumSet.of(Transport.TCP), LifecycleStatus.ACTIVE);
        TableData written = new TableData(DataVersion.of("s", LocalDate.of(2026, 1, 2), "r"),
                List.of(PortInfo.of(1, List.of(twoLines), List.of(), List.of())), new TreeMap<>());
        assertThat(refused(TableWriter.toBytes(written))).matches("string \\d+: holds the control character U\\+2028 at index 3");
    }

    @Test
    void aBadDateOrARecordItsConstructorRejectsIsRefused() {
        assertThat(refused(Damage.index(GOOD, put("dates", 4 + 2, 13)))).startsWith("date 1: Invalid value for MonthOfYear");
        // an alternate use whose name is string 0, "": blank, which AlternateUse refuses
        assertThat(refused(Damage.index(GOOD, put("uses", 0, 0, 0)))).startsWith("alternate use 0: ").contains("is blank");
    }

    @Test
    void aTruncatedOrOverlongIndexIsRefused() {
        assertThat(refused(Damage.index(GOOD, index -> Arrays.copyOf(index, index.length - 1))))
                .startsWith("run 2: points past the end of the index");
        assertThat(refused(Damage.index(GOOD, index -> Arrays.copyOf(index, index.length + 3))))
                .isEqualTo("the index has 3 unexpected bytes after its last record");
        assertThat(refused(Damage.index(GOOD, index -> Arrays.copyOf(index, 40))))
                .startsWith("the index ends early: its sections need");
    }

    /** The bytes with the first occurrence of one ISO-8859-1 text replaced by another of the same length. */
    private static byte[] replace(byte[] text, String from, String to) {
        String s = new String(text, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = s.indexOf(from);
        assertThat(at).as("%s in the chunk", from).isNotNegative();
        byte[] out = text.clone();
        byte[] with = to.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(with, 0, out, at, with.length);
        return out;
    }

    @Test
    void theNoneEntryOfEachPoolMustBeEmptyAndEveryChunkStartAtItsFirstByte() {
        // string 1 made to start one byte into chunk 0: string 0, which stands for "", would hold that byte
        assertThat(refused(Damage.index(GOOD, put("strings", 2, 0, 1)))).isEqualTo("string 0: is not empty");
        assertThat(refused(Damage.index(GOOD, put("dates", 3, 1)))).isEqualTo("date 0: is not empty");
        // list 0, the empty list, is the first thing in the variable part: its count made 1
        assertThat(refused(Damage.index(GOOD, put("variable", 0, 1)))).isEqualTo("list 0: is not empty");
        assertThat(refused(Damage.index(GOOD, put("strings", 0, 0, 1)))).isEqualTo("string 0: does not start its chunk");
    }

    @Test
    void aBadExtraOrOffsetIsRefused() {
        assertThat(refused(Damage.index(GOOD, put("extras", 1, 1))))
                .isEqualTo("extra 0: has a bad programs list or is not empty");
        // extra 1 is the sample's "old" assignment's, whose programs are 2 pairs: one entry less is no pair
        assertThat(refused(Damage.index(GOOD, index -> {
            ByteBuffer b = ByteBuffer.wrap(index);
            int list = b.getShort(Damage.section(index, "extras") + 18 + 16);
            index[b.getInt(Damage.section(index, "lists") + 4 * list)] = 3;
            return index;
        }))).isEqualTo("extra 1: has a bad programs list or is not empty");
        assertThat(refused(Damage.index(GOOD, index -> {
            ByteBuffer.wrap(index).putInt(Damage.section(index, "records"), index.length);
            return index;
        }))).isEqualTo("record 0: lies outside the index's lists, records and answers");
    }

    @Test
    void aMaskOfAnUnknownTransportIsRefusedAndOneOfAllFourReadsBack() {
        assertThat(refused(Damage.index(GOOD, put("assignments", 4, 0x10))))
                .isEqualTo("assignment 0: has a bad mask or status");
        assertThat(refused(Damage.index(GOOD, put("uses", 18 + 4, 0x10))))
                .isEqualTo("alternate use 1: has a bad mask, official port or programs list");
        // -1 stands for no official port; anything lower is no port
        assertThat(refused(Damage.index(GOOD, put("uses", 6, 0xFF, 0xFF, 0xFF, 0xFE))))
                .isEqualTo("alternate use 0: has a bad mask, official port or programs list");
        // use 1 (Thing, run by python3 thing.py): its programs list made one entry short of its pair
        assertThat(refused(Damage.index(GOOD, index -> {
            ByteBuffer b = ByteBuffer.wrap(index);
            int list = b.getShort(Damage.section(index, "uses") + 18 + 16);
            index[b.getInt(Damage.section(index, "lists") + 4 * list)] = 1;
            return index;
        }))).isEqualTo("alternate use 1: has a bad mask, official port or programs list");
        EnumSet<Transport> all = EnumSet.allOf(Transport.class);
        TableData everywhere = new TableData(DataVersion.of("s", LocalDate.of(2026, 1, 2), "r"),
                List.of(PortInfo.of(1, List.of(ServiceAssignment.of("all", "All", all, LifecycleStatus.ACTIVE)),
                        List.of(AlternateUse.builder().name("Everywhere").transports(all).kind(UseKind.UNOFFICIAL).build()),
                        List.of())), new TreeMap<>());
        assertThat(TableCodec.read(TableWriter.toBytes(everywhere), "t")).isEqualTo(everywhere);
    }

    @Test
    void aRunThatStartsOnThePreviousRunsLastPortIsRefused() {
        // runs 0..0, 7..7, 65535..65535: run 0 made 0..7
        assertThat(refused(Damage.index(GOOD, put("runs", 2, 0, 7))))
                .isEqualTo("run 1: is empty, overlaps the run before it or names no record");
    }

    @Test
    void aNameThatIsNotWellFormedListsNoPortOrPointsOutsideTheAnswersIsRefused() {
        assertThat(refused(Damage.chunk0(GOOD, text -> replace(text, "thing", "thin "))))
                .isEqualTo("name 2: begins or ends with white space");
        // name 0 (bare: one port) made to count no port and no value
        assertThat(refused(Damage.names(GOOD, put("name variable", 0, 0, 0, 0, 0))))
                .isEqualTo("name 0: lists no port or one twice");
        assertThat(refused(Damage.names(GOOD, names -> {
            ByteBuffer.wrap(names).putInt(Damage.nameSection(names, "answers"), Damage.nameSection(names, "hash"));
            return names;
        }))).isEqualTo("name 0: lies outside the index's lists, records and answers");
    }

    @Test
    void aHashSlotPastTheLastNameIsRefused() {
        byte[] names = Damage.inflated(GOOD, 1);
        int hash = Damage.nameSection(names, "hash");
        int empty = 0;
        while (ByteBuffer.wrap(names).getShort(hash + 2 * empty) != 0) {
            empty++;
        }
        int slot = empty;
        // 3 names: a slot holds 1..3, or 0 when empty
        assertThat(refused(Damage.names(GOOD, put("name hash", 2 * slot, 0, 4))))
                .isEqualTo("hash slot " + slot + ": holds no name");
    }
}
