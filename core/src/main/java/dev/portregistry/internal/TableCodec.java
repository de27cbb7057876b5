package dev.portregistry.internal;

import dev.portregistry.AlternateUse;
import dev.portregistry.DataVersion;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
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
 * indices, enum ordinals, port order or length are not exactly as written, and any string with a
 * control character or a line separator, which the compiler never writes.
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
    private static final int U16 = 0xFFFF;
    private static final LifecycleStatus[] STATUSES = LifecycleStatus.values();
    private static final UseKind[] KINDS = UseKind.values();
    private static final int ALL_TRANSPORTS = (1 << Transport.values().length) - 1;

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
     * @param in     the table; read to its end (or only its header, if that is not a port table's,
     *               and never more than {@link #MAX_PAYLOAD} payload bytes), not closed
     * @param source the name of the resource or file, used in error messages; not null
     * @return the content, never null
     * @throws TableFormatException naming the source and the problem if the table is missing,
     *                              damaged, truncated, too large, of another format or inconsistent
     */
    public static TableData read(InputStream in, String source) {
        if (in == null) {
            throw new TableFormatException("port table " + source + " is missing");
        }
        byte[] all;
        try {
            // the header first: a stream that is no table at all fails without being read further
            byte[] header = in.readNBytes(HEADER_SIZE);
            if (header.length < HEADER_SIZE || readInt(header, 0) != MAGIC
                    || (readInt(header, 4) >>> 16) != FORMAT_VERSION) {
                return read(header, source);
            }
            // then at most the largest payload and one byte: an endless stream cannot exhaust memory
            byte[] payload = in.readNBytes(MAX_PAYLOAD + 1);
            if (payload.length > MAX_PAYLOAD) {
                throw new TableFormatException("port table " + source + " is larger than any port table: more than "
                        + MAX_PAYLOAD + " payload bytes");
            }
            all = Arrays.copyOf(header, HEADER_SIZE + payload.length);
            System.arraycopy(payload, 0, all, HEADER_SIZE, payload.length);
        } catch (IOException e) {
            throw new TableFormatException("port table " + source + " could not be read: " + e.getMessage(), e);
        }
        return read(all, source);
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
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
        String where = "port table " + source;
        if (all.length < HEADER_SIZE) {
            throw new TableFormatException(where + " is truncated: " + all.length
                    + " bytes, expected at least the " + HEADER_SIZE + "-byte header");
        }
        DataInputStream header = new DataInputStream(new ByteArrayInputStream(all, 0, HEADER_SIZE));
        int magic;
        int format;
        long length;
        int checksum;
        try {
            magic = header.readInt();
            format = header.readUnsignedShort();
            length = header.readInt() & 0xFFFFFFFFL;
            checksum = header.readInt();
        } catch (IOException e) {
            throw new TableFormatException(where + ": header unreadable", e);
        }
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
        DataInputStream d = new DataInputStream(new ByteArrayInputStream(inflate(all, (int) length, where)));
        try {
            TableData table = readPayload(d, where);
            if (d.available() != 0) {
                throw new TableFormatException(where + " has " + d.available() + " unexpected bytes after the names");
            }
            return table;
        } catch (EOFException | UTFDataFormatException e) {
            throw new TableFormatException(where + " is inconsistent: payload ends early or holds a bad string", e);
        } catch (IOException e) {
            throw new TableFormatException(where + " could not be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new TableFormatException(where + " is inconsistent: " + e.getMessage(), e);
        }
    }

    private static TableData readPayload(DataInputStream d, String where) throws IOException {
        String officialSource = d.readUTF();
        LocalDate officialDate = LocalDate.parse(d.readUTF());
        String curatedRevision = d.readUTF();
        DataVersion version = new DataVersion(officialSource, officialDate, curatedRevision, FORMAT_VERSION);

        String[] strings = new String[d.readUnsignedShort()];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = d.readUTF();
            String problem = ServiceNames.textProblem(strings[i]);
            if (problem != null) {
                throw new TableFormatException(where + " is inconsistent: string " + i + " "
                        + ServiceNames.quote(strings[i]) + " " + problem + ", which no table text may");
            }
        }
        ServiceAssignment[] assignments = new ServiceAssignment[d.readUnsignedShort()];
        for (int i = 0; i < assignments.length; i++) {
            String name = at(strings, d.readUnsignedShort(), "string", where);
            String description = at(strings, d.readUnsignedShort(), "string", where);
            Set<Transport> transports = transports(d.readUnsignedByte(), where);
            LifecycleStatus status = at(STATUSES, d.readUnsignedByte(), "status", where);
            String note = at(strings, d.readUnsignedShort(), "string", where);
            assignments[i] = new ServiceAssignment(name, description, transports, status, note);
        }
        AlternateUse[] uses = new AlternateUse[d.readUnsignedShort()];
        for (int i = 0; i < uses.length; i++) {
            String name = at(strings, d.readUnsignedShort(), "string", where);
            String description = at(strings, d.readUnsignedShort(), "string", where);
            Set<Transport> transports = transports(d.readUnsignedByte(), where);
            UseKind kind = at(KINDS, d.readUnsignedByte(), "kind", where);
            int official = d.readInt();
            String basis = at(strings, d.readUnsignedShort(), "string", where);
            uses[i] = new AlternateUse(name, description, transports, kind,
                    official == NO_PORT ? OptionalInt.empty() : OptionalInt.of(official), basis);
        }
        int portCount = d.readInt();
        if (portCount < 0 || portCount > U16 + 1) {
            throw new TableFormatException(where + " is inconsistent: port count " + portCount + ", expected 0..65536");
        }
        List<PortInfo> ports = new ArrayList<>(portCount);
        int previous = -1;
        for (int i = 0; i < portCount; i++) {
            int port = d.readUnsignedShort();
            if (port <= previous) {
                throw new TableFormatException(where + " is inconsistent: port " + port + " follows " + previous);
            }
            previous = port;
            ServiceAssignment[] as = new ServiceAssignment[d.readUnsignedByte()];
            for (int j = 0; j < as.length; j++) {
                as[j] = at(assignments, d.readUnsignedShort(), "assignment", where);
            }
            AlternateUse[] us = new AlternateUse[d.readUnsignedByte()];
            for (int j = 0; j < us.length; j++) {
                us[j] = at(uses, d.readUnsignedShort(), "alternate use", where);
            }
            if (hasRepeats(as) || hasRepeats(us)) {
                throw new TableFormatException(where + " is inconsistent: port " + port
                        + " lists the same assignment or alternate use twice");
            }
            Integer[] related = new Integer[d.readUnsignedByte()];
            for (int j = 0; j < related.length; j++) {
                related[j] = d.readUnsignedShort();
            }
            ports.add(PortInfo.of(port, List.of(as), List.of(us), List.of(related)));
        }
        int nameCount = d.readInt();
        if (nameCount < 0 || nameCount > strings.length) {
            throw new TableFormatException(where + " is inconsistent: name count " + nameCount);
        }
        TreeMap<String, List<Integer>> names = new TreeMap<>();
        for (int i = 0; i < nameCount; i++) {
            String key = at(strings, d.readUnsignedShort(), "string", where);
            Integer[] list = new Integer[d.readUnsignedShort()];
            for (int j = 0; j < list.length; j++) {
                list[j] = d.readUnsignedShort();
            }
            if (names.put(key, List.of(list)) != null) {
                throw new TableFormatException(where + " is inconsistent: name \"" + key + "\" appears twice");
            }
        }
        return new TableData(version, ports, names);
    }

    private static <T> T at(T[] pool, int index, String what, String where) {
        if (index >= pool.length) {
            throw new TableFormatException(where + " is inconsistent: " + what + " index " + index
                    + " is out of bounds (pool of " + pool.length + ")");
        }
        return pool[index];
    }

    private static boolean hasRepeats(Object[] values) {
        return new HashSet<>(Arrays.asList(values)).size() != values.length;
    }

    private static Set<Transport> transports(int mask, String where) {
        if (mask == 0 || (mask & ~ALL_TRANSPORTS) != 0) {
            throw new TableFormatException(where + " is inconsistent: transport mask " + mask);
        }
        EnumSet<Transport> set = EnumSet.noneOf(Transport.class);
        for (Transport t : Transport.values()) {
            if ((mask & (1 << t.ordinal())) != 0) {
                set.add(t);
            }
        }
        return set;
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
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(length * 3, 1 << 20));
            byte[] buffer = new byte[16384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsDictionary()) {
                    throw new TableFormatException(where + " is inconsistent: the compressed payload asks for a preset"
                            + " dictionary, which a port table never uses");
                }
                if (n == 0 && inflater.needsInput()) {
                    throw new TableFormatException(where + " is inconsistent: the compressed payload ends early");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_PAYLOAD) {
                    throw new TableFormatException(where + " is inconsistent: the payload inflates past "
                            + MAX_PAYLOAD + " bytes");
                }
            }
            if (inflater.getRemaining() != 0) {
                throw new TableFormatException(where + " has " + inflater.getRemaining()
                        + " unexpected bytes after the compressed payload");
            }
            return out.toByteArray();
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
