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
import org.jspecify.annotations.Nullable;

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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.Inflater;

import static dev.portregistry.internal.TableCodec.*;

/**
 * The reader of a compiled port table (layout in {@link TableCodec}). Internal: not part of the
 * API, not exported by the module.
 *
 * <p>{@link #open} checks the header, the lengths and the CRC-32, inflates the index and finds its
 * sections from the counts at its start; nothing is walked. Then there is one decode path, which
 * trusts the table: a port's record, an assignment, a use, a string chunk, a string, a date or a
 * list becomes an object when first asked for, and is kept and shared. A table from outside
 * ({@code PortRegistry.fromTable}, the build through {@link TableCodec#read}) is checked in full by
 * {@link #verify()} first. The bundled table is trusted once its CRC-32 matches: the build
 * verifies those very bytes ({@code BundledTableDamageTest}; {@code BundledTableIsCurrentTest}
 * holds them to a fresh compile).
 *
 * <p>Thread-safe: decoding is synchronized; a decoded string, immutable, is read without the lock
 * (decoding it twice in a race is harmless).
 */
// EnumOrdinal: the table stores LifecycleStatus, UseKind and Transport (as bit 1 << ordinal) by their
// ordinals: their declaration order is part of the table format (reordering one changes every table),
// so a new constant goes last.
@SuppressWarnings("EnumOrdinal")
public final class PortTable {
    private static final LifecycleStatus[] STATUSES = LifecycleStatus.values();
    private static final UseKind[] KINDS = UseKind.values();
    private static final int ALL_TRANSPORTS = (1 << Transport.values().length) - 1;
    private static final int CHUNK_MASK = (1 << CHUNK_SHIFT) - 1;

    private final String where;
    /** The stored string chunks, copied out of the table: the rest of its bytes is not kept. */
    private final byte[] stored;
    private final byte[] index;
    /** The counts S, C, D, L, A, U, P, K, H, and each section's offset in the index. */
    private final int[] count = new int[COUNTS];
    private final int[] at = new int[SECTION_SIZE.length + 1];
    /** Where each string chunk's DEFLATE stream starts in {@link #stored}. */
    private final int[] chunkStart;

    /** Decoded on first use, under the lock. */
    private final byte[][] chunks;
    private final String[] strings;
    private final RegistryDate[] dates;
    private final List<?>[] references;
    private final List<?>[] programs;
    private final ServiceAssignment[] assignments;
    private final AlternateUse[] uses;
    private @Nullable DataVersion version;

    private PortTable(byte[] all, byte[] index, long chunksStoredAt, String where) {
        this.where = where;
        this.index = index;
        if (index.length < 4 * COUNTS) {
            throw inconsistent("the index ends early, in its counts");
        }
        long end = 4 * COUNTS;
        boolean fit = true;
        for (int i = 0; i < COUNTS; i++) {
            count[i] = i32(4 * i);
            fit &= count[i] >= (i == S || i == D || i == L ? 1 : 0) && count[i] <= (i == P ? 0x10000 : i == H ? 0x20000 : MAX_POOL);
        }
        for (int s = 0; s < SECTION_SIZE.length; s++) {
            at[s] = (int) Math.min(end, Integer.MAX_VALUE);
            end += SECTION_SIZE[s] * (SECTION_COUNT[s] < 0 ? 1 : count[SECTION_COUNT[s]] & 0xFFFFFFFFL);
        }
        at[VARIABLE] = (int) Math.min(end, Integer.MAX_VALUE);
        if (!fit || count[C] != (count[S] + CHUNK_MASK) >> CHUNK_SHIFT || count[H] != slots(count[K])) {
            throw inconsistent("its counts " + Arrays.toString(count) + " do not fit together");
        }
        if (end > index.length) {
            throw inconsistent("the index ends early: its sections need " + end + " bytes, it has " + index.length);
        }
        chunkStart = new int[count[C]];
        long base = chunksStoredAt;
        for (int c = 0; c < count[C]; c++) {
            chunkStart[c] = (int) Math.min(chunksStoredAt - base, Integer.MAX_VALUE);
            chunksStoredAt += i32(at[CHUNKS] + 8 * c) & 0xFFFFFFFFL;
            if (i32(at[CHUNKS] + 8 * c + 4) < 0 || i32(at[CHUNKS] + 8 * c + 4) > MAX_PAYLOAD) {
                throw inconsistent("string chunk " + c + " would inflate past " + MAX_PAYLOAD + " bytes");
            }
        }
        if (chunksStoredAt != all.length) {
            throw inconsistent("the string chunks end at byte " + chunksStoredAt + " of " + all.length);
        }
        stored = Arrays.copyOfRange(all, (int) base, all.length);
        chunks = new byte[count[C]][];
        strings = new String[count[S]];
        dates = new RegistryDate[count[D]];
        references = new List<?>[count[L]];
        programs = new List<?>[count[L]];
        assignments = new ServiceAssignment[count[A]];
        uses = new AlternateUse[count[U]];
    }

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
        String where = "port table ".concat(source); // not +: a fresh JVM's first + costs milliseconds
        if (all.length < HEADER_SIZE) {
            throw new TableFormatException(where + " is truncated: " + all.length + " bytes, expected at least the "
                    + HEADER_SIZE + "-byte header");
        }
        long length = i32(all, 6) & 0xFFFFFFFFL;
        long actual = all.length - (long) HEADER_SIZE;
        CRC32 crc = new CRC32();
        if (i32(all, 0) != MAGIC) {
            throw new TableFormatException(where + " is not a portregistry table: magic 0x"
                    + Integer.toHexString(i32(all, 0)) + ", expected 0x" + Integer.toHexString(MAGIC));
        } else if (u16(all, 4) != FORMAT_VERSION) {
            throw new TableFormatException(where + " has format version " + u16(all, 4)
                    + ", this reader supports only " + FORMAT_VERSION);
        } else if (length > MAX_PAYLOAD || length != actual) {
            throw new TableFormatException(where + (actual < length ? " is truncated" : " has a wrong length")
                    + ": header says " + length + " payload bytes, found " + actual);
        }
        crc.update(all, HEADER_SIZE, (int) length);
        if ((int) crc.getValue() != i32(all, 10)) {
            throw new TableFormatException(where + " is corrupted: CRC-32 0x" + Long.toHexString(crc.getValue())
                    + " does not match the header's 0x" + Integer.toHexString(i32(all, 10)));
        }
        int indexAt = HEADER_SIZE + 8;
        long inflated = all.length < indexAt ? -1 : i32(all, HEADER_SIZE) & 0xFFFFFFFFL;
        long stored = all.length < indexAt ? -1 : i32(all, HEADER_SIZE + 4) & 0xFFFFFFFFL;
        if (inflated < 0 || inflated > MAX_PAYLOAD || stored > all.length - indexAt) {
            throw new TableFormatException(where + " is inconsistent: index of " + stored + " stored and " + inflated
                    + " inflated bytes in a table of " + all.length);
        }
        byte[] index = inflate(all, indexAt, (int) stored, (int) inflated, where);
        return new PortTable(all, index, indexAt + stored, where);
    }

    /**
     * Opens a table read from a stream, as {@link #open(byte[], String)} does.
     *
     * @param in     the table; read to its end (at most one byte past the largest body), not closed;
     *               null stands for a missing resource
     * @param source the name of the resource or file, used in error messages; not null
     * @return the table, never null
     * @throws TableFormatException naming the source and the problem if the table is missing,
     *                              unreadable, too large, truncated, damaged or of another format
     */
    public static PortTable open(InputStream in, String source) {
        if (in == null) {
            throw new TableFormatException("port table " + source + " is missing");
        }
        try { // the header first: a stream that is no table fails without being read further
            byte[] all = in.readNBytes(HEADER_SIZE);
            if (all.length == HEADER_SIZE && i32(all, 0) == MAGIC && u16(all, 4) == FORMAT_VERSION) {
                // the announced body straight into an array of its size, then whatever else there is
                all = Arrays.copyOf(all, HEADER_SIZE + (int) Math.min(i32(all, 6) & 0xFFFFFFFFL, 4 << 20));
                int got = in.readNBytes(all, HEADER_SIZE, all.length - HEADER_SIZE);
                byte[] rest = in.readNBytes(MAX_PAYLOAD + 1 - got);
                if (got + rest.length > MAX_PAYLOAD) {
                    throw new TableFormatException("port table " + source + " is larger than any port table: more than "
                            + MAX_PAYLOAD + " payload bytes");
                }
                all = Arrays.copyOf(all, HEADER_SIZE + got + rest.length);
                System.arraycopy(rest, 0, all, HEADER_SIZE + got, rest.length);
            }
            return open(all, source);
        } catch (IOException e) {
            throw new TableFormatException("port table " + source + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Inflates one DEFLATE stream, which must give exactly {@code length} bytes and end there. */
    private static byte[] inflate(byte[] all, int at, int stored, int length, String where) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(all, at, stored);
            byte[] out = new byte[length];
            int n = 0;
            while (n <= length && !inflater.finished()) { // past length into a spare byte: n > length
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
            if (e instanceof RuntimeException runtimeException) {
                throw runtimeException;
            }
            throw new TableFormatException(where + " is corrupted: a compressed part does not inflate: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    // ---------------------------------------------------------------- the one decode path

    /** Returns the data version, never null. */
    public synchronized DataVersion version() {
        if (version == null) {
            version = DataVersion.of(string(u16(at[VERSION])), date(u16(at[VERSION] + 2)).date().orElseThrow(),
                    string(u16(at[VERSION] + 4)));
        }
        return version;
    }

    /** Returns how many ports have a record (any data), 0 to 65,536. */
    public int portCount() {
        return count[P];
    }

    /**
     * Returns the i-th port that has a record, ascending.
     *
     * @param i 0 to {@link #portCount()} - 1
     * @return the i-th port that has a record, ascending
     */
    public int dataPort(int i) {
        return u16(at[PORTS] + 2 * i);
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
        int hi = count[P] - 1;
        int i = -1;
        while (lo <= hi && i < 0) {
            int mid = (lo + hi) >>> 1;
            int found = dataPort(mid);
            lo = found < port ? mid + 1 : lo;
            hi = found > port ? mid - 1 : hi;
            i = found == port ? mid : -1;
        }
        if (i < 0) {
            return PortInfo.of(port, List.of(), List.of(), List.of());
        }
        int p = i32(at[RECORDS] + 4 * i);
        ServiceAssignment[] a = new ServiceAssignment[u8(p++)];
        for (int j = 0; j < a.length; j++, p += 2) {
            a[j] = assignment(u16(p));
        }
        AlternateUse[] u = new AlternateUse[u8(p++)];
        for (int j = 0; j < u.length; j++, p += 2) {
            u[j] = use(u16(p));
        }
        Integer[] r = new Integer[u8(p++)];
        for (int j = 0; j < r.length; j++, p += 2) {
            r[j] = u16(p);
        }
        return PortInfo.of(port, List.of(a), List.of(u), List.of(r));
    }

    private ServiceAssignment assignment(int i) {
        ServiceAssignment a = assignments[i];
        if (a == null) {
            int p = at[ASSIGNMENTS] + SECTION_SIZE[ASSIGNMENTS] * i;
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
            int p = at[USES] + SECTION_SIZE[USES] * i;
            AlternateUse.Builder b = AlternateUse.builder().name(string(u16(p))).description(string(u16(p + 2)))
                    .transports(transports(u8(p + 4))).kind(KINDS[u8(p + 5)]).basis(string(u16(p + 10)))
                    .firstYear(u16(p + 12)).lastYear(u16(p + 14)).programs(programs(u16(p + 16)));
            u = (i32(p + 6) < 0 ? b : b.officialPort(i32(p + 6))).build();
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
        byte[] chunk = chunk(i >> CHUNK_SHIFT);
        int start = i32(at[STRINGS] + 4 * i);
        strings[i] = new String(chunk, start, stringEnd(i, chunk) - start, StandardCharsets.UTF_8);
        return strings[i];
    }

    /** Where the i-th string ends: where the next string of its chunk starts, or at the chunk's end. */
    private int stringEnd(int i, byte[] chunk) {
        return ((i + 1) & CHUNK_MASK) != 0 && i + 1 < count[S] ? i32(at[STRINGS] + 4 * (i + 1)) : chunk.length;
    }

    private byte[] chunk(int c) {
        if (chunks[c] == null) {
            chunks[c] = inflate(stored, chunkStart[c], i32(at[CHUNKS] + 8 * c), i32(at[CHUNKS] + 8 * c + 4), where);
        }
        return chunks[c];
    }

    /** The i-th date, null for date 0 (none). */
    private RegistryDate date(int i) {
        int packed = i32(at[DATES] + 4 * i);
        if (dates[i] == null && i != 0) {
            dates[i] = (packed & 0xFF) == 0 ? RegistryDate.of(packed >>> 16, (packed >>> 8) & 0xFF)
                    : RegistryDate.of(LocalDate.of(packed >>> 16, (packed >>> 8) & 0xFF, packed & 0xFF));
        }
        return dates[i];
    }

    /** The i-th list as references, decoded on first use. */
    @SuppressWarnings("unchecked")
    private List<String> references(int i) {
        if (references[i] == null) {
            String[] values = new String[u8(i32(at[LISTS] + 4 * i))]; // no lambda: a fresh JVM pays ms for the first
            for (int j = 0; j < values.length; j++) {
                values[j] = string(u16(i32(at[LISTS] + 4 * i) + 1 + 2 * j));
            }
            references[i] = List.of(values);
        }
        return (List<String>) references[i];
    }

    /** The i-th list as programs (pairs of name and marker or ""), decoded on first use. */
    @SuppressWarnings("unchecked")
    private List<Program> programs(int i) {
        if (programs[i] == null) {
            List<String> pairs = references(i);
            Program[] values = new Program[pairs.size() / 2];
            for (int j = 0; j < values.length; j++) {
                String name = pairs.get(2 * j);
                values[j] = pairs.get(2 * j + 1).isEmpty() ? Program.executable(name) : Program.runtime(name, pairs.get(2 * j + 1));
            }
            programs[i] = List.of(values);
        }
        return (List<Program>) programs[i];
    }

    // ---------------------------------------------------------------- names

    /** Returns how many names the table resolves. */
    public int nameCount() {
        return count[K];
    }

    /**
     * Returns the i-th name, lower case; names ascend.
     *
     * @param i 0 to {@link #nameCount()} - 1
     * @return the i-th name, lower case; names ascend
     */
    public String name(int i) {
        return string(u16(at[NAMES] + 2 * i));
    }

    /**
     * Finds a name through the table's hash section: a probe or two, each comparing the key with
     * one stored key (decoded once, then kept). Allocates nothing once the keys met are decoded.
     *
     * @param key the name in lower case, not null
     * @return the name's index, or -1 if the table does not hold it
     */
    public int findName(String key) {
        for (int s = slot(key.hashCode(), count[H] - 1); ; s = (s + 1) & (count[H] - 1)) {
            int n = u16(at[HASH] + 2 * s);
            if (n == 0 || name(n - 1).equals(key)) {
                return n - 1;
            }
        }
    }

    /**
     * Returns the i-th name's ports, official first; a new array.
     *
     * @param i 0 to {@link #nameCount()} - 1
     * @return the i-th name's ports, official first; a new array
     */
    public int[] namePorts(int i) {
        int p = i32(at[ANSWERS] + 4 * i);
        int[] ports = new int[u16(p)];
        for (int j = 0; j < ports.length; j++) {
            ports[j] = u16(p + 2 + 2 * j);
        }
        return ports;
    }

    /** Returns everything, decoded, for the compiler and the tools; {@link #verify()} a table from outside first. */
    public synchronized TableData toTableData() {
        List<PortInfo> ports = new ArrayList<>(count[P]);
        for (int i = 0; i < count[P]; i++) {
            ports.add(decodePort(dataPort(i)));
        }
        TreeMap<String, List<Integer>> names = new TreeMap<>();
        for (int i = 0; i < count[K]; i++) {
            names.put(name(i), Arrays.stream(namePorts(i)).boxed().toList());
        }
        return new TableData(version(), ports, names);
    }

    // ---------------------------------------------------------------- verify

    /**
     * Checks everything a damaged or foreign table could get wrong: every string strict UTF-8 and
     * one line of text; every date real; every list, assignment, use and port record decoded (every
     * index and offset in range, transport masks, enum ordinals, each record's constructor rules);
     * ports ascending; names well-formed, lower case, ascending and found through the hash section;
     * nothing after the last record.
     *
     * @return this table, for chaining
     * @throws TableFormatException naming the table, the part and the problem
     */
    public synchronized PortTable verify() {
        String part = "string ";
        int i = 0;
        try {
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
            for (; i < count[S]; i++) {
                byte[] chunk = chunk(i >> CHUNK_SHIFT);
                int start = i32(at[STRINGS] + 4 * i);
                require((i & CHUNK_MASK) != 0 || start == 0, "does not start its chunk");
                strings[i] = utf8.decode(ByteBuffer.wrap(chunk, start, stringEnd(i, chunk) - start)).toString();
                require(ServiceNames.textProblem(strings[i]));
            }
            require(strings[0].isEmpty() && i32(at[DATES]) == 0 && u8(i32(at[LISTS])) == 0, "0 is not empty");
            int end = at[VARIABLE];
            for (part = "list ", i = 0; i < count[L]; i++) {
                end = Math.max(end, offset(at[LISTS] + 4 * i) + 1 + 2 * u8(i32(at[LISTS] + 4 * i)));
                references(i);
            }
            for (part = "date ", i = 1; i < count[D]; i++) {
                date(i);
            }
            for (part = "assignment ", i = 0; i < count[A]; i++) {
                int p = at[ASSIGNMENTS] + SECTION_SIZE[ASSIGNMENTS] * i;
                require(u8(p + 4) <= ALL_TRANSPORTS && u8(p + 5) < LifecycleStatus.UNASSIGNED.ordinal()
                        && u8(i32(at[LISTS] + 4 * u16(p + 28))) % 2 == 0, "has a bad mask, status or programs list");
                assignment(i);
            }
            for (part = "alternate use ", i = 0; i < count[U]; i++) {
                int p = at[USES] + SECTION_SIZE[USES] * i;
                require(u8(p + 4) <= ALL_TRANSPORTS && i32(p + 6) >= -1 && u8(i32(at[LISTS] + 4 * u16(p + 16))) % 2 == 0,
                        "has a bad mask, official port or programs list");
                use(i);
            }
            for (part = "port ", i = 0; i < count[P]; i++) {
                require(i == 0 || dataPort(i) > dataPort(i - 1), "follows a greater or equal port");
                int p = offset(at[RECORDS] + 4 * i);
                for (int list = 0; list < 3; list++) {
                    p += 1 + 2 * u8(p);
                }
                end = Math.max(end, p);
                decodePort(dataPort(i));
            }
            for (part = "name ", i = 0; i < count[K]; i++) {
                String key = name(i);
                require(ServiceNames.problem(key));
                require(key.equals(key.toLowerCase(Locale.ROOT)), "is not lower case");
                require(i == 0 || name(i - 1).compareTo(key) < 0, "does not follow the name before it in order");
                end = Math.max(end, offset(at[ANSWERS] + 4 * i) + 2 + 2 * u16(i32(at[ANSWERS] + 4 * i)));
                require(u16(i32(at[ANSWERS] + 4 * i)) > 0
                        && Arrays.stream(namePorts(i)).distinct().count() == namePorts(i).length, "lists no port or one twice");
            }
            int slotted = 0;
            for (int s = 0; s < count[H]; s++) {
                require(u16(at[HASH] + 2 * s) <= count[K], "hash slot holds no name");
                slotted += u16(at[HASH] + 2 * s) == 0 ? 0 : 1;
            }
            for (i = 0; i < count[K]; i++) {
                require(slotted == count[K] && findName(name(i)) == i, "is not found through the hash section");
            }
            part = "version ";
            version();
            if (end != index.length) {
                throw inconsistent("the index has " + (index.length - end) + " unexpected bytes after its last record");
            }
        } catch (RuntimeException | CharacterCodingException e) {
            String problem = e instanceof CharacterCodingException ? "is not well-formed UTF-8 (" + e + ")" : e.getMessage();
            throw e instanceof TableFormatException t ? t : inconsistent(part + i + ": " + problem);
        }
        return this;
    }

    /** In verify(): the offset at p in the index, which must lie in the lists, records and answers. */
    private int offset(int p) {
        require(i32(p) >= at[VARIABLE] && i32(p) < index.length, "lies outside the index's lists and records");
        return i32(p);
    }

    private static void require(boolean ok, String problem) {
        require(ok ? null : problem);
    }

    private static void require(@Nullable String problem) {
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    private TableFormatException inconsistent(String what) {
        return new TableFormatException(where + " is inconsistent: " + what);
    }

    private static Set<Transport> transports(int mask) {
        EnumSet<Transport> set = EnumSet.noneOf(Transport.class);
        for (Transport t : Transport.values()) {
            if ((mask & (1 << t.ordinal())) != 0) {
                set.add(t);
            }
        }
        return set;
    }

    private int u8(int p) {
        return index[p] & 0xFF;
    }

    private int u16(int p) {
        return u16(index, p);
    }

    private int i32(int p) {
        return i32(index, p);
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    private static int i32(byte[] b, int p) {
        return (u16(b, p) << 16) | u16(b, p + 2);
    }
}
