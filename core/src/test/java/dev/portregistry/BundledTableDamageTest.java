package dev.portregistry;

import dev.portregistry.internal.TableCodec;
import dev.portregistry.internal.TableFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The real bundled table, damaged in every way a jar, a download or a hand edit can damage it:
 * cut short, bytes flipped in the header and the body, another format version, a wrong checksum
 * or length, empty, missing, replaced by another file. Every case fails at load with the resource
 * and the problem named: through {@code TableCodec.read}, through {@code PortRegistry.fromTable},
 * and through the bundled holder itself, loaded afresh in its own class loader, on every call.
 */
class BundledTableDamageTest {
    private static final byte[] GOOD = IsolatedCore.bundledTable();
    private static final String SOURCE = "resource " + PortRegistry.RESOURCE;

    /** Reads a damaged table both ways; returns the message; fails if it reads or fails otherwise. */
    private static String rejected(byte[] table, String what) {
        Throwable codec = catchThrowable(() -> TableCodec.read(table, SOURCE));
        assertThat(codec).as(what).isExactlyInstanceOf(TableFormatException.class)
                .hasMessageStartingWith("port table " + SOURCE);
        Throwable api = catchThrowable(() -> PortRegistry.fromTable(new ByteArrayInputStream(table), SOURCE));
        assertThat(api).as(what).isExactlyInstanceOf(IllegalStateException.class).hasMessage(codec.getMessage());
        return codec.getMessage();
    }

    @Test
    void theGoodTableReadsBothWays() {
        assertThat(GOOD.length).isGreaterThan(100_000);
        assertThat(TableCodec.read(GOOD, SOURCE).ports()).hasSizeGreaterThan(6000);
        assertThat(PortRegistry.fromTable(new ByteArrayInputStream(GOOD), SOURCE).get(1196))
                .isEqualTo(PortRegistry.lookup(1196));
    }

    @Test
    void everyTruncationFailsAsTruncated() {
        TreeSet<Integer> lengths = new TreeSet<>();
        for (int len = 0; len <= 64; len++) {
            lengths.add(len);
            lengths.add(GOOD.length - 1 - len);
        }
        for (int len = 0; len < GOOD.length; len += 397) {
            lengths.add(len);
        }
        for (int len : lengths) {
            String message = rejected(Arrays.copyOf(GOOD, len), "cut to " + len);
            assertThat(message).as("cut to %d", len).contains(" is truncated: ")
                    .contains(len < TableCodec.HEADER_SIZE ? len + " bytes, expected at least the 14-byte header"
                            : "found " + (len - TableCodec.HEADER_SIZE));
        }
        assertThat(lengths).hasSizeGreaterThan(500);
    }

    @Test
    void everyBitOfTheHeaderFlippedIsNamed() {
        Map<String, Integer> problems = new LinkedHashMap<>();
        for (int i = 0; i < TableCodec.HEADER_SIZE; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = GOOD.clone();
                bad[i] ^= (byte) (1 << bit);
                String message = rejected(bad, "byte " + i + " bit " + bit);
                String expected = i < 4 ? "is not a portregistry table: magic 0x"
                        : i < 6 ? "has format version"
                        : i < 10 ? "payload bytes, found"
                        : "is corrupted: CRC-32";
                assertThat(message).as("byte %d bit %d", i, bit).contains(expected);
                problems.merge(expected, 1, Integer::sum);
            }
        }
        assertThat(problems).containsEntry("is not a portregistry table: magic 0x", 32)
                .containsEntry("has format version", 16).containsEntry("payload bytes, found", 32)
                .containsEntry("is corrupted: CRC-32", 32);
    }

    @Test
    void flippedBytesInTheBodyFailTheChecksum() {
        int checked = 0;
        for (int i = TableCodec.HEADER_SIZE; i < GOOD.length; i += 853) {
            for (int delta : new int[] {0x01, 0x80, 0xFF}) {
                byte[] bad = GOOD.clone();
                bad[i] ^= (byte) delta;
                assertThat(rejected(bad, "byte " + i)).contains("is corrupted: CRC-32 0x").contains("does not match");
                checked++;
            }
        }
        byte[] last = GOOD.clone();
        last[last.length - 1] ^= 1;
        assertThat(rejected(last, "last byte")).contains("CRC-32");
        assertThat(checked).isGreaterThan(600);
    }

    @Test
    void otherFormatVersionsAreNamed() {
        for (int format : new int[] {0, 1, 2, 3, 5, 255, 256, 65535}) {
            byte[] bad = GOOD.clone();
            ByteBuffer.wrap(bad).putShort(4, (short) format);
            assertThat(rejected(bad, "format " + format))
                    .endsWith("has format version " + format + ", this reader supports only " + TableCodec.FORMAT_VERSION);
        }
    }

    @Test
    void aWrongChecksumIsNamedWithBothValues() {
        for (int delta : new int[] {1, -1, 0x10000, Integer.MIN_VALUE}) {
            byte[] bad = GOOD.clone();
            ByteBuffer b = ByteBuffer.wrap(bad);
            int stored = b.getInt(10);
            b.putInt(10, stored + delta);
            assertThat(rejected(bad, "crc " + delta)).contains("is corrupted: CRC-32 0x" + Integer.toHexString(stored))
                    .contains("does not match the header's 0x" + Integer.toHexString(stored + delta));
        }
    }

    @Test
    void aWrongLengthIsNamed() {
        int payload = GOOD.length - TableCodec.HEADER_SIZE;
        for (long length : new long[] {0, 1, payload - 1, payload + 1, TableCodec.MAX_PAYLOAD + 1L, 0xFFFFFFFFL}) {
            byte[] bad = GOOD.clone();
            ByteBuffer.wrap(bad).putInt(6, (int) length);
            assertThat(rejected(bad, "length " + length)).contains("header says " + length + " payload bytes, found " + payload);
        }
        byte[] longer = Arrays.copyOf(GOOD, GOOD.length + 1);
        assertThat(rejected(longer, "one byte more")).contains("has a wrong length");
    }

    @Test
    void emptyMissingAndForeignResourcesAreNamed() {
        assertThat(rejected(new byte[0], "empty")).isEqualTo("port table " + SOURCE
                + " is truncated: 0 bytes, expected at least the 14-byte header");
        Throwable missing = catchThrowable(() -> dev.portregistry.internal.PortTable.open((InputStream) null, SOURCE));
        assertThat(missing).isExactlyInstanceOf(TableFormatException.class)
                .hasMessage("port table " + SOURCE + " is missing");
        for (String foreign : List.of("PK\u0003\u0004 a zip file, not a table", "<html><body>404 Not Found</body></html>",
                "\u0089PNG\r\n\u001a\n0000000000000000")) {
            assertThat(rejected(foreign.getBytes(StandardCharsets.ISO_8859_1), foreign))
                    .contains("is not a portregistry table: magic 0x").contains("expected 0x50525442");
        }
    }

    /** An endless stream: the given bytes, then zeros for ever; counts what was read. */
    private static final class Endless extends InputStream {
        private final byte[] start;
        private long read;

        Endless(byte[] start) {
            this.start = start;
        }

        @Override
        public int read() {
            int b = read < start.length ? start[(int) read] & 0xFF : 0;
            read++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read < start.length) {
                b[off] = (byte) read();
                return 1;
            }
            Arrays.fill(b, off, off + len, (byte) 0);
            read += len;
            return len;
        }
    }

    @Test
    void anEndlessStreamIsRefusedWithoutExhaustingMemory() {
        Endless zeros = new Endless(new byte[0]);
        assertThat(catchThrowable(() -> PortRegistry.fromTable(zeros, "endless"))).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("port table endless is not a portregistry table: magic 0x0, expected 0x50525442");
        assertThat(zeros.read).as("only the header is read").isEqualTo(TableCodec.HEADER_SIZE);
        Endless afterHeader = new Endless(Arrays.copyOf(GOOD, TableCodec.HEADER_SIZE));
        assertThat(catchThrowable(() -> PortRegistry.fromTable(afterHeader, "endless"))).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("port table endless is larger than any port table: more than " + TableCodec.MAX_PAYLOAD
                        + " payload bytes");
        assertThat(afterHeader.read).isEqualTo(TableCodec.HEADER_SIZE + TableCodec.MAX_PAYLOAD + 1L);
    }

    // ---------------------------------------------------------------- the holder, on first use

    @TempDir
    Path folder;

    /** Damaged resources, each with a word its message must hold. */
    private static Map<String, byte[]> damagedResources() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("is missing", null);
        out.put("is truncated: 0 bytes", new byte[0]);
        out.put("is truncated: header says", Arrays.copyOf(GOOD, GOOD.length / 2));
        byte[] flipped = GOOD.clone();
        flipped[GOOD.length / 3] ^= 0x20;
        out.put("is corrupted: CRC-32", flipped);
        byte[] format = GOOD.clone();
        format[5] = 2;
        out.put("has format version 2", format);
        out.put("is not a portregistry table", "hello".repeat(10).getBytes(StandardCharsets.US_ASCII));
        return out;
    }

    @Test
    void aDamagedOrMissingResourceFailsEveryCallWithTheSameIllegalStateException() throws Exception {
        int folderIndex = 0;
        for (Map.Entry<String, byte[]> damage : damagedResources().entrySet()) {
            try (IsolatedCore core = IsolatedCore.withTable(folder.resolve("core" + folderIndex++), damage.getValue())) {
                List<String> messages = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (Object[] entry : IsolatedCore.entryPoints()) {
                        Throwable t = catchThrowable(() -> core.call((String) entry[0],
                                Arrays.copyOfRange(entry, 1, entry.length)));
                        assertThat(t).as("%s, call %s", damage.getKey(), entry[0])
                                .isExactlyInstanceOf(IllegalStateException.class)
                                .hasMessageStartingWith("cannot load the bundled port registry: port table resource "
                                        + PortRegistry.RESOURCE + " " + damage.getKey());
                        assertThat(t.getCause()).as("the first failure is kept as the cause").isNotNull();
                        messages.add(t.getMessage());
                    }
                }
                assertThat(new TreeSet<>(messages)).as(damage.getKey()).hasSize(1);
            }
        }
    }

    @Test
    void aResourceThatFailsWhileReadFailsEveryCallWithTheCause() throws Exception {
        Map<Exception, String> failures = new LinkedHashMap<>();
        failures.put(new java.io.IOException("disk on fire"),
                "cannot load the bundled port registry: port table resource " + PortRegistry.RESOURCE
                        + " could not be read: disk on fire");
        failures.put(new SecurityException("not allowed"),
                "cannot load the bundled port registry from resource " + PortRegistry.RESOURCE
                        + ": java.lang.SecurityException: not allowed");
        int i = 0;
        for (Map.Entry<Exception, String> f : failures.entrySet()) {
            try (IsolatedCore core = IsolatedCore.withFailingTable(folder.resolve("failing" + i++), f.getKey())) {
                for (int round = 0; round < 2; round++) {
                    for (Object[] entry : IsolatedCore.entryPoints()) {
                        Throwable t = catchThrowable(() -> core.call((String) entry[0],
                                Arrays.copyOfRange(entry, 1, entry.length)));
                        assertThat(t).isExactlyInstanceOf(IllegalStateException.class).hasMessage(f.getValue());
                        assertThat(t.getCause()).hasRootCauseMessage(f.getKey().getMessage());
                    }
                }
            }
        }
    }

    @Test
    void aTableThatTheModuleDoesNotFindIsReadWithTheClassLoadersSearch() throws Throwable {
        // a loader whose own findResource does not know the table, but whose getResource does
        try (IsolatedCore core = IsolatedCore.withTableOnlyThroughGetResource(folder, GOOD)) {
            assertThat(core.call("lookup", 1196)).hasToString(PortRegistry.lookup(1196).toString());
        }
        try (IsolatedCore core = IsolatedCore.withTableOnlyThroughGetResource(folder.resolve("damaged"),
                Arrays.copyOf(GOOD, 100))) {
            assertThatThrownBy(() -> core.call("lookup", 1196)).isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is truncated");
        }
    }

    @Test
    void theIsolatedCopyAnswersFromItsOwnClassesWhenTheResourceIsGood() throws Throwable {
        try (IsolatedCore core = IsolatedCore.withTable(folder, GOOD)) {
            Object info = core.call("lookup", 1196);
            assertThat(info.getClass().getClassLoader()).isSameAs(core.loader());
            assertThat(info).hasToString(PortRegistry.lookup(1196).toString());
        }
    }
}
