package dev.portregistry.internal;

import dev.portregistry.AlternateUse;
import dev.portregistry.DataVersion;
import dev.portregistry.Origin;
import dev.portregistry.PortInfo;
import dev.portregistry.Program;
import dev.portregistry.RegistryDate;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The one codec of the compiled port table: the layout, its constants and the writer, used by the
 * compiler in {@code registry-data}; {@link PortTable} is the reader. Internal: not part of the
 * API, not exported by the module.
 *
 * <h2>Layout, format 3</h2>
 * Numbers are unsigned and big-endian ({@link DataOutputStream}); a string, list, date, assignment
 * or use is named by its index in its pool. Each DEFLATE stream is zlib at its best compression.
 * <pre>
 * header, 14 bytes       u32 magic 0x50525442 ("PRTB"), u16 format 3, u32 body length N,
 *                        u32 CRC-32 of the N body bytes
 * body, N bytes          u32 inflated length X and u32 stored length I of the index; the index
 *                        (I bytes, DEFLATE); then the string chunks (DEFLATE) back to back
 * index, X bytes         sections in this order; each has a fixed size given by the counts, so
 *                        every section's offset is known without reading the others
 *   counts    9 x u32    S strings, C chunks, D dates, L lists, A assignments, U uses, P ports,
 *                        K names, H hash slots
 *   version   6 bytes    u16 official source (string), u16 official date (date), u16 curated revision
 *   chunks    C x 8      u32 stored length, u32 inflated length; chunk c holds the strings
 *                        c * 1024 .. c * 1024 + 1023, as UTF-8, back to back
 *   strings   S x u32    where string i starts in its chunk; it ends where the next string of
 *                        the chunk starts, or at the chunk's end. String 0 is "".
 *   dates     D x u32    u16 year, u8 month, u8 day (0: a date with month precision); date 0 is
 *                        "none", stored as 0
 *   lists     L x u32    offset in the index of a list: u8 n, n x u16 string. List 0 is empty.
 *                        References are a list; programs are a list of pairs (name, marker or "")
 *   assignments A x 30   u16 name, u16 description, u8 transport mask, u8 status ordinal,
 *                        u16 registration date, u16 modification date, u16 references (list),
 *                        u16 service code, u16 unauthorized use reported, u16 assignment notes,
 *                        u16 product, u16 vendor, u16 discontinued year (0: none), u16 reason,
 *                        u16 basis, u16 programs (list)
 *   uses      U x 18     u16 name, u16 description, u8 transport mask, u8 kind ordinal,
 *                        i32 official port (-1: none), u16 basis, u16 first year, u16 last year
 *                        (0: unknown), u16 programs (list)
 *   ports     P x u16    the ports that have data, strictly ascending
 *   records   P x u32    offset in the index of each port's record: u8 a, a x u16 assignment,
 *                        u8 u, u x u16 use, u8 r, r x u16 related port
 *   names     K x u16    each name's key (string), strictly ascending by String order
 *   answers   K x u32    offset in the index of each name's ports: u16 n, n x u16 port, in answer
 *                        order (official first)
 *   hash      H x u16    a name's slot holds its index + 1 (0: empty); H is a power of two, at
 *                        least 2K; a key's probe starts at spread(key.hashCode()) and goes up by
 *                        one (linear probing)
 *   lists, records and answers, as the offsets above say, to the end of the index
 * </pre>
 * Transport mask bit {@code 1 << t.ordinal()} stands for transport t (TCP=1, UDP=2, SCTP=4,
 * DCCP=8). Every distinct string, date, list, assignment and use is stored once. The name keys
 * are the strings 1..K, so that a fresh JVM's first name query inflates one small chunk; the
 * other strings follow in order of first use by ascending port, so that neighbouring ports share
 * chunks. The same content always gives the same bytes. An assignment in a table is always of
 * {@link Origin#IANA}.
 *
 * <h2>Limits and current usage</h2>
 * At most {@value #MAX_POOL} strings, dates, lists, assignments, uses and names each, and ports
 * per name; at most {@value #MAX_PER_PORT} assignments, uses and related ports per port, and
 * entries per list; a string at most {@value #MAX_POOL} UTF-8 bytes. The writer rejects content
 * over a limit. The table of 2026-12 (core's {@code ports.table}) holds about 14,600 strings in
 * 15 chunks, 6,500 ports with data and 7,070 names (the compiler's report prints the counts of
 * each build); the largest per-port count is well under 255.
 */
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
    /** Strings per chunk, a power of two: string i is in chunk {@code i >> CHUNK_SHIFT}. */
    public static final int CHUNK_SHIFT = 10;
    /** Number of counts at the start of the index. */
    static final int COUNTS = 9;
    /** Sizes of the index's fixed-size entries, in bytes. */
    static final int VERSION_SIZE = 6;
    static final int CHUNK_SIZE = 8;
    static final int ASSIGNMENT_SIZE = 30;
    static final int USE_SIZE = 18;

    private TableCodec() {
    }

    /** Spreads a String hash code over the hash slots; {@code mask} is H - 1. */
    static int slot(int hashCode, int mask) {
        return (hashCode ^ (hashCode >>> 16)) & mask;
    }

    /** The number of hash slots for K names: the smallest power of two at least 2K, at least 2. */
    static int slots(int names) {
        return Integer.highestOneBit(Math.max(1, names) * 2 - 1) << 1;
    }

    /**
     * Writes a table.
     *
     * @param table the content, not null
     * @param out   where to write; not closed
     * @throws IOException          if writing fails
     * @throws TableFormatException if the content is over a limit of the format or holds a LOCAL assignment
     */
    public static void write(TableData table, OutputStream out) throws IOException {
        Pool<String> strings = new Pool<>("strings");
        strings.add("");
        table.names().keySet().forEach(strings::add); // keys first: the strings 1..K
        Pool<RegistryDate> dates = new Pool<>("dates");
        dates.add(null);
        Pool<List<Integer>> lists = new Pool<>("lists");
        lists.add(List.of());
        Pool<ServiceAssignment> assignments = new Pool<>("assignments");
        Pool<AlternateUse> uses = new Pool<>("alternate uses");
        DataVersion v = table.version();
        int[] version = {strings.add(v.officialSource()), dates.add(RegistryDate.of(v.officialDate())),
                strings.add(v.curatedRevision())};
        // the records, encoded as first met by ascending port, so that the strings are pooled in that order
        ByteArrayOutputStream fixedAssignments = new ByteArrayOutputStream();
        ByteArrayOutputStream fixedUses = new ByteArrayOutputStream();
        DataOutputStream f = new DataOutputStream(fixedAssignments);
        DataOutputStream g = new DataOutputStream(fixedUses);
        for (PortInfo p : table.ports()) {
            for (ServiceAssignment a : p.assignments()) {
                if (assignments.index.containsKey(a)) {
                    continue;
                }
                assignments.add(a);
                if (a.origin() != Origin.IANA) {
                    throw new TableFormatException("assignment \"" + a.name() + "\" of port " + p.port() + " is "
                            + a.origin() + ": a table holds only IANA assignments");
                }
                writeShorts(f, strings.add(a.name()), strings.add(a.description()));
                f.writeByte(mask(a.transports()));
                f.writeByte(a.status().ordinal());
                writeShorts(f, dates.add(a.registrationDate().orElse(null)),
                        dates.add(a.modificationDate().orElse(null)), lists.add(stringList(strings, a.references())),
                        strings.add(a.serviceCode().orElse("")), strings.add(a.unauthorizedUseReported().orElse("")),
                        strings.add(a.assignmentNotes().orElse("")), strings.add(a.product().orElse("")),
                        strings.add(a.vendor().orElse("")), a.discontinuedYear().orElse(0),
                        strings.add(a.reason().orElse("")), strings.add(a.basis().orElse("")),
                        lists.add(programList(strings, a.programs())));
            }
            for (AlternateUse u : p.alternateUses()) {
                if (uses.index.containsKey(u)) {
                    continue;
                }
                uses.add(u);
                writeShorts(g, strings.add(u.name()), strings.add(u.description()));
                g.writeByte(mask(u.transports()));
                g.writeByte(u.kind().ordinal());
                g.writeInt(u.officialPort().orElse(-1));
                writeShorts(g, strings.add(u.basis()), u.firstYear().orElse(0), u.lastYear().orElse(0),
                        lists.add(programList(strings, u.programs())));
            }
        }

        int chunkCount = (strings.size() + (1 << CHUNK_SHIFT) - 1) >> CHUNK_SHIFT;
        int k = table.names().size();
        int slots = slots(k);
        int p = table.ports().size();
        long variableAt = 4L * COUNTS + VERSION_SIZE + (long) CHUNK_SIZE * chunkCount + 4L * strings.size()
                + 4L * dates.size() + 4L * lists.size() + fixedAssignments.size() + fixedUses.size() + 6L * p + 6L * k + 2L * slots;
        ByteArrayOutputStream variable = new ByteArrayOutputStream();
        DataOutputStream var = new DataOutputStream(variable);
        int[] listAt = new int[lists.size()];
        for (int i = 0; i < listAt.length; i++) {
            listAt[i] = (int) (variableAt + var.size());
            List<Integer> list = lists.values.get(i);
            var.writeByte(list.size());
            list.forEach(s -> writeShort(var, s));
        }
        int[] recordAt = new int[p];
        for (int i = 0; i < p; i++) {
            PortInfo info = table.ports().get(i);
            recordAt[i] = (int) (variableAt + var.size());
            var.writeByte(count(info.assignments().size(), info.port(), "assignments"));
            info.assignments().forEach(a -> writeShort(var, assignments.index.get(a)));
            var.writeByte(count(info.alternateUses().size(), info.port(), "alternate uses"));
            info.alternateUses().forEach(u -> writeShort(var, uses.index.get(u)));
            var.writeByte(count(info.relatedPorts().size(), info.port(), "related ports"));
            info.relatedPorts().forEach(r -> writeShort(var, r));
        }
        int[] answerAt = new int[k];
        int[] hash = new int[slots];
        int n = 0;
        for (Map.Entry<String, List<Integer>> e : table.names().entrySet()) {
            if (e.getValue().size() > MAX_POOL) {
                throw new TableFormatException("name \"" + e.getKey() + "\" lists " + e.getValue().size()
                        + " ports: the format allows at most " + MAX_POOL);
            }
            answerAt[n] = (int) (variableAt + var.size());
            var.writeShort(e.getValue().size());
            e.getValue().forEach(port -> writeShort(var, port));
            int s = slot(e.getKey().hashCode(), slots - 1);
            while (hash[s] != 0) {
                s = (s + 1) & (slots - 1);
            }
            hash[s] = ++n;
        }
        if (variableAt + var.size() > MAX_PAYLOAD) {
            throw new TableFormatException("the index would be " + (variableAt + var.size())
                    + " bytes: the format allows at most " + MAX_PAYLOAD);
        }

        // the strings, chunk by chunk
        ByteArrayOutputStream index = new ByteArrayOutputStream((int) variableAt + var.size());
        DataOutputStream d = new DataOutputStream(index);
        List<byte[]> chunks = new ArrayList<>();
        int[] stringAt = new int[strings.size()];
        for (int c = 0; c < chunkCount; c++) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            for (int i = c << CHUNK_SHIFT; i < Math.min(strings.size(), (c + 1) << CHUNK_SHIFT); i++) {
                byte[] utf = strings.values.get(i).getBytes(StandardCharsets.UTF_8);
                if (utf.length > MAX_POOL) {
                    throw new TableFormatException("a string of " + utf.length + " UTF-8 bytes is over the format's "
                            + MAX_POOL + ": \"" + strings.values.get(i).substring(0, 40) + "...\"");
                }
                stringAt[i] = text.size();
                text.write(utf);
            }
            chunks.add(deflate(text.toByteArray()));
            chunks.add(new byte[] {(byte) (text.size() >>> 24), (byte) (text.size() >>> 16),
                    (byte) (text.size() >>> 8), (byte) text.size()});
        }
        for (int count : new int[] {strings.size(), chunkCount, dates.size(), lists.size(), assignments.size(),
                uses.size(), p, k, slots}) {
            d.writeInt(count);
        }
        writeShorts(d, version);
        for (int c = 0; c < chunkCount; c++) {
            d.writeInt(chunks.get(2 * c).length);
            d.write(chunks.get(2 * c + 1));
        }
        for (int at : stringAt) {
            d.writeInt(at);
        }
        for (RegistryDate date : dates.values) {
            d.writeInt(date == null ? 0 : date.year() << 16 | date.yearMonth().getMonthValue() << 8
                    | date.date().map(LocalDate::getDayOfMonth).orElse(0));
        }
        for (int at : listAt) {
            d.writeInt(at);
        }
        fixedAssignments.writeTo(d);
        fixedUses.writeTo(d);
        table.ports().forEach(info -> writeShort(d, info.port()));
        for (int at : recordAt) {
            d.writeInt(at);
        }
        table.names().keySet().forEach(key -> writeShort(d, strings.index.get(key)));
        for (int at : answerAt) {
            d.writeInt(at);
        }
        writeShorts(d, hash);
        variable.writeTo(d);

        byte[] inflated = index.toByteArray();
        byte[] compressed = deflate(inflated);
        ByteArrayOutputStream body = new ByteArrayOutputStream(compressed.length + 8 + 200_000);
        DataOutputStream b = new DataOutputStream(body);
        b.writeInt(inflated.length);
        b.writeInt(compressed.length);
        b.write(compressed);
        for (int c = 0; c < chunkCount; c++) {
            b.write(chunks.get(2 * c));
        }
        byte[] stored = body.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(stored);
        DataOutputStream header = new DataOutputStream(out);
        header.writeInt(MAGIC);
        header.writeShort(FORMAT_VERSION);
        header.writeInt(stored.length);
        header.writeInt((int) crc.getValue());
        header.write(stored);
        header.flush();
    }

    /**
     * Writes a table into a new byte array.
     *
     * @param table the content, not null
     * @return the table bytes, never null
     * @throws TableFormatException if the content is over a limit of the format
     */
    public static byte[] toBytes(TableData table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
        try {
            write(table, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a whole table from a file or stream of unknown origin: {@link PortTable#open}, then
     * {@link PortTable#verify()}, then decodes all of it.
     *
     * @param in     the table; read to its end (or only its header, if that is not a port table's,
     *               and never more than {@link #MAX_PAYLOAD} body bytes), not closed; null for a missing resource
     * @param source the name of the resource or file, used in error messages; not null
     * @return the content, never null
     * @throws TableFormatException naming the source and the problem if the table is missing,
     *                              damaged, truncated, too large, of another format or inconsistent
     */
    public static TableData read(InputStream in, String source) {
        return PortTable.open(in, source).verify().toTableData();
    }

    /**
     * Reads a whole table from bytes, as {@link #read(InputStream, String)} does.
     *
     * @param all    the table bytes, not null
     * @param source the name of the resource or file, used in error messages; not null
     * @return the content, never null
     * @throws TableFormatException naming the source and the problem
     */
    public static TableData read(byte[] all, String source) {
        return PortTable.open(all, source).verify().toTableData();
    }

    private static List<Integer> stringList(Pool<String> strings, List<String> values) {
        List<Integer> list = new ArrayList<>();
        values.forEach(s -> list.add(strings.add(s)));
        return count(list, "references");
    }

    private static List<Integer> programList(Pool<String> strings, List<Program> programs) {
        List<Integer> list = new ArrayList<>();
        for (Program p : programs) {
            list.add(strings.add(p.name()));
            list.add(strings.add(p.commandLineMarker().orElse("")));
        }
        return count(list, "program names and markers");
    }

    private static List<Integer> count(List<Integer> list, String what) {
        if (list.size() > MAX_PER_PORT) {
            throw new TableFormatException("a list of " + list.size() + " " + what + " is over the format's "
                    + MAX_PER_PORT);
        }
        return list;
    }

    private static void writeShorts(DataOutputStream d, int... values) throws IOException {
        for (int v : values) {
            d.writeShort(v);
        }
    }

    private static void writeShort(DataOutputStream d, int value) {
        try {
            d.writeShort(value);
        } catch (IOException e) { // a DataOutputStream over memory
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    private static int mask(Set<Transport> transports) {
        int mask = 0;
        for (Transport t : transports) {
            mask |= 1 << t.ordinal();
        }
        return mask;
    }

    private static int count(int n, int port, String what) {
        if (n > MAX_PER_PORT) {
            throw new TableFormatException("port " + port + " has " + n + " " + what
                    + ": the format allows at most " + MAX_PER_PORT);
        }
        return n;
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Distinct values in order of first use, each with its index (null allowed, for "none"). */
    private static final class Pool<T> {
        private final String what;
        private final Map<T, Integer> index = new LinkedHashMap<>();
        private final List<T> values = new ArrayList<>();

        Pool(String what) {
            this.what = what;
        }

        int add(T value) {
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

        int size() {
            return values.size();
        }
    }
}
