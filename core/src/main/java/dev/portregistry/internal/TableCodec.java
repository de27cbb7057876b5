package dev.portregistry.internal;

import dev.portregistry.AlternateUse;
import dev.portregistry.DataVersion;
import dev.portregistry.PortInfo;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The one codec of the compiled port table: {@link #write} (used by the compiler in
 * {@code registry-data}) and {@link #read} (used by the tools; the run time uses
 * {@link PortTable#open}, the same reader without decoding everything) are kept side by side so
 * that they cannot disagree. Internal: not part of the API, not exported by the module.
 *
 * <h2>Layout, format 2</h2>
 * All numbers are big-endian, as {@link DataOutputStream} writes them; strings are
 * {@link DataOutputStream#writeUTF modified UTF-8} (at most 65,535 bytes each). Each DEFLATE
 * stream is {@link Deflater} at its best compression, with the zlib wrapper.
 * <pre>
 * header, 14 bytes
 *   u32  magic              0x50525442 ("PRTB")
 *   u16  format version     2
 *   u32  stored length N of the body
 *   u32  CRC-32 of the N stored bytes
 * body, N bytes
 *   u32  stored length I and u32 inflated length of the index
 *   I bytes                 the index, DEFLATE
 *   then the string chunks, each DEFLATE, back to back in chunk order
 * index, inflated
 *   utf  official source, utf official date (ISO-8601), utf curated revision
 *   u16  S                  pooled strings; index 0 is ""
 *   u16  C                  string chunks: chunk c holds the strings c * 1024 .. c * 1024 + 1023
 *   C x  u32 stored length, u32 inflated length of the chunk
 *   S x  u16                byte length of each string; a chunk inflates to its strings' bytes,
 *                           back to back, without lengths
 *   u16  A, then A assignments                  u16 name, u16 description, u8 transport mask,
 *                                               u8 status ordinal, u16 note
 *   u16  U, then U alternate uses               u16 name, u16 description, u8 transport mask,
 *                                               u8 kind ordinal, i32 official port or -1, u16 basis
 *   i32  P, then P port records, ascending      u16 port, u8 a + a x u16 assignment index,
 *                                               u8 u + u x u16 use index, u8 r + r x u16 related port
 *   i32  K, then K names, ascending             u16 key (string index), u16 n + n x u16 port
 * </pre>
 * Transport mask bit {@code 1 << t.ordinal()} stands for transport t (TCP=1, UDP=2, SCTP=4, DCCP=8).
 * Strings, assignments and uses are pooled: each distinct value is stored once. The strings begin
 * with "" and the name keys in ascending order, so that a first name query inflates only the few
 * chunks of short strings that hold them; the rest follow in order of first use while the ports are
 * written in ascending order, so that the strings of neighbouring ports sit in the same chunk. The
 * same content always gives the same bytes.
 *
 * <p>Why the strings are apart (format 1 was one DEFLATE stream of everything): a fresh JVM
 * needs the index whole to check it and to find a port, but only a chunk or two of the 170 KB of
 * text for its first answer. Inflating 160 KB instead of 330 KB saves about 1.5 ms of the first
 * lookup on the reference machine; the stored table is no larger (numbers in
 * {@code benchmarks/README.md}).
 *
 * <h2>Limits</h2>
 * At most {@value #MAX_POOL} distinct strings, assignments and alternate uses each; at most
 * {@value #MAX_PER_PORT} assignments, alternate uses and related ports per port; at most
 * {@value #MAX_POOL} ports per name. Current usage is printed by the compiler's report.
 * The writer rejects content over a limit. The reader rejects any table whose header, checksum,
 * lengths, indices, enum ordinals, port order, name order or string encoding are not as the
 * writer writes them, and any string with a control character or a line separator, which the
 * compiler never writes; see {@link PortTable} for how the run time checks a table it opens.
 */
public final class TableCodec {
    /** "PRTB". */
    public static final int MAGIC = 0x50525442;
    /** The format version this codec writes and the only one it reads. */
    public static final int FORMAT_VERSION = 2;
    /** The header size in bytes: magic, format, payload length, checksum. */
    public static final int HEADER_SIZE = 14;
    /** The largest pool (strings, assignments, uses) and the most ports one name can list. */
    public static final int MAX_POOL = 0xFFFF;
    /** The most assignments, alternate uses or related ports one port can have. */
    public static final int MAX_PER_PORT = 0xFF;
    /** The largest index or chunk the reader inflates, a guard against absurd lengths. */
    public static final int MAX_PAYLOAD = 64 * 1024 * 1024;
    /** Strings per chunk: chunk c holds the strings {@code c * STRINGS_PER_CHUNK} onwards. */
    public static final int STRINGS_PER_CHUNK = 1024;

    private static final int NO_PORT = -1;

    private TableCodec() {
    }

    /**
     * Writes a table.
     *
     * @param table the content, not null
     * @param out   where to write; not closed
     * @throws IOException          if writing fails
     * @throws TableFormatException if the content is over a limit of the format
     */
    public static void write(TableData table, OutputStream out) throws IOException {
        Pool<String> strings = new Pool<>("strings");
        strings.indexOf("");
        // the name keys first, in order: a registry's first name query inflates only their few chunks of
        // short strings, not every chunk; the other strings follow in order of first use by port
        for (String key : table.names().keySet()) {
            strings.indexOf(key);
        }
        Pool<ServiceAssignment> assignments = new Pool<>("assignments");
        Pool<AlternateUse> uses = new Pool<>("alternate uses");
        for (PortInfo p : table.ports()) {
            for (ServiceAssignment a : p.assignments()) {
                if (!assignments.contains(a)) {
                    strings.indexOf(a.name());
                    strings.indexOf(a.description());
                    strings.indexOf(a.reason().orElse(""));
                    assignments.indexOf(a);
                }
            }
            for (AlternateUse u : p.alternateUses()) {
                if (!uses.contains(u)) {
                    strings.indexOf(u.name());
                    strings.indexOf(u.description());
                    strings.indexOf(u.basis());
                    uses.indexOf(u);
                }
            }
        }

        List<String> pool = strings.values();
        int[] lengths = new int[pool.size()];
        List<byte[]> chunks = new ArrayList<>();
        List<Integer> chunkLengths = new ArrayList<>();
        for (int first = 0; first < pool.size(); first += STRINGS_PER_CHUNK) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            for (int i = first; i < Math.min(pool.size(), first + STRINGS_PER_CHUNK); i++) {
                byte[] utf = modifiedUtf8(pool.get(i));
                lengths[i] = utf.length;
                text.write(utf);
            }
            chunks.add(deflate(text.toByteArray()));
            chunkLengths.add(text.size());
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 18);
        DataOutputStream d = new DataOutputStream(bytes);
        DataVersion v = table.version();
        d.writeUTF(v.officialSource());
        d.writeUTF(v.officialDate().toString());
        d.writeUTF(v.curatedRevision());

        d.writeShort(pool.size());
        d.writeShort(chunks.size());
        for (int c = 0; c < chunks.size(); c++) {
            d.writeInt(chunks.get(c).length);
            d.writeInt(chunkLengths.get(c));
        }
        for (int length : lengths) {
            d.writeShort(length);
        }
        d.writeShort(assignments.size());
        for (ServiceAssignment a : assignments.values()) {
            d.writeShort(strings.indexOf(a.name()));
            d.writeShort(strings.indexOf(a.description()));
            d.writeByte(mask(a.transports()));
            d.writeByte(a.status().ordinal());
            d.writeShort(strings.indexOf(a.reason().orElse("")));
        }
        d.writeShort(uses.size());
        for (AlternateUse u : uses.values()) {
            d.writeShort(strings.indexOf(u.name()));
            d.writeShort(strings.indexOf(u.description()));
            d.writeByte(mask(u.transports()));
            d.writeByte(u.kind().ordinal());
            d.writeInt(u.officialPort().orElse(NO_PORT));
            d.writeShort(strings.indexOf(u.basis()));
        }
        d.writeInt(table.ports().size());
        for (PortInfo p : table.ports()) {
            d.writeShort(p.port());
            d.writeByte(count(p.assignments().size(), p.port(), "assignments"));
            for (ServiceAssignment a : p.assignments()) {
                d.writeShort(assignments.indexOf(a));
            }
            d.writeByte(count(p.alternateUses().size(), p.port(), "alternate uses"));
            for (AlternateUse u : p.alternateUses()) {
                d.writeShort(uses.indexOf(u));
            }
            d.writeByte(count(p.relatedPorts().size(), p.port(), "related ports"));
            for (int r : p.relatedPorts()) {
                d.writeShort(r);
            }
        }
        d.writeInt(table.names().size());
        for (Map.Entry<String, List<Integer>> e : table.names().entrySet()) {
            if (e.getValue().size() > MAX_POOL) {
                throw new TableFormatException("name \"" + e.getKey() + "\" lists " + e.getValue().size()
                        + " ports: the format allows at most " + MAX_POOL);
            }
            d.writeShort(strings.indexOf(e.getKey()));
            d.writeShort(e.getValue().size());
            for (int port : e.getValue()) {
                d.writeShort(port);
            }
        }
        d.flush();
        byte[] index = deflate(bytes.toByteArray());

        ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 18);
        DataOutputStream b = new DataOutputStream(body);
        b.writeInt(index.length);
        b.writeInt(bytes.size());
        b.write(index);
        for (byte[] chunk : chunks) {
            b.write(chunk);
        }
        b.flush();
        byte[] stored = body.toByteArray();

        DataOutputStream header = new DataOutputStream(out);
        header.writeInt(MAGIC);
        header.writeShort(FORMAT_VERSION);
        header.writeInt(stored.length);
        header.writeInt(crc(stored));
        header.write(stored);
        header.flush();
    }

    /** The modified UTF-8 bytes of a string, as {@link DataOutputStream#writeUTF} writes them, without the length. */
    private static byte[] modifiedUtf8(String s) throws IOException {
        ByteArrayOutputStream utf = new ByteArrayOutputStream(s.length() + 2);
        try {
            new DataOutputStream(utf).writeUTF(s);
        } catch (java.io.UTFDataFormatException e) {
            throw new TableFormatException("string of " + s.length() + " characters is over the format's 65,535 bytes: \""
                    + s.substring(0, Math.min(40, s.length())) + "...\"", e);
        }
        return Arrays.copyOfRange(utf.toByteArray(), 2, utf.size());
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
     * Reads a whole table, checking everything a damaged or foreign file could get wrong, and
     * decodes all of it.
     *
     * @param in     the table; read to its end (or only its header, if that is not a port table's,
     *               and never more than {@link #MAX_PAYLOAD} payload bytes), not closed
     * @param source the name of the resource or file, used in error messages; not null
     * @return the content, never null
     * @throws TableFormatException naming the source and the problem if the table is missing,
     *                              damaged, truncated, too large, of another format or inconsistent
     */
    public static TableData read(InputStream in, String source) {
        return PortTable.open(in, source).toTableData();
    }

    /**
     * Reads a whole table from bytes, checking everything, and decodes all of it.
     *
     * @param all    the table bytes, not null
     * @param source the name of the resource or file, used in error messages; not null
     * @return the content, never null
     * @throws TableFormatException naming the source and the problem
     */
    public static TableData read(byte[] all, String source) {
        return PortTable.open(all, source).toTableData();
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
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static int crc(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length);
        return (int) crc.getValue();
    }

    /** Values in order of first use, each with its index. */
    private static final class Pool<T> {
        private final String what;
        private final Map<T, Integer> index = new LinkedHashMap<>();

        Pool(String what) {
            this.what = what;
        }

        boolean contains(T value) {
            return index.containsKey(value);
        }

        int indexOf(T value) {
            Integer i = index.get(value);
            if (i == null) {
                if (index.size() >= MAX_POOL) {
                    throw new TableFormatException("too many " + what + ": the format allows at most " + MAX_POOL);
                }
                i = index.size();
                index.put(value, i);
            }
            return i;
        }

        int size() {
            return index.size();
        }

        List<T> values() {
            return Collections.unmodifiableList(new ArrayList<>(index.keySet()));
        }
    }
}
