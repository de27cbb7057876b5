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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.Inflater;

import static dev.portregistry.internal.TableCodec.*;

/**
 * The reader of a compiled port table (layout in {@link TableCodec}). Internal: not part of the
 * API, not exported by the module.
 *
 * <p>{@link #open} checks the header, the lengths and the CRC-32, inflates the port index and finds
 * its sections from the counts at its start; nothing is walked. The name index is inflated on the
 * first name query, a string chunk when one of its strings is first decoded (its bytes are dropped
 * once all its strings are). Then there is one decode path, which trusts the table: a record, an
 * assignment, a use, a string, a date or a list becomes an object when first asked for, and is kept
 * and shared (the ports of a run share their record's lists). A table from outside is checked in
 * full by {@link #verify()} first; the bundled one is trusted once its CRC-32 matches, as the build
 * verifies those very bytes ({@code BundledTableDamageTest}, {@code BundledTableIsCurrentTest}).
 *
 * <p>Thread-safe: decoding is synchronized; a decoded string, immutable, and the inflated name
 * index are read without the lock.
 */
@SuppressWarnings("EnumOrdinal") // the format stores these enums by ordinal: a new constant goes last (TableCodec)
public final class PortTable {
    private static final LifecycleStatus[] STATUSES = LifecycleStatus.values();
    private static final UseKind[] KINDS = UseKind.values();
    static final int ALL_TRANSPORTS = (1 << Transport.values().length) - 1;
    static final int CHUNK_MASK = (1 << CHUNK_SHIFT) - 1;

    private final String where;
    final byte[] index;
    /** The counts S, C, D, L, A, E, U, R, Q, and each section's offset in the index. */
    final int[] count = new int[COUNTS];
    final int[] at = new int[SECTION_SIZE.length + 1];
    /**
     * The table as read, kept (not copied: a fresh JVM pays for every new page it touches) until the
     * name index and every string chunk are inflated, then null; where the names and each chunk start.
     */
    byte @Nullable [] stored;
    private final int namesAt;
    private final int namesStored;
    private final int namesLength;
    private volatile byte @Nullable [] names;
    private final int[] chunkStart;

    /** Decoded on first use, under the lock; a chunk until all its strings are decoded. */
    final byte[][] chunks;
    private final int[] undecoded;
    private int uninflated;
    final String[] strings;
    private final RegistryDate[] dates;
    private final List<?>[] references;
    private final List<?>[] programs;
    private final ServiceAssignment[] assignments;
    private final AlternateUse[] uses;
    /** Each record as the first port that has it: the other ports of its runs share its lists. */
    private final PortInfo[] records;
    private @Nullable DataVersion version;
    private int @Nullable [] rank;

    private PortTable(byte[] all, byte[] index, int namesAt, int namesStored, int namesLength, String where) {
        this.where = where;
        this.index = index;
        if (index.length < 4 * COUNTS) {
            throw inconsistent("the index ends early, in its counts");
        }
        long end = 4 * COUNTS;
        boolean fit = true;
        for (int i = 0; i < COUNTS; i++) {
            count[i] = i32(4 * i);
            fit &= count[i] >= (i == S || i == D || i == L || i == E ? 1 : 0) && count[i] <= MAX_POOL;
        }
        for (int s = 0; s < SECTION_SIZE.length; s++) {
            at[s] = (int) Math.min(end, Integer.MAX_VALUE);
            end += SECTION_SIZE[s] * (SECTION_COUNT[s] < 0 ? 1 : count[SECTION_COUNT[s]] & 0xFFFFFFFFL);
        }
        at[VARIABLE] = (int) Math.min(end, Integer.MAX_VALUE);
        if (!fit || count[C] != (count[S] + CHUNK_MASK) >> CHUNK_SHIFT) {
            throw inconsistent("its counts " + Arrays.toString(count) + " do not fit together");
        }
        if (end > index.length) {
            throw inconsistent("the index ends early: its sections need " + end + " bytes, it has " + index.length);
        }
        long chunksAt = (long) namesAt + namesStored;
        chunkStart = new int[count[C]];
        undecoded = new int[count[C]];
        long next = chunksAt;
        for (int c = 0; c < count[C]; c++) {
            chunkStart[c] = (int) Math.min(next, Integer.MAX_VALUE);
            next += i32(at[CHUNKS] + 8 * c) & 0xFFFFFFFFL;
            undecoded[c] = Math.min(count[S] - (c << CHUNK_SHIFT), 1 << CHUNK_SHIFT);
            if (i32(at[CHUNKS] + 8 * c + 4) < 0 || i32(at[CHUNKS] + 8 * c + 4) > MAX_POOL) {
                throw inconsistent("string chunk " + c + " would inflate past " + MAX_POOL + " bytes");
            }
        }
        if (next != all.length || chunksAt > all.length) {
            throw inconsistent("the string chunks end at byte " + next + " of " + all.length);
        }
        stored = all;
        this.namesAt = namesAt;
        this.namesStored = namesStored;
        this.namesLength = namesLength;
        uninflated = count[C];
        chunks = new byte[count[C]][];
        strings = new String[count[S]];
        dates = new RegistryDate[count[D]];
        references = new List<?>[count[L]];
        programs = new List<?>[count[L]];
        assignments = new ServiceAssignment[count[A]];
        uses = new AlternateUse[count[U]];
        records = new PortInfo[count[Q]];
    }

    /**
     * Opens a table: checks its header, lengths and CRC-32, and inflates its port index.
     *
     * @param all    the table bytes, kept until decoded: not changed after; not null
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
        int indexAt = HEADER_SIZE + 16;
        long[] sizes = new long[4]; // inflated and stored length of the port index, then of the name index
        for (int i = 0; i < 4 && all.length >= indexAt; i++) {
            sizes[i] = i32(all, HEADER_SIZE + 4 * i) & 0xFFFFFFFFL;
        }
        if (all.length < indexAt || sizes[0] > MAX_PAYLOAD || sizes[2] > MAX_PAYLOAD
                || sizes[1] + sizes[3] > all.length - indexAt) {
            throw new TableFormatException(where + " is inconsistent: indexes of " + Arrays.toString(sizes)
                    + " inflated and stored bytes in a table of " + all.length);
        }
        byte[] index = inflate(all, indexAt, (int) sizes[1], (int) sizes[0], where);
        return new PortTable(all, index, indexAt + (int) sizes[1], (int) sizes[3], (int) sizes[2], where);
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
                if (got + HEADER_SIZE < all.length || rest.length > 0) { // a wrong length: open() names it
                    all = Arrays.copyOf(all, HEADER_SIZE + got + rest.length);
                    System.arraycopy(rest, 0, all, HEADER_SIZE + got, rest.length);
                }
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
            throw e instanceof RuntimeException r ? r
                    : new TableFormatException(where + " is corrupted: a compressed part does not inflate: " + e.getMessage(), e);
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

    /** Returns how many ports have data (are in a run), 0 to 65,536. */
    public int portCount() {
        return ranks()[count[R]];
    }

    /** Returns the i-th port that has data, ascending, for i from 0 to {@link #portCount()} - 1. */
    public int dataPort(int i) {
        int[] rank = ranks();
        int r = Arrays.binarySearch(rank, 0, count[R], i); // runs are never empty: ranks ascend strictly
        r = r >= 0 ? r : -r - 2;
        return u16(at[RUNS] + 6 * r) + i - rank[r];
    }

    /** rank[r]: how many ports the runs before run r hold; rank[R]: all of them. */
    private synchronized int[] ranks() {
        if (rank == null) {
            int[] n = new int[count[R] + 1];
            for (int r = 0; r < count[R]; r++) {
                n[r + 1] = n[r] + u16(at[RUNS] + 6 * r + 2) - u16(at[RUNS] + 6 * r) + 1;
            }
            rank = n;
        }
        return rank;
    }

    /**
     * Decodes one port: its run's record if it is in a run, else an UNASSIGNED record with empty
     * lists. Each call returns a new {@code PortInfo} but for a record's first port; the
     * assignments, uses, strings and lists in it are shared, with the other ports of its record.
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

    PortInfo decodePort(int port) {
        int lo = 0;
        int hi = count[R] - 1;
        while (lo <= hi) { // hi: the last run that starts at or before the port
            int mid = (lo + hi) >>> 1;
            if (u16(at[RUNS] + 6 * mid) <= port) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (hi < 0 || u16(at[RUNS] + 6 * hi + 2) < port) {
            return PortInfo.of(port, List.of(), List.of(), List.of());
        }
        PortInfo shared = records[u16(at[RUNS] + 6 * hi + 4)];
        if (shared != null) {
            return shared.port() == port ? shared
                    : PortInfo.of(port, shared.assignments(), shared.alternateUses(), shared.relatedPorts());
        }
        int p = i32(at[RECORDS] + 4 * u16(at[RUNS] + 6 * hi + 4));
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
        shared = PortInfo.of(port, List.of(a), List.of(u), List.of(r));
        records[u16(at[RUNS] + 6 * hi + 4)] = shared;
        return shared;
    }

    ServiceAssignment assignment(int i) {
        ServiceAssignment a = assignments[i];
        if (a == null) {
            int p = at[ASSIGNMENTS] + SECTION_SIZE[ASSIGNMENTS] * i;
            int e = at[EXTRAS] + SECTION_SIZE[EXTRAS] * u16(p + 12);
            require(u16(p + 12) < count[E], "names no extra");
            a = ServiceAssignment.builder().name(string(u16(p))).description(string(u16(p + 2)))
                    .transports(transports(u8(p + 4))).status(STATUSES[u8(p + 5)])
                    .registrationDate(date(u16(p + 6))).modificationDate(date(u16(p + 8)))
                    .references(references(u16(p + 10))).serviceCode(string(u16(e)))
                    .unauthorizedUseReported(string(u16(e + 2))).assignmentNotes(string(u16(e + 4)))
                    .product(string(u16(e + 6))).vendor(string(u16(e + 8))).discontinuedYear(u16(e + 10))
                    .reason(string(u16(e + 12))).basis(string(u16(e + 14))).programs(programs(u16(e + 16))).build();
            assignments[i] = a;
        }
        return a;
    }

    AlternateUse use(int i) {
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
        if (strings[i] == null) {
            int c = i >> CHUNK_SHIFT;
            byte[] chunk = chunk(c);
            int start = u16(at[STRINGS] + 2 * i);
            strings[i] = new String(chunk, start, stringEnd(i, chunk) - start, StandardCharsets.UTF_8);
            if (--undecoded[c] == 0) {
                chunks[c] = null; // every string of it decoded: its bytes are no longer needed
            }
        }
        return strings[i];
    }

    /** Where the i-th string ends: where the next string of its chunk starts, or at the chunk's end. */
    int stringEnd(int i, byte[] chunk) {
        return ((i + 1) & CHUNK_MASK) != 0 && i + 1 < count[S] ? u16(at[STRINGS] + 2 * (i + 1)) : chunk.length;
    }

    byte[] chunk(int c) {
        if (chunks[c] == null) {
            chunks[c] = inflate(Objects.requireNonNull(stored, "kept while a chunk is not inflated"), chunkStart[c], i32(at[CHUNKS] + 8 * c), i32(at[CHUNKS] + 8 * c + 4), where);
            uninflated--;
            release();
        }
        return chunks[c];
    }

    /** Drops the table as read once nothing is left to inflate from it: every chunk and the names. */
    private void release() {
        stored = uninflated == 0 && names != null ? null : stored;
    }

    /** The i-th date, null for date 0 (none). */
    RegistryDate date(int i) {
        int packed = i32(at[DATES] + 4 * i);
        if (dates[i] == null && i != 0) {
            dates[i] = (packed & 0xFF) == 0 ? RegistryDate.of(packed >>> 16, (packed >>> 8) & 0xFF)
                    : RegistryDate.of(LocalDate.of(packed >>> 16, (packed >>> 8) & 0xFF, packed & 0xFF));
        }
        return dates[i];
    }

    /** The i-th list as references, decoded on first use. */
    @SuppressWarnings("unchecked")
    List<String> references(int i) {
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

    /** The name index, inflated on first use and checked for its counts and size. */
    private byte[] names() {
        byte[] n = names; // read once: volatile
        return n != null ? n : loadNames();
    }

    synchronized byte[] loadNames() {
        if (names == null) {
            byte[] n = inflate(Objects.requireNonNull(stored, "kept until the names are inflated"), namesAt, namesStored, namesLength, where);
            long k = n.length < NAMES ? -1 : i32(n, 0) & 0xFFFFFFFFL;
            if (k < 0 || k > MAX_POOL || i32(n, 4) != slots((int) k) || NAMES + 6 * k + 2L * i32(n, 4) > n.length) {
                throw inconsistent("the name index's counts do not fit it");
            }
            names = n;
            release();
        }
        return names;
    }

    /** Returns how many names the table resolves. */
    public int nameCount() {
        return i32(names(), 0);
    }

    /** Returns the i-th name, lower case, for i from 0 to {@link #nameCount()} - 1; names ascend. */
    public String name(int i) {
        return string(u16(names(), NAMES + 2 * i));
    }

    /**
     * Finds a name through the table's hash section: a probe or two, each comparing the key with
     * one stored key (decoded once, then kept). Allocates nothing once the keys met are decoded.
     *
     * @param key the name in lower case, not null
     * @return the name's index, or -1 if the table does not hold it
     */
    public int findName(String key) {
        byte[] n = names();
        int mask = i32(n, 4) - 1;
        for (int s = slot(key.hashCode(), mask); ; s = (s + 1) & mask) {
            int i = u16(n, NAMES + 6 * i32(n, 0) + 2 * s);
            if (i == 0 || name(i - 1).equals(key)) {
                return i - 1;
            }
        }
    }

    /** Returns the i-th name's ports, official first, in a new array, for i from 0 to {@link #nameCount()} - 1. */
    public int[] namePorts(int i) {
        byte[] n = names();
        int p = i32(n, NAMES + 2 * i32(n, 0) + 4 * i);
        int[] ports = new int[u16(n, p)];
        int j = 0;
        for (int v = p + 4, end = v + 2 * u16(n, p + 2); v < end; v += 2) {
            int port = u16(n, v);
            if (v + 2 < end && u16(n, v + 2) == port) { // a run: port, port, last
                require(v + 4 < end && u16(n, v + 4) > port, "has a run that ends early or goes down");
                for (int last = u16(n, v += 4); port <= last; port++) {
                    ports[j++] = port;
                }
            } else {
                ports[j++] = port;
            }
        }
        require(j == ports.length, "lists fewer ports than it counts");
        return ports;
    }

    /** Returns everything, decoded, for the compiler and the tools; {@link #verify()} a table from outside first. */
    public synchronized TableData toTableData() {
        List<PortInfo> ports = new ArrayList<>();
        for (int r = 0; r < count[R]; r++) {
            for (int port = u16(at[RUNS] + 6 * r); port <= u16(at[RUNS] + 6 * r + 2); port++) {
                ports.add(decodePort(port));
            }
        }
        TreeMap<String, List<Integer>> names = new TreeMap<>();
        for (int i = 0; i < nameCount(); i++) {
            names.put(name(i), Arrays.stream(namePorts(i)).boxed().toList());
        }
        return new TableData(version(), ports, names);
    }

    /**
     * Checks everything a damaged or foreign table could get wrong ({@link TableVerifier}), before anything is decoded.
     * @return this table, for chaining
     * @throws TableFormatException naming the table, the part and the problem
     */
    public synchronized PortTable verify() {
        TableVerifier.verify(this);
        return this;
    }

    static void require(boolean ok, String problem) {
        require(ok ? null : problem);
    }

    static void require(@Nullable String problem) {
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    TableFormatException inconsistent(String what) {
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

    int u8(int p) {
        return index[p] & 0xFF;
    }

    int u16(int p) {
        return u16(index, p);
    }

    int i32(int p) {
        return i32(index, p);
    }

    static int u16(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    static int i32(byte[] b, int p) {
        return (u16(b, p) << 16) | u16(b, p + 2);
    }
}
