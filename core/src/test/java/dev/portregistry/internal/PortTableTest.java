package dev.portregistry.internal;

import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.Transport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The run-time reader ({@link PortTable#open}): it agrees with the full reader; it rejects at
 * open what its walk relies on, every other inconsistency in the first call that needs the bad
 * part (an IllegalStateException naming the table) and all of them in {@link PortTable#verify()};
 * a table that verifies never fails later. Inconsistent tables are sealed with a valid length and
 * CRC-32, so that only the reader's own checks can catch them.
 */
class PortTableTest {

    @Test
    void decodesWhatTheFullReaderReads() {
        TableData table = TableCodecTest.sample();
        PortTable open = PortTable.open(TableCodec.toBytes(table), "sample");
        assertThat(open.version()).isEqualTo(table.version());
        assertThat(open.portCount()).isEqualTo(table.ports().size());
        for (int i = 0; i < open.portCount(); i++) {
            assertThat(open.port(open.dataPort(i))).isEqualTo(table.ports().get(i));
        }
        assertThat(open.port(8)).isEqualTo(PortInfo.of(8, List.of(), List.of(), List.of()));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < open.nameCount(); i++) {
            names.add(open.name(i));
            assertThat(open.namePorts(i)).containsExactly(
                    table.names().get(open.name(i)).stream().mapToInt(Integer::intValue).toArray());
        }
        assertThat(names).containsExactlyElementsOf(table.names().keySet());
    }

    @Test
    void sharesEachDecodedAssignmentAndString() {
        PortTable open = PortTable.open(TableCodec.toBytes(TableCodecTest.sample()), "sample");
        PortInfo first = open.port(7);
        PortInfo again = open.port(7);
        assertThat(again).isEqualTo(first).isNotSameAs(first);
        assertThat(again.assignments().get(0)).isSameAs(first.assignments().get(0));
        assertThat(again.alternateUses().get(0)).isSameAs(first.alternateUses().get(0));
        assertThat(open.port(65535).alternateUses().get(0)).isSameAs(first.alternateUses().get(0));
        assertThat(again.assignments().get(0).transports()).containsExactly(Transport.TCP, Transport.UDP);
    }

    @Test
    void validHandMadePayloadOpens() {
        PortTable open = open(new TestTables.Payload());
        assertThat(open.port(7).assignments()).singleElement()
                .satisfies(a -> assertThat(a.name()).isEqualTo("echo"));
        assertThat(open.port(7).relatedPorts()).containsExactly(9, 65535);
        assertThat(open.port(7).status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(open.name(0)).isEqualTo("echo");
    }

    @Test
    void whatTheWalkAtOpenReliesOnIsRejectedAtOpen() {
        Map<String, TestTables.Payload> broken = Map.of(
                "port 7 follows 7", new TestTables.Payload().secondPort(7),
                "2 string chunks for 3 strings", new TestTables.Payload().chunkCount(2),
                "unexpected bytes after the compressed string chunks", new TestTables.Payload().chunkStoredDelta(-1));
        broken.forEach((message, payload) -> assertThatThrownBy(() -> open(payload))
                .as(message).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("port table t").hasMessageContaining(message));
    }

    @Test
    void everyOtherInconsistencyFailsTheFirstCallThatNeedsItAndIsRejectedByVerify() {
        Map<String, TestTables.Payload> record = Map.of(
                "assignment 0: string index 9 is out of bounds (pool of 3)", new TestTables.Payload().assignment(9, 1, 3, 0, 0),
                "has status UNASSIGNED", new TestTables.Payload().assignment(1, 2, 3, LifecycleStatus.UNASSIGNED.ordinal(), 0),
                "transport mask 0", new TestTables.Payload().assignment(1, 2, 0, 0, 0),
                "transport mask 16", new TestTables.Payload().assignment(1, 2, 16, 0, 0),
                "assignment index 1", new TestTables.Payload().assignmentIndex(1),
                "must be ascending", new TestTables.Payload().related(9, 9),
                "exclude the port itself", new TestTables.Payload().related(7, 9),
                "add up to 8 bytes, the chunk to 9", new TestTables.Payload().chunkLengthDelta(1));
        Map<String, TestTables.Payload> names = Map.of(
                "name 0: string index 9", new TestTables.Payload().nameKey(9),
                "2 unexpected bytes", new TestTables.Payload().trailing(2));
        record.forEach((message, payload) -> {
            PortTable open = open(payload);
            assertThat(open.port(8).assignments()).as(message).isEmpty(); // a port without a record needs none of it
            assertThatThrownBy(() -> open.port(7)).as(message).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port table t is inconsistent").hasMessageContaining(message);
        });
        names.forEach((message, payload) -> {
            PortTable open = open(payload);
            assertThat(open.port(7).assignments()).as(message).hasSize(1); // the records are sound
            assertThatThrownBy(() -> open.name(0)).as(message).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port table t").hasMessageContaining(message);
            assertThatThrownBy(() -> open(payload).namePorts(0)).as(message).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port table t").hasMessageContaining(message);
        });
        Map<String, TestTables.Payload> all = new java.util.HashMap<>(record);
        all.putAll(names);
        all.forEach((message, payload) -> {
            assertThatThrownBy(() -> open(payload).verify()).as(message).isInstanceOf(TableFormatException.class)
                    .hasMessageContaining("port table t").hasMessageContaining(message);
            assertThatThrownBy(() -> TableCodec.read(payload.table(), "t")).as(message)
                    .isInstanceOf(TableFormatException.class).hasMessageContaining(message);
        });
    }

    @Test
    void theOfficialDateIsAnIsoDate() {
        assertThat(open(new TestTables.Payload().date("2024-02-29")).version().officialDate())
                .isEqualTo(java.time.LocalDate.of(2024, 2, 29));
        assertThat(open(new TestTables.Payload().date("+12026-01-02")).version().officialDate().getYear())
                .isEqualTo(12026);
        for (String bad : new String[] {"2026-02-29", "2026-13-01", "2026-1x-01", "26-01-02", ""}) {
            PortTable open = open(new TestTables.Payload().date(bad));
            assertThat(open.port(7).assignments()).as(bad).hasSize(1); // the version is decoded on its own
            assertThatThrownBy(open::version).as(bad).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port table t").hasMessageContaining("official date \"" + bad + "\"");
            assertThatThrownBy(() -> open(new TestTables.Payload().date(bad)).verify()).as(bad)
                    .isInstanceOf(TableFormatException.class).hasMessageContaining("official date \"" + bad + "\"");
        }
    }

    @Test
    void everyShortenedIndexIsRejectedAtOpenOrByVerifyAndByTheCallThatNeedsTheMissingPart() {
        TestTables.Payload payload = new TestTables.Payload();
        byte[] index = payload.index();
        int rejectedAtOpen = 0;
        for (int length = 0; length < index.length; length++) {
            byte[] cut = TestTables.seal(Arrays.copyOf(index, length), List.of(payload.chunk()));
            PortTable table;
            try {
                table = PortTable.open(cut, "t");
            } catch (TableFormatException e) {
                assertThat(e).as("length %d", length).hasMessageContaining("port table t");
                rejectedAtOpen++;
                continue;
            }
            assertThatThrownBy(() -> useEverything(PortTable.open(cut, "t"))).as("length %d", length)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("port table t");
            assertThatThrownBy(table::verify).as("length %d", length)
                    .isInstanceOf(TableFormatException.class).hasMessageContaining("port table t");
        }
        // a cut in the names section passes the walk at open, which does not enter it
        assertThat(rejectedAtOpen).isPositive().isLessThan(index.length);
    }

    @Test
    void aTableThatOpensFailsOnlyLoudlyAndOneThatVerifiesNeverFails() {
        TestTables.Parts parts = TestTables.split(TableCodec.toBytes(TableCodecTest.sample()));
        int verified = 0;
        int failedLater = 0;
        for (int i = 0; i < parts.index().length; i++) {
            for (int flip : new int[] {0x01, 0x80, 0xFF}) {
                byte[] bad = parts.index().clone();
                bad[i] ^= (byte) flip;
                byte[] table = TestTables.seal(bad, parts.chunks());
                try {
                    PortTable.open(table, "t");
                } catch (TableFormatException e) {
                    continue;
                }
                boolean verifies;
                try {
                    PortTable.open(table, "t").verify();
                    verifies = true;
                } catch (TableFormatException e) {
                    verifies = false;
                }
                String where = "byte " + i + " ^ " + flip;
                if (verifies) {
                    verified++;
                    useEverything(PortTable.open(table, "t")); // must not throw
                } else {
                    // what verify rejects, the calls a registry makes reject too, with the API's exception
                    failedLater++;
                    assertThatThrownBy(() -> useEverything(PortTable.open(table, "t"))).as(where)
                            .isInstanceOf(IllegalStateException.class).hasMessageContaining("port table t");
                }
            }
        }
        // flips inside the version strings and the related ports keep a table consistent: the test saw some
        assertThat(verified).isPositive();
        assertThat(failedLater).isPositive();
    }

    /** Every call a registry makes on a table, as a registry makes them (NameIndex reports checkNames so). */
    private static void useEverything(PortTable table) {
        table.version();
        for (int port : new int[] {0, 1, 7, 8, 65534, 65535}) {
            assertThat(table.port(port).port()).isEqualTo(port);
        }
        for (int p = 0; p < table.portCount(); p++) {
            table.port(table.dataPort(p)).summary();
        }
        for (int n = 0; n < table.nameCount(); n++) {
            table.name(n);
            table.namePorts(n);
        }
        try {
            table.checkNames();
        } catch (TableFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Test
    void aChunkThatDoesNotInflateFailsOnlyTheLookupsThatNeedItUnverifiedAndIsRejectedByVerify() {
        TestTables.Payload payload = new TestTables.Payload();
        byte[] chunk = payload.chunk();
        byte[] broken = chunk.clone();
        broken[broken.length - 1] ^= 0x55; // the zlib trailer's Adler-32: inflating fails
        byte[] table = TestTables.seal(payload.index(), List.of(broken));
        PortTable open = PortTable.open(table, "t");
        assertThat(open.port(8).assignments()).isEmpty();
        assertThatThrownBy(() -> open.port(7)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("port table t").hasMessageContaining("string chunk 0");
        // verify(), which every registry and the full reader run right after opening, rejects it
        assertThatThrownBy(() -> PortTable.open(table, "t").verify()).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("port table t").hasMessageContaining("does not inflate");
        assertThatThrownBy(() -> TableCodec.read(table, "t")).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("does not inflate");
    }

    @Test
    void malformedTextFailsItsFirstUseUnverifiedAndTheFullReaderRejectsIt() {
        // 0xC3 0x28: a two-byte lead followed by a byte that does not continue it
        TestTables.Payload payload = new TestTables.Payload().description(new byte[] {'E', (byte) 0xC3, '(', 'o'});
        PortTable open = open(payload);
        assertThat(open.port(8).assignments()).isEmpty(); // needs no text
        assertThatThrownBy(() -> open.port(7)).isInstanceOf(IllegalStateException.class)
                .hasMessage("port table t is inconsistent: string 2 is a bad string: not well-formed modified UTF-8");
        assertThat(open.name(0)).isEqualTo("echo"); // the other strings of its chunk still decode
        assertThatThrownBy(() -> open(payload).verify()).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("string 2 is a bad string");
        assertThatThrownBy(() -> TableCodec.read(payload.table(), "t")).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("modified UTF-8");
    }

    @Test
    void wellFormedNonAsciiTextDecodesExactly() {
        TestTables.Payload payload = new TestTables.Payload().description("Société Générale \u2013 \u00e9cho".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(open(payload).port(7).assignments().get(0).description()).isEqualTo("Société Générale \u2013 \u00e9cho");
        assertThat(TableCodec.read(payload.table(), "t").ports().get(0).assignments().get(0).description())
                .isEqualTo("Société Générale \u2013 \u00e9cho");
    }

    @Test
    void aLineBreakInTheTextFailsItsFirstUseUnverified() {
        // the bundled table skips verify(): a chunk's strings are checked when it is first inflated
        PortTable open = open(new TestTables.Payload().description(new byte[] {'E', '\n', 'o'}));
        assertThatThrownBy(() -> open.port(7)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("port table t is inconsistent: string 2 \"E\\u000Ao\" holds the control character U+000A");
        assertThatThrownBy(() -> open(new TestTables.Payload().description(new byte[] {'E', '\n', 'o'})).verify())
                .isInstanceOf(TableFormatException.class).hasMessageContaining("holds the control character U+000A");
    }

    @Test
    void namesOutOfOrderOpenButVerifyAndTheFullReaderRejectThem() {
        TestTables.Payload payload = new TestTables.Payload().secondName("abc");
        PortTable open = open(payload);
        assertThat(open.name(0)).isEqualTo("echo");
        assertThat(open.name(1)).isEqualTo("abc");
        assertThatThrownBy(open::verify).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("name \"abc\" follows \"echo\": names must be ascending");
        assertThatThrownBy(() -> TableCodec.read(payload.table(), "t")).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("names must be ascending");
    }

    static PortTable open(TestTables.Payload payload) {
        return PortTable.open(payload.table(), "t");
    }
}
