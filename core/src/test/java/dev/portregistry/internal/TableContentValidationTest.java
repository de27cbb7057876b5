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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tables whose header and CRC-32 are valid but whose content is not as the writer makes it: the
 * checksum cannot catch these (a bug in a writer, a hand-made file), so the reader must, and it
 * must say what is wrong instead of returning a wrong registry or failing with an unrelated
 * exception. Every table is written by hand with {@link RawTable}, following the documented layout.
 */
class TableContentValidationTest {

    /**
     * The sections of a payload as {@link RawTable} tokens; the defaults make a valid table of two
     * ports (7 and 9) sharing an alternate use, and two names.
     */
    record Layout(String version, String strings, String assignments, String uses, String ports, String names,
                   String tail) {
        static final Layout VALID = new Layout(
                "utf:test_source utf:2026-01-02 utf:r1",
                "u16:5 utf: utf:echo utf:Echo utf:Thing utf:thing",
                // name echo, description Echo, TCP|UDP, ACTIVE, no note
                "u16:1  u16:1 u16:2 u8:3 u8:0 u16:0",
                // name Thing, no description, UDP, MALWARE, official port 7, basis Echo
                "u16:1  u16:3 u16:0 u8:2 u8:1 i32:7 u16:2",
                // port 7: assignment 0, use 0, related 9; port 9: no assignment, use 0, related 7
                "i32:2  u16:7 u8:1 u16:0 u8:1 u16:0 u8:1 u16:9  u16:9 u8:0 u8:1 u16:0 u8:1 u16:7",
                // echo -> 7; thing -> 7, 9
                "i32:2  u16:1 u16:1 u16:7  u16:4 u16:2 u16:7 u16:9",
                "");

        Layout version(String v) {
            return new Layout(v, strings, assignments, uses, ports, names, tail);
        }

        Layout strings(String v) {
            return new Layout(version, v, assignments, uses, ports, names, tail);
        }

        Layout assignments(String v) {
            return new Layout(version, strings, v, uses, ports, names, tail);
        }

        Layout uses(String v) {
            return new Layout(version, strings, assignments, v, ports, names, tail);
        }

        Layout ports(String v) {
            return new Layout(version, strings, assignments, uses, v, names, tail);
        }

        Layout names(String v) {
            return new Layout(version, strings, assignments, uses, ports, v, tail);
        }

        Layout tail(String v) {
            return new Layout(version, strings, assignments, uses, ports, names, v);
        }

        byte[] payload() {
            return RawTable.payload(String.join(" ", version, strings, assignments, uses, ports, names, tail));
        }

        byte[] table() {
            return RawTable.table(payload());
        }
    }

    static TableData expectedValid() {
        ServiceAssignment echo = ServiceAssignment.of("echo", "Echo", EnumSet.of(Transport.TCP, Transport.UDP), LifecycleStatus.ACTIVE);
        AlternateUse thing = AlternateUse.builder().name("Thing").description("").transports(EnumSet.of(Transport.UDP)).kind(UseKind.MALWARE).officialPort(7).basis("Echo").build();
        TreeMap<String, List<Integer>> names = new TreeMap<>();
        names.put("echo", List.of(7));
        names.put("thing", List.of(7, 9));
        return new TableData(DataVersion.of("test source", LocalDate.of(2026, 1, 2), "r1"),
                List.of(PortInfo.of(7, List.of(echo), List.of(thing), List.of(9)),
                        PortInfo.of(9, List.of(), List.of(thing), List.of(7))),
                names);
    }

    /** Reads through both entry points and checks that each fails naming the source and the problem. */
    private static void assertRejected(byte[] table, String... problem) {
        Throwable codec = catchThrowable(() -> TableCodec.read(table, "hand-made.table"));
        assertThat(codec).as("TableCodec.read").isExactlyInstanceOf(TableFormatException.class)
                .hasMessageStartingWith("port table hand-made.table");
        for (String p : problem) {
            assertThat(codec.getMessage()).contains(p);
        }
        Throwable api = catchThrowable(() -> PortRegistry.fromTable(new ByteArrayInputStream(table), "hand-made.table"));
        assertThat(api).as("PortRegistry.fromTable").isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage(codec.getMessage()).hasCauseExactlyInstanceOf(TableFormatException.class);
    }

    @Test
    void theHandWrittenLayoutIsExactlyWhatTheWriterWrites() {
        assertThat(TableCodec.read(Layout.VALID.table(), "valid")).isEqualTo(expectedValid());
        // the writer puts the name keys first in the string pool ("", echo, thing, Echo, Thing); the
        // reader takes any order, so VALID keeps the order of first use the cases below index into
        Layout written = Layout.VALID.strings("u16:5 utf: utf:echo utf:thing utf:Echo utf:Thing")
                .assignments("u16:1  u16:1 u16:3 u8:3 u8:0 u16:0")
                .uses("u16:1  u16:4 u16:0 u8:2 u8:1 i32:7 u16:3")
                .names("i32:2  u16:1 u16:1 u16:7  u16:2 u16:2 u16:7 u16:9");
        assertThat(written.payload()).isEqualTo(RawTable.inflatedPayload(TableCodec.toBytes(expectedValid())));
        assertThat(TableCodec.read(written.table(), "written")).isEqualTo(expectedValid());
        assertThat(PortRegistry.fromTable(new ByteArrayInputStream(Layout.VALID.table()), "valid")
                .findService("THING")).extracting(PortInfo::port).containsExactly(7, 9);
    }

    // ---------------------------------------------------------------- indices into the pools

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "u16:1  u16:5 u16:2 u8:3 u8:0 u16:0        | string index 5 is out of bounds (pool of 5)",
            "u16:1  u16:1 u16:65535 u8:3 u8:0 u16:0    | string index 65535 is out of bounds",
            "u16:1  u16:1 u16:2 u8:3 u8:0 u16:9        | string index 9",
            "u16:1  u16:1 u16:2 u8:3 u8:6 u16:0        | status index 6 is out of bounds (pool of 6)",
            "u16:1  u16:1 u16:2 u8:3 u8:255 u16:0      | status index 255",
            "u16:1  u16:1 u16:2 u8:3 u8:5 u16:0        | has status UNASSIGNED",
            "u16:1  u16:1 u16:2 u8:0 u8:0 u16:0        | transport mask 0",
            "u16:1  u16:1 u16:2 u8:16 u8:0 u16:0       | transport mask 16",
            "u16:1  u16:1 u16:2 u8:255 u8:0 u16:0      | transport mask 255",
    })
    void badAssignmentRecords(String assignments, String problem) {
        assertRejected(Layout.VALID.assignments(assignments).table(), "is inconsistent", problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "u16:1  u16:3 u16:0 u8:2 u8:2 i32:7 u16:2      | kind index 2 is out of bounds (pool of 2)",
            "u16:1  u16:3 u16:0 u8:2 u8:200 i32:7 u16:2    | kind index 200",
            "u16:1  u16:3 u16:0 u8:2 u8:1 i32:65536 u16:2  | port 65536 is out of range",
            "u16:1  u16:3 u16:0 u8:2 u8:1 i32:-2 u16:2     | port -2 is out of range",
            "u16:1  u16:3 u16:0 u8:2 u8:1 i32:-2147483648 u16:2 | port -2147483648",
            "u16:1  u16:0 u16:0 u8:2 u8:1 i32:7 u16:2      | alternate use name \"\" is blank",
            "u16:1  u16:3 u16:0 u8:32 u8:1 i32:7 u16:2     | transport mask 32",
            "u16:1  u16:3 u16:0 u8:2 u8:1 i32:7 u16:77     | string index 77",
    })
    void badAlternateUseRecords(String uses, String problem) {
        assertRejected(Layout.VALID.uses(uses).table(), "is inconsistent", problem);
    }

    @Test
    void aRecordThatOnlyItsConstructorRejectsFailsItsFirstDecodeUnverified() {
        // the run-time checks of a use record stop at indices and enums; the record's own constructor
        // refuses a blank name, and the reader reports that as the table's inconsistency
        byte[] table = Layout.VALID.uses("u16:1  u16:0 u16:0 u8:2 u8:1 i32:7 u16:2").table();
        PortTable open = PortTable.open(table, "hand-made.table");
        assertThat(catchThrowable(() -> open.port(7))).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("port table hand-made.table is inconsistent: alternate use name \"\" is blank")
                .hasCauseExactlyInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- port records

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // ports out of order or repeated
            "i32:2  u16:9 u8:0 u8:1 u16:0 u8:0  u16:7 u8:0 u8:1 u16:0 u8:0   | port 7 follows 9",
            "i32:2  u16:7 u8:0 u8:1 u16:0 u8:0  u16:7 u8:0 u8:1 u16:0 u8:0   | port 7 follows 7",
            // index into the assignment or use pool out of bounds
            "i32:1  u16:7 u8:1 u16:1 u8:0 u8:0                               | assignment index 1 is out of bounds (pool of 1)",
            "i32:1  u16:7 u8:0 u8:1 u16:3 u8:0                               | alternate use index 3 is out of bounds",
            // the same assignment or use twice on a port
            "i32:1  u16:7 u8:2 u16:0 u16:0 u8:0 u8:0                         | port 7 lists the same assignment or alternate use twice",
            "i32:1  u16:7 u8:0 u8:2 u16:0 u16:0 u8:0                         | port 7 lists the same assignment or alternate use twice",
            // related ports: the port itself, unsorted, repeated
            "i32:1  u16:7 u8:0 u8:0 u8:1 u16:7                               | relatedPorts of port 7",
            "i32:1  u16:7 u8:0 u8:0 u8:2 u16:9 u16:8                         | relatedPorts of port 7",
            "i32:1  u16:7 u8:0 u8:0 u8:2 u16:9 u16:9                         | relatedPorts of port 7",
            // port counts no table can have
            "i32:-1                                                          | port count -1, expected 0..65536",
            "i32:65537                                                       | port count 65537",
            "i32:-2147483648                                                 | port count -2147483648",
    })
    void badPortRecords(String ports, String problem) {
        assertRejected(Layout.VALID.ports(ports).names("i32:0").table(), "is inconsistent", problem);
    }

    @Test
    void aPortCountLargerThanTheRecordsEndsEarly() {
        assertRejected(Layout.VALID.ports("i32:3 u16:7 u8:0 u8:0 u8:0").names("").table(), "the index ends early");
    }

    @Test
    void theLastPortIsAccepted() {
        byte[] table = Layout.VALID.ports("i32:2  u16:0 u8:0 u8:0 u8:1 u16:65535  u16:65535 u8:0 u8:0 u8:1 u16:0")
                .names("i32:0").table();
        assertThat(TableCodec.read(table, "t").ports()).extracting(PortInfo::port).containsExactly(0, 65535);
    }

    // ---------------------------------------------------------------- names

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "i32:2  u16:1 u16:1 u16:7  u16:1 u16:1 u16:9      | name \"echo\" appears twice",
            "i32:1  u16:2 u16:1 u16:7                          | name \"Echo\" is not lower case",
            "i32:1  u16:0 u16:1 u16:7                          | name \"\" is blank",
            "i32:1  u16:4 u16:0                                | name \"thing\" lists ports []",
            "i32:1  u16:4 u16:2 u16:7 u16:7                    | name \"thing\" lists ports [7, 7]",
            "i32:1  u16:5 u16:1 u16:7                          | string index 5 is out of bounds",
            "i32:6                                             | name count 6",
            "i32:-1                                            | name count -1",
    })
    void badNames(String names, String problem) {
        assertRejected(Layout.VALID.names(names).table(), "is inconsistent", problem);
    }

    @Test
    void aNameThatNoQueryCouldReachIsRejected() {
        byte[] table = Layout.VALID.strings("u16:5 utf: utf:echo utf:Echo utf:Thing utf:_thing").table();
        assertRejected(table, "is inconsistent", "name \" thing\" begins or ends with white space");
        // a bidirectional override: one line of text, but no name a query could be written with
        byte[] bidi = Layout.VALID.strings("u16:5 utf: utf:echo utf:Echo utf:Thing hex:000561e280ae62").table();
        assertRejected(bidi, "is inconsistent", "name \"a\\u202Eb\" holds the control or formatting character U+202E");
    }

    // ---------------------------------------------------------------- version and strings

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "utf:test utf:2026-13-01 utf:r1    | 2026-13-01",
            "utf:test utf:yesterday utf:r1     | yesterday",
            "utf:test utf: utf:r1              | is inconsistent",
            "utf:_ utf:2026-01-02 utf:r1       | officialSource \" \" is blank",
            "utf:test utf:2026-01-02 utf:      | curatedRevision \"\" is blank",
    })
    void badVersions(String version, String problem) {
        assertRejected(Layout.VALID.version(version).table(), "is inconsistent", problem);
    }

    @Test
    void aStringThatWouldBreakALineOrALogIsRejected() {
        // "Echo" becomes "Ec<LF>o", "E<NUL>ho", "Ec<U+2028>o" and "Ec<U+2029>o": descriptions and summaries stay one line
        for (String hex : new String[] {"000445630a6f", "00044500686f", "000645 63e280a8 6f", "00064563e280a96f"}) {
            byte[] table = Layout.VALID.strings("u16:5 utf: utf:echo hex:" + hex.replace(" ", "") + " utf:Thing utf:thing")
                    .table();
            assertRejected(table, "is inconsistent: string 2 \"", "holds the control character U+");
        }
    }

    @Test
    void aStringThatIsNotModifiedUtf8IsRejected() {
        // length 2, then a lead byte of a 3-byte sequence cut short, and a lone continuation byte
        assertRejected(Layout.VALID.strings("u16:5 utf: utf:echo utf:Echo utf:Thing hex:0002e080").table(),
                "bad string");
        assertRejected(Layout.VALID.strings("u16:5 utf: utf:echo utf:Echo utf:Thing hex:000180").table(),
                "bad string");
    }

    @Test
    void aPoolThatClaimsMoreEntriesThanItHoldsEndsEarly() {
        assertRejected(Layout.VALID.strings("u16:900 utf: utf:echo").assignments("").uses("").ports("").names("")
                .table(), "the index ends early");
    }

    // ---------------------------------------------------------------- what follows the content

    @Test
    void bytesAfterTheNamesAreRejected() {
        assertRejected(Layout.VALID.tail("u8:0").table(), "has 1 unexpected bytes after the names");
        assertRejected(Layout.VALID.tail("i32:0 i32:0").table(), "has 8 unexpected bytes after the names");
    }

    @Test
    void bytesAfterTheCompressedStreamAreRejectedEvenWithAValidChecksum() {
        TestTables.Parts parts = TestTables.split(Layout.VALID.table());
        List<byte[]> chunks = new ArrayList<>(parts.chunks());
        chunks.add(new byte[3]);
        assertRejected(TestTables.seal(parts.index(), chunks),
                "has 3 unexpected bytes after the compressed string chunks");
    }

    @Test
    void aCompressedStreamCutShortIsRejectedEvenWithAValidChecksum() {
        byte[] table = Layout.VALID.table();
        byte[] body = java.util.Arrays.copyOfRange(table, TableCodec.HEADER_SIZE, table.length);
        for (int len = 0; len < body.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(body, len);
            Throwable t = catchThrowable(() -> TableCodec.read(RawTable.withHeader(TableCodec.FORMAT_VERSION, cut), "t"));
            assertThat(t).as("stored length %d", len).isExactlyInstanceOf(TableFormatException.class)
                    .hasMessageStartingWith("port table t");
        }
    }

    @Test
    void storedBytesThatAreNotDeflateAreRejectedEvenWithAValidChecksum() {
        byte[] text = "plain text, not deflate".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] body = java.nio.ByteBuffer.allocate(8 + text.length).putInt(text.length).putInt(100).put(text).array();
        assertRejected(RawTable.withHeader(TableCodec.FORMAT_VERSION, body),
                "is corrupted: a compressed part does not inflate");
        assertRejected(RawTable.withHeader(TableCodec.FORMAT_VERSION, new byte[0]), "ends early");
    }

    @Test
    void aPayloadThatInflatesPastTheLimitIsRejected() {
        // 65 MiB of zeros compress to well under 1 MiB: a small file that would inflate to a huge one
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        byte[] zeros = new byte[1 << 20];
        byte[] buffer = new byte[1 << 16];
        for (int i = 0; i < 65; i++) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) {
                stored.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            stored.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        assertThat(stored.size()).isLessThan(1 << 20);
        byte[] bomb = stored.toByteArray();
        // format 2 records each inflated length: a record past the limit is refused before inflating,
        // and a smaller record stops the inflater there
        for (int recorded : new int[] {TableCodec.MAX_PAYLOAD + 1, 1000}) {
            byte[] body = java.nio.ByteBuffer.allocate(8 + bomb.length).putInt(bomb.length).putInt(recorded)
                    .put(bomb).array();
            assertRejected(RawTable.withHeader(TableCodec.FORMAT_VERSION, body),
                    recorded > TableCodec.MAX_PAYLOAD ? "the index would inflate past " + TableCodec.MAX_PAYLOAD + " bytes"
                            : "inflates past its 1000 recorded bytes");
        }
    }

    // ---------------------------------------------------------------- fuzzing behind a valid checksum

    /**
     * Every byte of the payload changed, and every truncation, behind a valid checksum: the reader
     * either reads a table (a changed string is still a valid string) or throws a
     * TableFormatException; nothing else. Truncations must always be rejected.
     */
    @Test
    void everyPayloadChangeBehindAValidChecksumIsReadOrRejectedNeverCrashes() {
        byte[] payload = RawTable.inflatedPayload(TableCodec.toBytes(TableCodecTest.sample()));
        List<String> crashes = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < payload.length; i++) {
            for (int delta : new int[] {1, 0x80, 0xFF, 0x5A}) {
                byte[] changed = payload.clone();
                changed[i] = (byte) (changed[i] ^ delta);
                rejected += readOrReject(RawTable.table(changed), "byte " + i + " ^ " + delta, crashes) ? 0 : 1;
            }
        }
        for (int len = 0; len < payload.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(payload, len);
            if (readOrReject(RawTable.table(cut), "payload cut to " + len, crashes)) {
                crashes.add("payload cut to " + len + " was accepted");
            }
        }
        assertThat(crashes).isEmpty();
        assertThat(rejected).as("most changes are caught by the content checks").isGreaterThan(payload.length);
    }

    /** Returns true if the table was read, false if rejected; records any other outcome. */
    static boolean readOrReject(byte[] table, String what, List<String> crashes) {
        try {
            TableCodec.read(table, "t");
            return true;
        } catch (TableFormatException e) {
            if (!e.getMessage().startsWith("port table t")) {
                crashes.add(what + ": message " + e.getMessage());
            }
            return false;
        } catch (RuntimeException e) {
            crashes.add(what + ": " + e);
            return false;
        }
    }
}
