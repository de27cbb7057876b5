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
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The one codec of the compiled port table: {@link #write} (used by the compiler in
 * {@code registry-data}) and {@link #read} (used at run time) are kept side by side so that they
 * cannot disagree. Internal: not part of the API, not exported by the module.
 *
 * <h2>Layout, format 1</h2>
 * All numbers are big-endian, as {@link DataOutputStream} writes them; strings are
 * {@link DataOutputStream#writeUTF modified UTF-8} (at most 65,535 bytes each).
 * <pre>
 * header, 14 bytes
 *   u32  magic              0x50525442 ("PRTB")
 *   u16  format version     1
 *   u32  stored payload length N
 *   u32  CRC-32 of the N stored bytes
 * payload, N bytes stored, DEFLATE-compressed (java.util.zip.Deflater, zlib wrapper); inflated:
 *   utf  official source, utf official date (ISO-8601), utf curated revision
 *   u16  S, then S strings                      string pool; index 0 is ""
 *   u16  A, then A assignments                  u16 name, u16 description, u8 transport mask,
 *                                               u8 status ordinal, u16 note
 *   u16  U, then U alternate uses               u16 name, u16 description, u8 transport mask,
 *                                               u8 kind ordinal, i32 official port or -1, u16 basis
 *   i32  P, then P port records, ascending      u16 port, u8 a + a x u16 assignment index,
 *                                               u8 u + u x u16 use index, u8 r + r x u16 related port
 *   i32  K, then K names, ascending             u16 key (string index), u16 n + n x u16 port
 * </pre>
 * Transport mask bit {@code 1 << t.ordinal()} stands for transport t (TCP=1, UDP=2, SCTP=4, DCCP=8).
 * Strings, assignments and uses are pooled: each distinct value is stored once, in order of first
 * use while the ports are written in ascending order, so the same content always gives the same bytes.
 *
 * <h2>Limits</h2>
 * At most {@value #MAX_POOL} distinct strings, assignments and alternate uses each; at most
 * {@value #MAX_PER_PORT} assignments, alternate uses and related ports per port; at most
 * {@value #MAX_POOL} ports per name. Current usage is printed by the compiler's report.
 * The writer rejects content over a limit; the reader rejects any table whose header, checksum,
 * indices, enum ordinals, port order, name order or length are not exactly as written.
 *
 * <h2>Reading</h2>
 * {@link #open} is the run-time reader: it checks the header, the checksum and the whole payload,
 * then returns a {@link PortTable} that decodes a port, a string or a name only when first asked
 * for. Every record and the name entries can be walked without decoding a string because each
 * part has a length or a fixed size, which is what makes a table cheap to open. {@link #read}
 * opens and then decodes everything into a {@link TableData}, for the compiler and the tools.
 */
public final class TableCodec {
    /** "PRTB". */
    public static final int MAGIC = 0x50525442;
    /** The format version this codec writes and the only one it reads. */
    public static final int FORMAT_VERSION = 1;
    /** The header size in bytes: magic, format, payload length, checksum. */
    public static final int HEADER_SIZE = 14;
    /** The largest pool (strings, assignments, uses) and the most ports one name can list. */
    public static final int MAX_POOL = 0xFFFF;
    /** The most assignments, alternate uses or related ports one port can have. */
    public static final int MAX_PER_PORT = 0xFF;
    /** The largest payload the reader accepts, a guard against absurd lengths in a damaged header. */
    public static final int MAX_PAYLOAD = 64 * 1024 * 1024;

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
        Pool<ServiceAssignment> assignments = new Pool<>("assignments");
        Pool<AlternateUse> uses = new Pool<>("alternate uses");
        for (PortInfo p : table.ports()) {
            for (ServiceAssignment a : p.assignments()) {
                if (!assignments.contains(a)) {
                    strings.indexOf(a.name());
                    strings.indexOf(a.description());
                    strings.indexOf(a.note());
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
        for (String key : table.names().keySet()) {
            strings.indexOf(key);
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 18);
        DataOutputStream d = new DataOutputStream(bytes);
        DataVersion v = table.version();
        d.writeUTF(v.officialSource());
        d.writeUTF(v.officialDate().toString());
        d.writeUTF(v.curatedRevision());

        d.writeShort(strings.size());
        for (String s : strings.values()) {
            d.writeUTF(s);
        }
        d.writeShort(assignments.size());
        for (ServiceAssignment a : assignments.values()) {
            d.writeShort(strings.indexOf(a.name()));
            d.writeShort(strings.indexOf(a.description()));
            d.writeByte(mask(a.transports()));
            d.writeByte(a.status().ordinal());
            d.writeShort(strings.indexOf(a.note()));
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
        byte[] payload = deflate(bytes.toByteArray());

        DataOutputStream header = new DataOutputStream(out);
        header.writeInt(MAGIC);
        header.writeShort(FORMAT_VERSION);
        header.writeInt(payload.length);
        header.writeInt(crc(payload));
        header.write(payload);
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
     * Reads a whole table, checking everything a damaged or foreign file could get wrong.
     *
     * @param in     the table; read to its end, not closed
     * @param source the name of the resource or file, used in error messages; not null
     * @return the content, never null
     * @throws TableFormatException naming the source and the problem if the table is missing,
     *                              damaged, truncated, of another format or inconsistent
     */
    public static TableData read(InputStream in, String source) {
        return open(in, source).toTableData();
    }

    /**
     * Reads a whole table from bytes.
     *
     * @param all    the table bytes, not null
     * @param source the name of the resource or file, used in error messages; not null
     * @return the content, never null
     * @throws TableFormatException naming the source and the problem
     */
    public static TableData read(byte[] all, String source) {
        return open(all, source).toTableData();
    }

    /**
     * Opens a table for decoding on demand: checks it whole as {@link #read} does, but leaves
     * records, strings and names encoded until they are asked for. The run-time reader.
     *
     * @param in     the table; read to its end, not closed
     * @param source the name of the resource or file, used in error messages; not null
     * @return the checked table, never null
     * @throws TableFormatException naming the source and the problem if the table is missing,
     *                              damaged, truncated, of another format or inconsistent
     */
    public static PortTable open(InputStream in, String source) {
        if (in == null) {
            throw new TableFormatException("port table " + source + " is missing");
        }
        byte[] all;
        try {
            all = in.readAllBytes();
        } catch (IOException e) {
            throw new TableFormatException("port table " + source + " could not be read: " + e.getMessage(), e);
        }
        return open(all, source);
    }

    /**
     * Opens a table held in bytes for decoding on demand.
     *
     * @param all    the table bytes, not null
     * @param source the name of the resource or file, used in error messages; not null
     * @return the checked table, never null
     * @throws TableFormatException naming the source and the problem
     */
    public static PortTable open(byte[] all, String source) {
        // concat(), not +: the first + in a fresh JVM bootstraps invokedynamic, some milliseconds
        String where = "port table ".concat(source);
        if (all.length < HEADER_SIZE) {
            throw new TableFormatException(where + " is truncated: " + all.length
                    + " bytes, expected at least the " + HEADER_SIZE + "-byte header");
        }
        int magic = int32(all, 0);
        int format = ((all[4] & 0xFF) << 8) | (all[5] & 0xFF);
        long length = int32(all, 6) & 0xFFFFFFFFL;
        int checksum = int32(all, 10);
        if (magic != MAGIC) {
            throw new TableFormatException(where + " is not a portregistry table: magic 0x"
                    + Integer.toHexString(magic) + ", expected 0x" + Integer.toHexString(MAGIC));
        }
        if (format != FORMAT_VERSION) {
            throw new TableFormatException(where + " has format version " + format
                    + ", this reader supports only " + FORMAT_VERSION);
        }
        long actual = all.length - (long) HEADER_SIZE;
        if (length > MAX_PAYLOAD || length != actual) {
            throw new TableFormatException(where + (actual < length ? " is truncated" : " has a wrong length")
                    + ": header says " + length + " payload bytes, found " + actual);
        }
        if (crc(all, HEADER_SIZE, (int) length) != checksum) {
            throw new TableFormatException(where + " is corrupted: CRC-32 0x"
                    + Integer.toHexString(crc(all, HEADER_SIZE, (int) length)) + " does not match the header's 0x"
                    + Integer.toHexString(checksum));
        }
        return new PortTable(inflate(all, (int) length, where), where);
    }

    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
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

    private static byte[] inflate(byte[] all, int length, String where) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(all, HEADER_SIZE, length);
            // straight into one array (about twice the stored size fits the bundled table), grown
            // if needed, then trimmed: no intermediate buffer or stream
            byte[] out = new byte[Math.min(MAX_PAYLOAD, Math.max(1024, length * 2))];
            int size = 0;
            while (!inflater.finished()) {
                if (size == out.length) {
                    if (size == MAX_PAYLOAD) {
                        throw new TableFormatException(where + " is inconsistent: the payload inflates past "
                                + MAX_PAYLOAD + " bytes");
                    }
                    out = Arrays.copyOf(out, (int) Math.min(MAX_PAYLOAD, 2L * size));
                }
                int n = inflater.inflate(out, size, out.length - size);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new TableFormatException(where + " is inconsistent: the compressed payload ends early");
                }
                size += n;
            }
            if (inflater.getRemaining() != 0) {
                throw new TableFormatException(where + " has " + inflater.getRemaining()
                        + " unexpected bytes after the compressed payload");
            }
            return size == out.length ? out : Arrays.copyOf(out, size);
        } catch (DataFormatException e) {
            throw new TableFormatException(where + " is corrupted: the payload does not inflate: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static int crc(byte[] b) {
        return crc(b, 0, b.length);
    }

    private static int crc(byte[] b, int off, int len) {
        CRC32 crc = new CRC32();
        crc.update(b, off, len);
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
