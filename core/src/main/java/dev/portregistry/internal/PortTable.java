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

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.Inflater;

/**
 * The reader of a compiled port table (layout in {@link TableCodec}). Internal: not part of the
 * API, not exported by the module.
 *
 * <p>{@link #open} checks the header, the lengths and the CRC-32, inflates the index and finds
 * its sections from the counts at its start; nothing is walked. From then on there is one decode
 * path, which trusts the table: a port's record, an assignment, a string chunk, a string, a date
 * or a list becomes an object when first asked for, and is kept and shared. A table from outside
 * ({@code PortRegistry.fromTable}, the build through {@link TableCodec#read}) is checked in full
 * by {@link #verify()} first: every index and offset in range, enum ordinals and transport masks,
 * port order, name order and form, the name hash, strict UTF-8 and one-line text, real dates, and
 * every record through its own constructor. The bundled table is trusted once its CRC-32 matches:
 * the build verified the same bytes ({@code BundledTableIsCurrentTest}).
 *
 * <p>Thread-safe: decoding is synchronized; a decoded string is an immutable object read without
 * the lock (decoding it twice in a race is harmless).
 */
public final class PortTable {
    /** The largest announced body that {@link #open(InputStream, String)} reads into an array made up front. */
    private static final int DIRECT_READ = 4 << 20;
    private static final LifecycleStatus[] STATUSES = LifecycleStatus.values();
    private static final UseKind[] KINDS = UseKind.values();
    private static final int ALL_TRANSPORTS = (1 << Transport.values().length) - 1;
    private static final int CHUNK_MASK = (1 << TableCodec.CHUNK_SHIFT) - 1;

    private final String where;
    private final byte[] all;
    private final byte[] index;
    private final int stringCount;
    private final int dateCount;
    private final int listCount;
    private final int assignmentCount;
    private final int useCount;
    private final int portCount;
    private final int nameCount;
    private final int slotCount;
    /** Offsets of the sections in the index. */
    private final int versionAt;
    private final int chunksAt;
    private final int stringsAt;
    private final int datesAt;
    private final int listsAt;
    private final int assignmentsAt;
    private final int usesAt;
    private final int portsAt;
    private final int recordsAt;
    private final int namesAt;
    private final int answersAt;
    private final int hashAt;
    private final int variableAt;
    /** Where each string chunk's DEFLATE stream starts in {@link #all}. */
    private final int[] chunkStart;

    /** Decoded on first use, under the lock. */
    private final byte[][] chunks;
    private final String[] strings;
    private final RegistryDate[] dates;
    private final List<?>[] references;
    private final List<?>[] programs;
    private final ServiceAssignment[] assignments;
    private final AlternateUse[] uses;
    private DataVersion version;

    private PortTable(byte[] all, byte[] index, int chunksStoredAt, String where) {
        this.where = where;
        this.all = all;
        this.index = index;
        if (index.length < 4 * TableCodec.COUNTS) {
            throw inconsistent("the index ends early, in its counts");
        }
        stringCount = int32(0);
        int chunkCount = int32(4);
        dateCount = int32(8);
        listCount = int32(12);
        assignmentCount = int32(16);
        useCount = int32(20);
        portCount = int32(24);
        nameCount = int32(28);
        slotCount = int32(32);
        long[] counts = {stringCount, chunkCount, dateCount, listCount, assignmentCount, useCount, nameCount};
        for (long count : counts) {
            if (count < 0 || count > TableCodec.MAX_POOL) {
                throw inconsistent("a count is " + count + ", expected 0.." + TableCodec.MAX_POOL);
            }
        }
        if (stringCount < 1 || dateCount < 1 || listCount < 1 || portCount < 0 || portCount > 0x10000
                || chunkCount != (stringCount + CHUNK_MASK) >> TableCodec.CHUNK_SHIFT
                || slotCount != TableCodec.slots(nameCount)) {
            throw inconsistent("counts " + stringCount + " strings, " + chunkCount + " chunks, " + dateCount + " dates, "
                    + listCount + " lists, " + portCount + " ports, " + nameCount + " names, " + slotCount
                    + " hash slots do not fit together");
        }
        versionAt = 4 * TableCodec.COUNTS;
        chunksAt = versionAt + TableCodec.VERSION_SIZE;
        stringsAt = chunksAt + TableCodec.CHUNK_SIZE * chunkCount;
        datesAt = stringsAt + 4 * stringCount;
        listsAt = datesAt + 4 * dateCount;
        assignmentsAt = listsAt + 4 * listCount;
        usesAt = assignmentsAt + TableCodec.ASSIGNMENT_SIZE * assignmentCount;
        portsAt = usesAt + TableCodec.USE_SIZE * useCount;
        recordsAt = portsAt + 2 * portCount;
        namesAt = recordsAt + 4 * portCount;
        answersAt = namesAt + 2 * nameCount;
        hashAt = answersAt + 4 * nameCount;
        variableAt = hashAt + 2 * slotCount;
        if (variableAt > index.length) {
            throw inconsistent("the index ends early: its sections need " + variableAt + " bytes, it has " + index.length);
        }
        chunkStart = new int[chunkCount];
        long at = chunksStoredAt;
        for (int c = 0; c < chunkCount; c++) {
            chunkStart[c] = (int) Math.min(at, Integer.MAX_VALUE);
            at += int32(chunksAt + TableCodec.CHUNK_SIZE * c) & 0xFFFFFFFFL;
            int length = int32(chunksAt + TableCodec.CHUNK_SIZE * c + 4);
            if (length < 0 || length > TableCodec.MAX_PAYLOAD) {
                throw inconsistent("string chunk " + c + " would inflate to " + (length & 0xFFFFFFFFL) + " bytes");
            }
        }
        if (at != all.length) {
            throw inconsistent("the string chunks end at byte " + at + " of " + all.length);
        }
        chunks = new byte[chunkCount][];
        strings = new String[stringCount];
        dates = new RegistryDate[dateCount];
        references = new List<?>[listCount];
        programs = new List<?>[listCount];
        assignments = new ServiceAssignment[assignmentCount];
        uses = new AlternateUse[useCount];
    }

    // ---------------------------------------------------------------- opening

    /**
     * Opens a table: checks its header, lengths and CRC-32, and inflates its index.
     *
     * @param all    the table bytes, kept (not copied); not null
     * @param source the name of the resource or file, used in error messages; not null
     * @return the table, never null
     * @throws TableFormatException naming the source and the problem if the table is truncated,
     *                              damaged or of another format
     */
    public static PortTable open(byte[] all, String source) {
        // concat(), not +: the first + in a fresh JVM bootstraps invokedynamic, some milliseconds
        String where = "port table ".concat(source);
        if (all.length < TableCodec.HEADER_SIZE) {
            throw new TableFormatException(where + " is truncated: " + all.length
                    + " bytes, expected at least the " + TableCodec.HEADER_SIZE + "-byte header");
        }
        int magic = int32(all, 0);
        int format = u16(all, 4);
        long length = int32(all, 6) & 0xFFFFFFFFL;
        int checksum = int32(all, 10);
        if (magic != TableCodec.MAGIC) {
            throw new TableFormatException(where + " is not a portregistry table: magic 0x"
                    + Integer.toHexString(magic) + ", expected 0x" + Integer.toHexString(TableCodec.MAGIC));
        }
        if (format != TableCodec.FORMAT_VERSION) {
            throw new TableFormatException(where + " has format version " + format
                    + ", this reader supports only " + TableCodec.FORMAT_VERSION);
        }
        long actual = all.length - (long) TableCodec.HEADER_SIZE;
        if (length > TableCodec.MAX_PAYLOAD || length != actual) {
            throw new TableFormatException(where + (actual < length ? " is truncated" : " has a wrong length")
                    + ": header says " + length + " payload bytes, found " + actual);
        }
        CRC32 crc = new CRC32();
        crc.update(all, TableCodec.HEADER_SIZE, (int) length);
        if ((int) crc.getValue() != checksum) {
            throw new TableFormatException(where + " is corrupted: CRC-32 0x" + Long.toHexString(crc.getValue())
                    + " does not match the header's 0x" + Integer.toHexString(checksum));
        }
        int indexAt = TableCodec.HEADER_SIZE + 8;
        long indexLength = all.length < indexAt ? -1 : int32(all, TableCodec.HEADER_SIZE) & 0xFFFFFFFFL;
        long indexStored = all.length < indexAt ? -1 : int32(all, TableCodec.HEADER_SIZE + 4) & 0xFFFFFFFFL;
        if (indexLength < 0 || indexLength > TableCodec.MAX_PAYLOAD || indexStored > all.length - indexAt) {
            throw new TableFormatException(where + " is inconsistent: index of " + indexStored + " stored and "
                    + indexLength + " inflated bytes in a table of " + all.length);
        }
        byte[] index = inflate(all, indexAt, (int) indexStored, (int) indexLength, where);
        return new PortTable(all, index, indexAt + (int) indexStored, where);
    }

    /**
     * Opens a table read from a stream, as {@link #open(byte[], String)} does.
     *
     * @param in     the table; read to its end (never more than a table can hold), not closed; null
     *               stands for a missing resource
     * @param source the name of the resource or file, used in error messages; not null
     * @return the table, never null
     * @throws TableFormatException naming the source and the problem if the table is missing,
     *                              unreadable, truncated, damaged or of another format
     */
    public static PortTable open(InputStream in, String source) {
        if (in == null) {
            throw new TableFormatException("port table " + source + " is missing");
        }
        byte[] all;
        try {
            // the header first: a stream that is no table at all fails without being read further
            byte[] header = in.readNBytes(TableCodec.HEADER_SIZE);
            if (header.length < TableCodec.HEADER_SIZE || int32(header, 0) != TableCodec.MAGIC
                    || u16(header, 4) != TableCodec.FORMAT_VERSION) {
                return open(header, source);
            }
            // then the body the header announces, straight into the table's array if no table can be
            // larger; then one more byte, which must not be there
            int expected = (int) Math.min(int32(header, 6) & 0xFFFFFFFFL, TableCodec.MAX_PAYLOAD);
            int got;
            if (expected <= DIRECT_READ) {
                all = Arrays.copyOf(header, TableCodec.HEADER_SIZE + expected);
                got = in.readNBytes(all, TableCodec.HEADER_SIZE, expected);
            } else { // a header may announce anything: an array that large only as the bytes arrive
                byte[] body = in.readNBytes(expected);
                got = body.length;
                all = Arrays.copyOf(header, TableCodec.HEADER_SIZE + got);
                System.arraycopy(body, 0, all, TableCodec.HEADER_SIZE, got);
            }
            if (got < expected) {
                all = Arrays.copyOf(all, TableCodec.HEADER_SIZE + got); // open() names it truncated
            } else {
                int next = in.read();
                if (next >= 0) { // more than announced: at most the largest body and one byte in all
                    byte[] rest = in.readNBytes(TableCodec.MAX_PAYLOAD - expected);
                    if (expected + 1 + rest.length > TableCodec.MAX_PAYLOAD) {
                        throw new TableFormatException("port table " + source + " is larger than any port table:"
                                + " more than " + TableCodec.MAX_PAYLOAD + " payload bytes");
                    }
                    all = Arrays.copyOf(all, all.length + 1 + rest.length); // open() names the wrong length
                    all[TableCodec.HEADER_SIZE + expected] = (byte) next;
                    System.arraycopy(rest, 0, all, TableCodec.HEADER_SIZE + expected + 1, rest.length);
                }
            }
        } catch (IOException e) {
            throw new TableFormatException("port table " + source + " could not be read: " + e.getMessage(), e);
        }
        return open(all, source);
    }

    /** Inflates one DEFLATE stream, which must give exactly {@code length} bytes and end there. */
    private static byte[] inflate(byte[] all, int at, int storedLength, int length, String where) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(all, at, storedLength);
            byte[] out = new byte[length];
            int n = 0;
            while (n <= length && !inflater.finished()) { // past length, into a spare byte: then n > length
                int got = n < length ? inflater.inflate(out, n, length - n) : inflater.inflate(new byte[1]);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n != length || !inflater.finished() || inflater.getRemaining() != 0) {
                throw new TableFormatException(where + " is inconsistent: a compressed part does not inflate to its "
                        + length + " recorded bytes");
            }
            return out;
        } catch (Exception e) { // DataFormatException; named, the verifier would load it in a fresh JVM
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            throw new TableFormatException(where + " is corrupted: a compressed part does not inflate: "
                    + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    // ---------------------------------------------------------------- the one decode path

    /**
     * Returns the data version.
     *
     * @return the version, never null
     */
    public synchronized DataVersion version() {
        if (version == null) {
            version = DataVersion.of(string(u16(versionAt)), date(u16(versionAt + 2)).date().orElseThrow(),
                    string(u16(versionAt + 4)));
        }
        return version;
    }

    /** @return how many ports have a record (any data), 0 to 65,536 */
    public int portCount() {
        return portCount;
    }

    /**
     * Returns the i-th port that has a record, ascending.
     *
     * @param i 0 to {@link #portCount()} - 1
     * @return the port
     */
    public int dataPort(int i) {
        return u16(portsAt + 2 * i);
    }

    /**
     * Decodes one port: its record if it has one, else an UNASSIGNED record with empty lists. Each
     * call returns a new {@code PortInfo}; the assignments, uses, strings and lists in it are shared.
     *
     * @param port 0 to 65535
     * @return the port's record, never null
     * @throws IllegalStateException naming the table if the record cannot be decoded (a table that
     *                               was not verified and is damaged behind a valid CRC-32)
     */
    public synchronized PortInfo port(int port) {
        try {
            return decodePort(port);
        } catch (RuntimeException e) {
            throw new IllegalStateException(where.concat(" is inconsistent at port ").concat(String.valueOf(port))
                    .concat(": ").concat(String.valueOf(e)), e);
        }
    }

    private PortInfo decodePort(int port) {
        int lo = 0;
        int hi = portCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int p = dataPort(mid);
            if (p < port) {
                lo = mid + 1;
            } else if (p > port) {
                hi = mid - 1;
            } else {
                int at = int32(recordsAt + 4 * mid);
                ServiceAssignment[] a = new ServiceAssignment[u8(at++)];
                for (int j = 0; j < a.length; j++, at += 2) {
                    a[j] = assignment(u16(at));
                }
                AlternateUse[] u = new AlternateUse[u8(at++)];
                for (int j = 0; j < u.length; j++, at += 2) {
                    u[j] = use(u16(at));
                }
                Integer[] r = new Integer[u8(at++)];
                for (int j = 0; j < r.length; j++, at += 2) {
                    r[j] = u16(at);
                }
                return PortInfo.of(port, List.of(a), List.of(u), List.of(r));
            }
        }
        return PortInfo.of(port, List.of(), List.of(), List.of());
    }

    private ServiceAssignment assignment(int i) {
        ServiceAssignment a = assignments[i];
        if (a == null) {
            int p = assignmentsAt + TableCodec.ASSIGNMENT_SIZE * i;
            a = ServiceAssignment.builder().name(string(u16(p))).description(string(u16(p + 2)))
                    .transports(transports(u8(p + 4))).status(STATUSES[u8(p + 5)])
                    .registrationDate(date(u16(p + 6))).modificationDate(date(u16(p + 8)))
                    .references(references(u16(p + 10))).serviceCode(string(u16(p + 12)))
                    .unauthorizedUseReported(string(u16(p + 14))).assignmentNotes(string(u16(p + 16)))
                    .product(string(u16(p + 18))).vendor(string(u16(p + 20))).discontinuedYear(u16(p + 22))
                    .reason(string(u16(p + 24))).basis(string(u16(p + 26))).programs(programs(u16(p + 28))).build();
            assignments[i] = a;
        }
        return a;
    }

    private AlternateUse use(int i) {
        AlternateUse u = uses[i];
        if (u == null) {
            int p = usesAt + TableCodec.USE_SIZE * i;
            AlternateUse.Builder b = AlternateUse.builder().name(string(u16(p))).description(string(u16(p + 2)))
                    .transports(transports(u8(p + 4))).kind(KINDS[u8(p + 5)]).basis(string(u16(p + 10)))
                    .firstYear(u16(p + 12)).lastYear(u16(p + 14)).programs(programs(u16(p + 16)));
            int official = int32(p + 6);
            u = (official < 0 ? b : b.officialPort(official)).build();
            uses[i] = u;
        }
        return u;
    }

    /** The i-th string, decoded on first use. */
    private String string(int i) {
        String s = strings[i];
        return s != null ? s : decodeString(i);
    }

    private synchronized String decodeString(int i) {
        byte[] text = chunk(i >> TableCodec.CHUNK_SHIFT);
        int start = int32(stringsAt + 4 * i);
        String s = new String(text, start, stringEnd(i, text) - start, StandardCharsets.UTF_8);
        strings[i] = s;
        return s;
    }

    private int stringEnd(int i, byte[] chunk) {
        return i + 1 < stringCount && ((i + 1) & CHUNK_MASK) != 0 ? int32(stringsAt + 4 * (i + 1)) : chunk.length;
    }

    private byte[] chunk(int c) {
        byte[] chunk = chunks[c];
        if (chunk == null) {
            int p = chunksAt + TableCodec.CHUNK_SIZE * c;
            chunk = inflate(all, chunkStart[c], int32(p), int32(p + 4), where);
            chunks[c] = chunk;
        }
        return chunk;
    }

    /** The i-th date, null for date 0 (none). */
    private RegistryDate date(int i) {
        RegistryDate d = dates[i];
        if (d == null && i != 0) {
            int packed = int32(datesAt + 4 * i);
            int year = packed >>> 16;
            int month = (packed >>> 8) & 0xFF;
            int day = packed & 0xFF;
            d = day == 0 ? RegistryDate.of(year, month) : RegistryDate.of(LocalDate.of(year, month, day));
            dates[i] = d;
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    private List<String> references(int i) {
        List<String> list = (List<String>) references[i];
        if (list == null) {
            int at = int32(listsAt + 4 * i);
            String[] values = new String[u8(at)];
            for (int j = 0; j < values.length; j++) {
                values[j] = string(u16(at + 1 + 2 * j));
            }
            list = List.of(values);
            references[i] = list;
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    private List<Program> programs(int i) {
        List<Program> list = (List<Program>) programs[i];
        if (list == null) {
            int at = int32(listsAt + 4 * i);
            Program[] values = new Program[u8(at) / 2];
            for (int j = 0; j < values.length; j++) {
                String name = string(u16(at + 1 + 4 * j));
                String marker = string(u16(at + 3 + 4 * j));
                values[j] = marker.isEmpty() ? Program.executable(name) : Program.runtime(name, marker);
            }
            list = List.of(values);
            programs[i] = list;
        }
        return list;
    }

    // ---------------------------------------------------------------- names

    /** @return how many names the table resolves */
    public int nameCount() {
        return nameCount;
    }

    /**
     * Returns the i-th name key; keys are in ascending order.
     *
     * @param i 0 to {@link #nameCount()} - 1
     * @return the key, lower case, never null
     */
    public String name(int i) {
        return string(u16(namesAt + 2 * i));
    }

    /**
     * Finds a name through the table's hash section: a probe or two, each comparing the key with
     * one stored key (decoded once, then kept).
     *
     * @param key the name in lower case, not null
     * @return the name's index, or -1 if the table does not hold it
     */
    public int findName(String key) {
        int mask = slotCount - 1;
        for (int s = TableCodec.slot(key.hashCode(), mask); ; s = (s + 1) & mask) {
            int n = u16(hashAt + 2 * s);
            if (n == 0 || name(n - 1).equals(key)) {
                return n - 1;
            }
        }
    }

    /**
     * Returns the ports of the i-th name, in answer order (official ports first).
     *
     * @param i 0 to {@link #nameCount()} - 1
     * @return a new array, never null
     */
    public int[] namePorts(int i) {
        int at = int32(answersAt + 4 * i);
        int[] ports = new int[u16(at)];
        for (int j = 0; j < ports.length; j++) {
            ports[j] = u16(at + 2 + 2 * j);
        }
        return ports;
    }

    /**
     * Decodes everything, for the compiler and the tools; call {@link #verify()} first on a table
     * from outside.
     *
     * @return the content, never null
     */
    public synchronized TableData toTableData() {
        List<PortInfo> ports = new ArrayList<>(portCount);
        for (int i = 0; i < portCount; i++) {
            ports.add(decodePort(dataPort(i)));
        }
        TreeMap<String, List<Integer>> names = new TreeMap<>();
        for (int i = 0; i < nameCount; i++) {
            names.put(name(i), Arrays.stream(namePorts(i)).boxed().toList());
        }
        return new TableData(version(), ports, names);
    }

    // ---------------------------------------------------------------- verify

    /**
     * Checks everything a damaged or foreign table could get wrong, in the order of the layout, and
     * decodes every record once through its constructor's own checks.
     *
     * @return this table, for chaining
     * @throws TableFormatException naming the table, the part and the problem
     */
    public synchronized PortTable verify() {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
        for (int i = 0; i < stringCount; i++) {
            byte[] chunk = chunk(i >> TableCodec.CHUNK_SHIFT);
            int start = int32(stringsAt + 4 * i);
            int end = stringEnd(i, chunk);
            if (start < 0 || start > end || end > chunk.length || (i & CHUNK_MASK) == 0 && start != 0) {
                throw inconsistent("string " + i + " spans bytes " + start + ".." + end + " of a chunk of " + chunk.length);
            }
            try {
                strings[i] = utf8.decode(ByteBuffer.wrap(chunk, start, end - start)).toString();
            } catch (CharacterCodingException e) {
                throw inconsistent("string " + i + " is not well-formed UTF-8: " + e);
            }
            String problem = ServiceNames.textProblem(strings[i]);
            if (problem != null) {
                throw inconsistent("string " + i + " " + problem);
            }
        }
        check(string(0).isEmpty(), "string ", 0, " is not empty");
        check(int32(datesAt) == 0, "date ", 0, " is not 0 (none)");
        for (int i = 1; i < dateCount; i++) {
            try {
                date(i);
            } catch (RuntimeException e) { // DateTimeException, IllegalArgumentException
                throw inconsistent("date " + i + " is invalid: " + e.getMessage());
            }
        }
        int end = variableAt;
        for (int i = 0; i < listCount; i++) {
            int at = int32(listsAt + 4 * i);
            if (at < variableAt || at >= index.length || at + 1L + 2 * u8(at) > index.length) {
                throw inconsistent("list " + i + " at " + at + " is outside the index's lists and records");
            }
            check(i != 0 || u8(at) == 0, "list ", i, " is not empty");
            for (int j = 0; j < u8(at); j++) {
                checkIndex(u16(at + 1 + 2 * j), stringCount, "list ", i, "string");
            }
            end = Math.max(end, at + 1 + 2 * u8(at));
        }
        for (int i = 0; i < assignmentCount; i++) {
            int p = assignmentsAt + TableCodec.ASSIGNMENT_SIZE * i;
            for (int field : new int[] {0, 2, 12, 14, 16, 18, 20, 24, 26}) {
                checkIndex(u16(p + field), stringCount, "assignment ", i, "string");
            }
            checkRecord(p + 4, UNASSIGNED_ORDINAL, "assignment ", i, "status");
            checkIndex(u16(p + 6), dateCount, "assignment ", i, "date");
            checkIndex(u16(p + 8), dateCount, "assignment ", i, "date");
            checkIndex(u16(p + 10), listCount, "assignment ", i, "list");
            checkIndex(u16(p + 28), listCount, "assignment ", i, "list");
            check(u8(int32(listsAt + 4 * u16(p + 28))) % 2 == 0, "assignment ", i, " has a programs list of odd length");
        }
        for (int i = 0; i < useCount; i++) {
            int p = usesAt + TableCodec.USE_SIZE * i;
            for (int field : new int[] {0, 2, 10}) {
                checkIndex(u16(p + field), stringCount, "alternate use ", i, "string");
            }
            checkRecord(p + 4, KINDS.length, "alternate use ", i, "kind");
            if (int32(p + 6) < -1 || int32(p + 6) > 0xFFFF) {
                throw inconsistent("alternate use " + i + " has official port " + int32(p + 6)
                        + ", expected -1 (none) or 0..65535");
            }
            checkIndex(u16(p + 16), listCount, "alternate use ", i, "list");
            check(u8(int32(listsAt + 4 * u16(p + 16))) % 2 == 0, "alternate use ", i, " has a programs list of odd length");
        }
        for (int i = 0; i < portCount; i++) {
            int port = dataPort(i);
            int at = int32(recordsAt + 4 * i);
            if (i > 0 && port <= dataPort(i - 1) || at < variableAt || at >= index.length) {
                throw inconsistent("port " + port + " follows port " + (i == 0 ? -1 : dataPort(i - 1))
                        + ", its record at " + at + ": expected ascending ports, records in " + variableAt + ".."
                        + (index.length - 1));
            }
            for (int list = 0, n = assignmentCount; list < 3; list++, n = list == 1 ? useCount : 0x10000) {
                check(at + 1L + 2 * u8(at) <= index.length, "port ", port, " has a record past the index's end");
                for (int j = 0; j < u8(at); j++) {
                    checkIndex(u16(at + 1 + 2 * j), n, "port ", port, list == 0 ? "assignment" : "alternate use");
                }
                at += 1 + 2 * u8(at);
            }
            end = Math.max(end, at);
        }
        for (int i = 0; i < nameCount; i++) {
            checkIndex(u16(namesAt + 2 * i), stringCount, "name ", i, "string");
            String key = name(i);
            String problem = ServiceNames.problem(key);
            if (problem == null && !key.equals(key.toLowerCase(Locale.ROOT))) {
                problem = "is not lower case";
            } else if (problem == null && i > 0 && name(i - 1).compareTo(key) >= 0) {
                problem = "does not follow " + ServiceNames.quote(name(i - 1)) + ": expected names in ascending order";
            }
            if (problem != null) {
                throw inconsistent("name " + i + " " + ServiceNames.quote(key) + " " + problem);
            }
            int at = int32(answersAt + 4 * i);
            if (at < variableAt || at + 2L > index.length || at + 2L + 2 * u16(at) > index.length) {
                throw inconsistent("name " + i + " has its ports at " + at + ", outside the index");
            }
            int[] ports = namePorts(i);
            if (ports.length == 0 || Arrays.stream(ports).distinct().count() != ports.length) {
                throw inconsistent("name " + i + " lists ports " + Arrays.toString(ports)
                        + ": expected at least one port, each once");
            }
            end = Math.max(end, at + 2 + 2 * ports.length);
        }
        Set<Integer> slotted = new HashSet<>();
        for (int s = 0; s < slotCount; s++) {
            int n = u16(hashAt + 2 * s);
            if (n > nameCount || n != 0 && !slotted.add(n)) {
                throw inconsistent("hash slot " + s + " holds name " + n + " of " + nameCount + ", or again");
            }
        }
        for (int i = 0; i < nameCount; i++) {
            check(findName(name(i)) == i, "name ", i, " is not found through the hash section");
        }
        if (end != index.length) {
            throw inconsistent("the index has " + (index.length - end) + " unexpected bytes after its records");
        }
        checkIndex(u16(versionAt + 2), dateCount, "version ", 0, "date");
        try {
            check(date(u16(versionAt + 2)) != null && date(u16(versionAt + 2)).hasDay(), "version ", 0,
                    " has no official date with a day");
            version();
            for (int i = 0; i < portCount; i++) {
                decodePort(dataPort(i));
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) { // a constructor's check
            throw inconsistent(e.getMessage());
        }
        return this;
    }

    private static final int UNASSIGNED_ORDINAL = LifecycleStatus.UNASSIGNED.ordinal();

    /** Checks a record's transport mask (at {@code at}) and its enum ordinal (the next byte). */
    private void checkRecord(int at, int ordinals, String what, int i, String ordinalName) {
        if (u8(at) == 0 || u8(at) > ALL_TRANSPORTS || u8(at + 1) >= ordinals) {
            throw inconsistent(what + i + " has transport mask " + u8(at) + " and " + ordinalName + " ordinal "
                    + u8(at + 1) + ", expected 1.." + ALL_TRANSPORTS + " and 0.." + (ordinals - 1));
        }
    }

    private void checkIndex(int value, int poolSize, String what, int i, String pool) {
        if (value >= poolSize) {
            throw inconsistent(what + i + " refers to " + pool + " " + value + ", out of bounds (pool of " + poolSize + ")");
        }
    }

    private void check(boolean ok, String what, int i, String problem) {
        if (!ok) {
            throw inconsistent(what + i + problem);
        }
    }

    private TableFormatException inconsistent(String what) {
        return new TableFormatException(where + " is inconsistent: " + what);
    }

    // ---------------------------------------------------------------- bytes

    private static Set<Transport> transports(int mask) {
        EnumSet<Transport> set = EnumSet.noneOf(Transport.class);
        for (Transport t : Transport.values()) {
            if ((mask & (1 << t.ordinal())) != 0) {
                set.add(t);
            }
        }
        return set;
    }

    private int u8(int at) {
        return index[at] & 0xFF;
    }

    private int u16(int at) {
        return u16(index, at);
    }

    private int int32(int at) {
        return int32(index, at);
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int int32(byte[] b, int at) {
        return (u16(b, at) << 16) | u16(b, at + 2);
    }
}
