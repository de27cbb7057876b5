package dev.portregistry.internal;

import dev.portregistry.AlternateUse;
import dev.portregistry.Origin;
import dev.portregistry.PortInfo;
import dev.portregistry.Program;
import dev.portregistry.RegistryDate;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The one codec of the compiled port table: the layout, its constants, the writer {@link #toBytes}
 * (used by the compiler in {@code registry-data}) and {@link #read}; {@link PortTable} is the reader. Internal:
 * not part of the API, not exported by the module.
 *
 * <h2>Layout, format 3</h2>
 * Numbers are big-endian, unsigned but for the official port. A string,
 * date, list, assignment or use is named by its u16 index in its pool; every distinct value is
 * stored once. DEFLATE is zlib at its best compression.
 * <pre>
 * header, 14 bytes  u32 magic 0x50525442 ("PRTB"), u16 format 3, u32 body length N, u32 CRC-32 of the body
 * body, N bytes     u32 inflated length X and u32 stored length I of the index, the index (DEFLATE),
 *                   then the string chunks (DEFLATE) back to back
 * index, X bytes    9 x u32 counts: S strings, C chunks, D dates, L lists, A assignments, U uses,
 *                   P ports, K names, H hash slots; then the sections below, each of a size the
 *                   counts give, so that each section's offset is known without reading the others:
 *   version       6  u16 official source (string), u16 official date (date), u16 curated revision
 *   chunks    C x 8  u32 stored, u32 inflated length; chunk c holds strings c * 1024 .. c * 1024 + 1023
 *   strings   S x 4  where string i starts in its chunk (UTF-8); it ends where the next string of
 *                    the chunk starts, or at the chunk's end. String 0 is "".
 *   dates     D x 4  u16 year, u8 month, u8 day (0: month precision); date 0 is none, stored as 0
 *   lists     L x 4  offset in the index of a list: u8 n, n x u16 string. List 0 is empty. References
 *                    are a list; programs are a list of pairs (name, command line marker or "")
 *   assignments A x 30  u16 name, u16 description, u8 transport mask, u8 status ordinal,
 *                    u16 registration date, u16 modification date, u16 references, u16 service code,
 *                    u16 unauthorized use reported, u16 assignment notes, u16 product, u16 vendor,
 *                    u16 discontinued year (0: none), u16 reason, u16 basis, u16 programs
 *   uses     U x 18  u16 name, u16 description, u8 transport mask, u8 kind ordinal, i32 official port
 *                    (-1: none), u16 basis, u16 first year, u16 last year (0: unknown), u16 programs
 *   ports     P x 2  the ports that have data, strictly ascending
 *   records   P x 4  offset of each port's record: u8 a, a x u16 assignment, u8 u, u x u16 use,
 *                    u8 r, r x u16 related port
 *   names     K x 2  each name's key (string), strictly ascending in String order
 *   answers   K x 4  offset of each name's ports: u16 n, n x u16 port, official ports first
 *   hash      H x 2  name index + 1 (0: empty) at its slot: linear probing from
 *                    {@link #slot slot(key.hashCode(), H - 1)}; H is the least power of two >= 2K
 *   then the lists, records and answers themselves, to the index's end
 * </pre>
 * Transport mask bit {@code 1 << t.ordinal()} stands for transport t (TCP=1, UDP=2, SCTP=4, DCCP=8).
 * An assignment in a table is always of {@link Origin#IANA}. The name keys are strings 1..K, so a
 * first name query inflates a chunk of short strings; the others follow in order of first use by
 * ascending port, so that a port's strings share a chunk. The same content gives the same bytes.
 *
 * <h2>Limits and current usage</h2>
 * At most {@value #MAX_POOL} strings, dates, lists, assignments, uses, names and ports per name;
 * at most {@value #MAX_PER_PORT} assignments, uses or related ports per port and entries per list;
 * a string of at most {@value #MAX_POOL} UTF-8 bytes. The writer rejects content over a limit.
 * core's table of iana 2026-09-17 holds 8,228 ports with data and 6,757 names; the compiler's report
 * prints the counts of each build, all far below the limits.
 */
// EnumOrdinal: the table stores LifecycleStatus, UseKind and Transport (as bit 1 << ordinal) by their
// ordinals: their declaration order is part of the table format (reordering one changes every table),
// so a new constant goes last.
@SuppressWarnings("EnumOrdinal")
public final class TableCodec {
    /** "PRTB". */
    public static final int MAGIC = 0x50525442;
    /** The format version this codec writes and the only one {@link PortTable} reads. */
    public static final int FORMAT_VERSION = 3;
    /** The header size in bytes: magic, format, body length, checksum. */
    public static final int HEADER_SIZE = 14;
    /** The largest pool, and the most ports one name can list. */
    public static final int MAX_POOL = 0xFFFF;
    /** The most assignments, alternate uses or related ports of one port, and entries of one list. */
    public static final int MAX_PER_PORT = 0xFF;
    /** The largest body or inflated part a reader accepts: a guard against absurd lengths. */
    public static final int MAX_PAYLOAD = 64 * 1024 * 1024;
    /** String i is in chunk {@code i >> CHUNK_SHIFT}. */
    public static final int CHUNK_SHIFT = 10;
    /** The counts, by their place at the start of the index. */
    static final int S = 0, C = 1, D = 2, L = 3, A = 4, U = 5, P = 6, K = 7, H = 8, COUNTS = 9;
    /** The sections, in order; {@link #VARIABLE} is where the lists, records and answers begin. */
    static final int VERSION = 0, CHUNKS = 1, STRINGS = 2, DATES = 3, LISTS = 4, ASSIGNMENTS = 5, USES = 6,
            PORTS = 7, RECORDS = 8, NAMES = 9, ANSWERS = 10, HASH = 11, VARIABLE = 12;
    /** Each section's entry size, and the count of its entries (-1: one entry). */
    static final int[] SECTION_SIZE = {6, 8, 4, 4, 4, 30, 18, 2, 4, 2, 4, 2};
    static final int[] SECTION_COUNT = {-1, C, S, D, L, A, U, P, P, K, K, H};

    private TableCodec() {
    }

    /** The first hash slot of a key's probe; {@code mask} is H - 1. */
    static int slot(int hashCode, int mask) {
        return (hashCode ^ (hashCode >>> 16)) & mask;
    }

    /** The number of hash slots for K names: the least power of two at least 2K (2 for none). */
    static int slots(int names) {
        return Integer.highestOneBit(Math.max(1, names) * 2 - 1) << 1;
    }

    /**
     * Writes a table.
     *
     * @param table the content, not null
     * @return the table bytes, never null
     * @throws TableFormatException if the content is over a limit of the format or holds a LOCAL assignment
     */
    public static byte[] toBytes(TableData table) {
        Pool<String> strings = new Pool<>("strings", "");
        table.names().keySet().forEach(strings::add);
        Pool<RegistryDate> dates = new Pool<>("dates", (RegistryDate) null);
        Pool<List<Integer>> lists = new Pool<>("lists", List.of());
        Pool<ServiceAssignment> assignments = new Pool<>("assignments");
        Pool<AlternateUse> uses = new Pool<>("alternate uses");
        int[] version = {strings.add(table.version().officialSource()), dates.add(RegistryDate.of(table.version()
                .officialDate())), strings.add(table.version().curatedRevision())};
        // the records, encoded as first met by ascending port, so that strings are pooled in that order
        Buffer fixedA = new Buffer();
        Buffer fixedU = new Buffer();
        for (PortInfo p : table.ports()) {
            for (ServiceAssignment a : p.assignments()) {
                if (a.origin() != Origin.IANA) {
                    throw new TableFormatException("assignment \"" + a.name() + "\" of port " + p.port() + " is "
                            + a.origin() + ": a table holds only IANA assignments");
                }
                if (assignments.isNew(a)) {
                    fixedA.shorts(strings.add(a.name()), strings.add(a.description()));
                    fixedA.bytes(mask(a.transports()), a.status().ordinal());
                    fixedA.shorts(dates.add(a.registrationDate().orElse(null)),
                            dates.add(a.modificationDate().orElse(null)), lists.add(strings.all(a.references())),
                            strings.add(a.serviceCode().orElse("")), strings.add(a.unauthorizedUseReported().orElse("")),
                            strings.add(a.assignmentNotes().orElse("")), strings.add(a.product().orElse("")),
                            strings.add(a.vendor().orElse("")), a.discontinuedYear().orElse(0),
                            strings.add(a.reason().orElse("")), strings.add(a.basis().orElse("")),
                            lists.add(programs(strings, a.programs())));
                }
            }
            for (AlternateUse u : p.alternateUses()) {
                if (uses.isNew(u)) {
                    fixedU.shorts(strings.add(u.name()), strings.add(u.description()));
                    fixedU.bytes(mask(u.transports()), u.kind().ordinal());
                    fixedU.ints(u.officialPort().orElse(-1));
                    fixedU.shorts(strings.add(u.basis()), u.firstYear().orElse(0), u.lastYear().orElse(0),
                            lists.add(programs(strings, u.programs())));
                }
            }
        }
        int[] count = {strings.size(), (strings.size() + (1 << CHUNK_SHIFT) - 1) >> CHUNK_SHIFT, dates.size(),
                lists.size(), assignments.size(), uses.size(), table.ports().size(), table.names().size(),
                slots(table.names().size())};
        long variableAt = 4 * COUNTS;
        for (int s = 0; s < SECTION_SIZE.length; s++) {
            variableAt += (long) SECTION_SIZE[s] * (SECTION_COUNT[s] < 0 ? 1 : count[SECTION_COUNT[s]]);
        }
        // the lists, records and answers, and the offsets to them
        Buffer variable = new Buffer();
        Buffer listAt = new Buffer();
        for (List<Integer> list : lists.values) {
            listAt.ints((int) variableAt + variable.size());
            variable.bytes(list.size());
            list.forEach(variable::shorts);
        }
        Buffer ports = new Buffer();
        Buffer recordAt = new Buffer();
        for (PortInfo p : table.ports()) {
            ports.shorts(p.port());
            recordAt.ints((int) variableAt + variable.size());
            variable.bytes(count(p.assignments().size(), "port " + p.port(), "assignments"));
            p.assignments().forEach(a -> variable.shorts(assignments.add(a)));
            variable.bytes(count(p.alternateUses().size(), "port " + p.port(), "alternate uses"));
            p.alternateUses().forEach(u -> variable.shorts(uses.add(u)));
            variable.bytes(count(p.relatedPorts().size(), "port " + p.port(), "related ports"));
            p.relatedPorts().forEach(variable::shorts);
        }
        Buffer names = new Buffer();
        Buffer answerAt = new Buffer();
        int[] hash = new int[count[H]];
        for (Map.Entry<String, List<Integer>> e : table.names().entrySet()) {
            if (e.getValue().size() > MAX_POOL) {
                throw new TableFormatException("name \"" + e.getKey() + "\" lists " + e.getValue().size()
                        + " ports: the format allows at most " + MAX_POOL);
            }
            names.shorts(strings.add(e.getKey()));
            answerAt.ints((int) variableAt + variable.size());
            variable.shorts(e.getValue().size());
            e.getValue().forEach(variable::shorts);
            int s = slot(e.getKey().hashCode(), count[H] - 1);
            while (hash[s] != 0) {
                s = (s + 1) & (count[H] - 1);
            }
            hash[s] = names.size() / 2;
        }
        if (variableAt + variable.size() > MAX_PAYLOAD) {
            throw new TableFormatException("the index would be " + (variableAt + variable.size())
                    + " bytes: the format allows at most " + MAX_PAYLOAD);
        }
        // the strings, chunk by chunk, and the index in section order
        Buffer chunkSizes = new Buffer();
        Buffer stringAt = new Buffer();
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        for (int c = 0; c < count[C]; c++) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            for (int i = c << CHUNK_SHIFT; i < Math.min(count[S], (c + 1) << CHUNK_SHIFT); i++) {
                byte[] utf = strings.values.get(i).getBytes(StandardCharsets.UTF_8);
                if (utf.length > MAX_POOL) {
                    throw new TableFormatException("a string of " + utf.length + " UTF-8 bytes is over the format's "
                            + MAX_POOL + ": " + ServiceNames.quote(strings.values.get(i)));
                }
                stringAt.ints(text.size());
                text.writeBytes(utf);
            }
            byte[] stored = deflate(text.toByteArray());
            chunkSizes.ints(stored.length, text.size());
            chunks.writeBytes(stored);
        }
        Buffer index = new Buffer();
        index.ints(count);
        index.shorts(version);
        index.writeBytes(chunkSizes.toByteArray());
        index.writeBytes(stringAt.toByteArray());
        dates.values.forEach(d -> index.ints(d == null ? 0 : d.year() << 16
                | d.yearMonth().getMonthValue() << 8 | d.date().map(LocalDate::getDayOfMonth).orElse(0)));
        for (Buffer section : new Buffer[] {listAt, fixedA, fixedU, ports, recordAt, names, answerAt}) {
            index.writeBytes(section.toByteArray());
        }
        index.shorts(hash);
        index.writeBytes(variable.toByteArray());
        byte[] stored = deflate(index.toByteArray());
        Buffer body = new Buffer();
        body.ints(index.size(), stored.length);
        body.writeBytes(stored);
        body.writeBytes(chunks.toByteArray());
        CRC32 crc = new CRC32();
        crc.update(body.toByteArray());
        Buffer all = new Buffer();
        all.ints(MAGIC);
        all.shorts(FORMAT_VERSION);
        all.ints(body.size(), (int) crc.getValue());
        all.writeBytes(body.toByteArray());
        return all.toByteArray();
    }

    /**
     * Reads a whole table of unknown origin: {@link PortTable#open}, {@link PortTable#verify()},
     * then decodes all of it.
     *
     * @param all    the table bytes, not null
     * @param source the name of the resource or file, used in error messages; not null
     * @return the content, never null
     * @throws TableFormatException naming the source and the problem
     */
    public static TableData read(byte[] all, String source) {
        return PortTable.open(all, source).verify().toTableData();
    }

    private static List<Integer> programs(Pool<String> strings, List<Program> programs) {
        List<String> pairs = new ArrayList<>();
        programs.forEach(p -> pairs.addAll(List.of(p.name(), p.commandLineMarker().orElse(""))));
        return strings.all(pairs);
    }

    private static int mask(Iterable<Transport> transports) {
        int mask = 0;
        for (Transport t : transports) {
            mask |= 1 << t.ordinal();
        }
        return mask;
    }

    private static int count(int n, String owner, String what) {
        if (n > MAX_PER_PORT) {
            throw new TableFormatException(owner + " has " + n + " " + what + ": the format allows at most " + MAX_PER_PORT);
        }
        return n;
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** Distinct values in order of first use, each with its index; the first is given. */
    private static final class Pool<T> {
        private final String what;
        private final Map<T, Integer> index = new HashMap<>();
        private final List<T> values = new ArrayList<>();

        @SafeVarargs
        Pool(String what, @Nullable T... first) {
            this.what = what;
            for (T value : first) {
                add(value);
            }
        }

        boolean isNew(T value) {
            int before = values.size();
            add(value);
            return values.size() > before;
        }

        int add(@Nullable T value) {
            Integer i = index.get(value);
            if (i == null) {
                if (values.size() >= MAX_POOL) {
                    throw new TableFormatException("too many " + what + ": the format allows at most " + MAX_POOL);
                }
                i = values.size();
                index.put(value, i);
                values.add(value);
            }
            return i;
        }

        /** The indices of some values, added as needed, as a list of at most {@value #MAX_PER_PORT}. */
        List<Integer> all(List<T> some) {
            List<Integer> out = new ArrayList<>();
            some.forEach(v -> out.add(add(v)));
            count(out.size(), "a list", "entries");
            return out;
        }

        int size() {
            return values.size();
        }
    }

    /** Bytes in memory, written big-endian. */
    private static final class Buffer extends ByteArrayOutputStream {
        void bytes(int... values) {
            for (int v : values) {
                write(v);
            }
        }

        void shorts(int... values) {
            for (int v : values) {
                bytes(v >>> 8, v);
            }
        }

        void ints(int... values) {
            for (int v : values) {
                shorts(v >>> 16, v);
            }
        }
    }
}
