package dev.portregistry.internal;

import dev.portregistry.AlternateUse;
import dev.portregistry.DataVersion;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.Inflater;

/**
 * The run-time reader of a compiled port table (layout in {@link TableCodec}): it opens a table
 * cheaply, then decodes it piece by piece: a port's record, an assignment, a chunk of strings or a
 * name's ports become objects only when first asked for, and each string and assignment is
 * decoded once and then shared. Internal: not part of the API, not exported by the module.
 *
 * <p>Why: a fresh JVM runs all of this in the interpreter, where every loop iteration costs, and
 * the first lookup should take a few milliseconds (numbers in {@code benchmarks/README.md}).
 * Opening checks the header and the CRC-32 of the whole stored table, inflates the index (not the
 * strings) and walks it once without looking inside the records: it checks the sections' sizes,
 * the string chunks' sizes and the port order, and notes where each port's record starts.
 *
 * <p>Everything else is checked where it is used, with the same rule in both places: a record
 * (an assignment, an alternate use, a port's lists: every index, enum ordinal, transport mask,
 * official port, repeated entry and related-port order) when it is first decoded; a chunk's
 * string sizes when it is first inflated; a string's text (well-formed modified UTF-8, one line of
 * plain text) when it is first decoded; the version strings and the official date when the
 * version is first asked for; the names section and the index's end when the names are first
 * needed; the name keys ({@link #checkNames()}) before the name index answers; a record's own
 * rules (such as an alternate use's name not blank) when it is made. {@link #verify()}, which {@link
 * TableCodec#read} and {@code PortRegistry.fromTable} call right after opening, makes every one of
 * those checks at once, plus that every alternate use has a name, and reports a failure as a
 * {@link TableFormatException}. The bundled table, which the build reads with {@link
 * TableCodec#read} ({@code BundledTableIsCurrentTest}) and the CRC-32 guards at run time, skips
 * {@code verify}: a table changed behind a valid checksum then fails the call that needs the bad
 * part with an IllegalStateException naming the table and the problem; no call answers from it
 * wrongly.
 *
 * <p>Thread-safe: the decoding methods are synchronized; the rest reads final fields.
 */
public final class PortTable {
    private static final int NO_PORT = -1;
    /** The largest announced payload that {@link #open(InputStream, String)} reads into an array made up front. */
    private static final int DIRECT_READ = 4 << 20;
    private static final LifecycleStatus[] STATUSES = LifecycleStatus.values();
    private static final UseKind[] KINDS = UseKind.values();
    private static final int ALL_TRANSPORTS = (1 << Transport.values().length) - 1;
    /** Size of one assignment in the index: u16 name, u16 description, u8 mask, u8 status, u16 note. */
    private static final int ASSIGNMENT_SIZE = 8;
    /** Size of one alternate use: u16 name, u16 description, u8 mask, u8 kind, i32 port, u16 basis. */
    private static final int USE_SIZE = 12;
    /** The ordinal of UNASSIGNED, the last status: no assignment can have it or any above. */
    private static final int UNASSIGNED = LifecycleStatus.UNASSIGNED.ordinal();
    private static final List<ServiceAssignment> NO_ASSIGNMENTS = List.of();
    private static final List<AlternateUse> NO_USES = List.of();
    private static final List<Integer> NO_PORTS = List.of();

    private final String where;
    /** The whole stored table, kept for the string chunks, which are inflated on demand. */
    private final byte[] stored;
    /** The inflated index. */
    private final byte[] indexData;
    /** Offset of each chunk's DEFLATE stream in {@link #stored}, its stored and its inflated length. */
    private final int[] chunkAt;
    private final int[] chunkStored;
    private final int[] chunkLength;
    /** Offset of the string lengths in the index. */
    private final int lengthsAt;
    /** Offset of the first assignment and of the first alternate use. */
    private final int assignmentsAt;
    private final int usesAt;
    /** The ports that have a record, ascending, and the offset of each record after its port number. */
    private final int[] dataPorts;
    private final int[] portAt;
    /** The number of names and the offset of the first name entry. */
    private final int nameCount;
    private final int namesAt;

    /** Under the lock: the version, each string's offset in its chunk (set when the chunk is inflated). */
    private DataVersion version;
    private final int[] stringAt;
    /** Under the lock: the offset of each name entry (its u16 key), in table order; null until first needed. */
    private int[] nameAt;
    /** Inflated chunks, decoded strings, assignments and uses by index; null until first needed. */
    private final byte[][] chunks;
    private final String[] strings;
    private final ServiceAssignment[] assignments;
    private final AlternateUse[] uses;
    /** Whether {@link #verify()} has passed. */
    private boolean verified;
    /** Whether {@link #checkNames()} has passed. */
    private boolean namesChecked;

    /**
     * Walks an inflated index once to find where its parts start, checking what the walk relies on.
     *
     * @param stored  the whole stored table, kept (not copied); not null
     * @param chunksAt offset in {@code stored} of the first string chunk
     * @param indexData the inflated index, kept (not copied); not null
     * @param where   "port table " and the table's name, for messages; not null
     * @throws TableFormatException naming the table and the problem if the index is inconsistent
     */
    private PortTable(byte[] stored, int chunksAt, byte[] indexData, String where) {
        this.where = where;
        this.stored = stored;
        this.indexData = indexData;
        // One pass in plain loops over local variables: a fresh JVM runs this in the interpreter,
        // where each call and field access costs. Reading past the end throws
        // ArrayIndexOutOfBoundsException, reported below as an index that ends early.
        byte[] b = indexData;
        int p = 0;
        try {
            for (int i = 0; i < 3; i++) { // source, date, revision: decoded and checked by version()
                p += 2 + u16(b, p);
            }
            checkEnd(p);

            int stringCount = u16(b, p);
            int chunkCount = u16(b, p + 2);
            p += 4;
            int expectedChunks = (stringCount + TableCodec.STRINGS_PER_CHUNK - 1) / TableCodec.STRINGS_PER_CHUNK;
            if (chunkCount != expectedChunks) {
                throw inconsistent(chunkCount + " string chunks for " + stringCount + " strings, expected "
                        + expectedChunks);
            }
            chunkAt = new int[chunkCount];
            chunkStored = new int[chunkCount];
            chunkLength = new int[chunkCount];
            long at = chunksAt;
            for (int c = 0; c < chunkCount; c++, p += 8) {
                chunkAt[c] = (int) at;
                chunkStored[c] = (u16(b, p) << 16) | u16(b, p + 2);
                chunkLength[c] = (u16(b, p + 4) << 16) | u16(b, p + 6);
                if (chunkStored[c] < 0 || chunkLength[c] < 0 || chunkLength[c] > TableCodec.MAX_PAYLOAD) {
                    throw inconsistent("string chunk " + c + " has stored length " + chunkStored[c]
                            + " and length " + chunkLength[c]);
                }
                at += chunkStored[c];
            }
            if (at < stored.length) {
                throw new TableFormatException(where + " has " + (stored.length - at)
                        + " unexpected bytes after the compressed string chunks");
            }
            if (at != stored.length) {
                throw inconsistent("the string chunks end at byte " + at + " of " + stored.length);
            }
            checkEnd(p);
            lengthsAt = p;
            p += 2 * stringCount; // each chunk's lengths are added up when it is inflated
            checkEnd(p);
            chunks = new byte[chunkCount][];
            strings = new String[stringCount];
            stringAt = new int[stringCount];

            int assignmentCount = u16(b, p);
            p += 2;
            assignmentsAt = p;
            p += assignmentCount * ASSIGNMENT_SIZE;
            checkEnd(p);
            assignments = new ServiceAssignment[assignmentCount];

            int useCount = u16(b, p);
            p += 2;
            usesAt = p;
            p += useCount * USE_SIZE;
            checkEnd(p);
            uses = new AlternateUse[useCount];

            int portCount = (u16(b, p) << 16) | u16(b, p + 2);
            p += 4;
            if (portCount < 0 || portCount > 0x10000) {
                throw inconsistent("port count " + portCount + ", expected 0..65536");
            }
            dataPorts = new int[portCount];
            portAt = new int[portCount];
            int previous = -1;
            for (int i = 0; i < portCount; i++) {
                int port = ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
                p += 2;
                if (port <= previous) { // the lookup's binary search relies on it
                    throw inconsistent("port " + port + " follows " + previous);
                }
                previous = port;
                dataPorts[i] = port;
                portAt[i] = p;
                p += 1 + 2 * (b[p] & 0xFF); // assignments, uses and related ports: checked by the decode
                p += 1 + 2 * (b[p] & 0xFF);
                p += 1 + 2 * (b[p] & 0xFF);
            }
            checkEnd(p);

            nameCount = (u16(b, p) << 16) | u16(b, p + 2);
            p += 4;
            if (nameCount < 0 || nameCount > stringCount) {
                throw inconsistent("name count " + nameCount + ", expected 0.." + stringCount);
            }
            checkEnd(p);
            namesAt = p; // walked, with the index's end, when the names are first needed
        } catch (ArrayIndexOutOfBoundsException e) {
            throw endsEarly(e);
        }
    }

    // ---------------------------------------------------------------- checks of the records, decode and verify()

    /**
     * Checks the i-th assignment record, i in the pool (checkPortRecord): string indices, mask and
     * status. A decode calls it once, before the record is made and kept; verify() for every record.
     */
    private void checkAssignment(int i) {
        byte[] b = indexData;
        int p = assignmentsAt + i * ASSIGNMENT_SIZE;
        int name = u16(b, p);
        int description = u16(b, p + 2);
        int mask = b[p + 4] & 0xFF;
        int status = b[p + 5] & 0xFF;
        int note = u16(b, p + 6);
        int stringCount = strings.length;
        if (name >= stringCount || description >= stringCount || note >= stringCount
                || mask == 0 || mask > ALL_TRANSPORTS || status >= UNASSIGNED) {
            throw inconsistent("assignment " + i + ": " + badRecord(new int[] {name, description, note},
                    stringCount, mask, status, STATUSES.length, "status"));
        }
    }

    /** Checks the i-th alternate use record, as checkAssignment does: string indices, mask, kind and official port. */
    private void checkUse(int i) {
        byte[] b = indexData;
        int p = usesAt + i * USE_SIZE;
        int name = u16(b, p);
        int description = u16(b, p + 2);
        int mask = b[p + 4] & 0xFF;
        int kind = b[p + 5] & 0xFF;
        int official = (u16(b, p + 6) << 16) | u16(b, p + 8);
        int basis = u16(b, p + 10);
        int stringCount = strings.length;
        if (name >= stringCount || description >= stringCount || basis >= stringCount
                || mask == 0 || mask > ALL_TRANSPORTS || kind >= KINDS.length
                || official < NO_PORT || official > 0xFFFF) {
            String problem = official < NO_PORT || official > 0xFFFF
                    ? "official port " + official + " is out of range 0..65535"
                    : badRecord(new int[] {name, description, basis}, stringCount, mask, kind, KINDS.length, "kind");
            throw inconsistent("alternate use " + i + ": " + problem);
        }
    }

    /**
     * Checks the lists of the i-th port record: every assignment and use index in its pool and once,
     * the related ports ascending and without the port itself.
     */
    private void checkPortRecord(int i) {
        byte[] b = indexData;
        int port = dataPorts[i];
        int p = portAt[i];
        int listAt = p + 1;
        for (int n = b[p++] & 0xFF; n > 0; n--, p += 2) {
            int index = u16(b, p);
            if (index >= assignments.length) {
                throw inconsistent("port " + port + ": assignment index " + index
                        + " is out of bounds (pool of " + assignments.length + ")");
            }
            checkNoRepeat(b, listAt, p, port);
        }
        listAt = p + 1;
        for (int n = b[p++] & 0xFF; n > 0; n--, p += 2) {
            int index = u16(b, p);
            if (index >= uses.length) {
                throw inconsistent("port " + port + ": alternate use index " + index
                        + " is out of bounds (pool of " + uses.length + ")");
            }
            checkNoRepeat(b, listAt, p, port);
        }
        int last = -1;
        for (int n = b[p++] & 0xFF; n > 0; n--, p += 2) {
            int related = u16(b, p);
            if (related <= last || related == port) {
                throw inconsistent("relatedPorts of port " + port
                        + " must be ascending, unique and exclude the port itself");
            }
            last = related;
        }
    }

    /**
     * The offset of each name entry, found by walking the names section on first use, which also
     * checks each key's string index and that the index ends right after the names.
     */
    private int[] nameOffsets() {
        int[] offsets = nameAt;
        if (offsets == null) {
            byte[] b = indexData;
            offsets = new int[nameCount];
            int p = namesAt;
            try {
                for (int i = 0; i < offsets.length; i++) {
                    offsets[i] = p;
                    int key = u16(b, p);
                    if (key >= strings.length) {
                        throw inconsistent("name " + i + ": string index " + key + " is out of bounds (pool of "
                                + strings.length + ")");
                    }
                    p += 4 + 2 * u16(b, p + 2);
                }
                checkEnd(p);
            } catch (ArrayIndexOutOfBoundsException e) {
                throw endsEarly(e);
            }
            if (p != b.length) {
                throw new TableFormatException(where + " has " + (b.length - p) + " unexpected bytes after the names");
            }
            nameAt = offsets;
        }
        return offsets;
    }

    // ---------------------------------------------------------------- opening

    /**
     * Opens a table: checks its header, its CRC-32 and its index.
     *
     * @param all    the table bytes, kept (not copied); not null
     * @param source the name of the resource or file, used in error messages; not null
     * @return the table, never null
     * @throws TableFormatException naming the source and the problem if the table is damaged,
     *                              truncated, of another format or inconsistent
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
        if (all.length < indexAt) {
            throw new TableFormatException(where + " is inconsistent: the table ends early, before the index");
        }
        long indexStored = int32(all, TableCodec.HEADER_SIZE) & 0xFFFFFFFFL;
        int indexLength = int32(all, TableCodec.HEADER_SIZE + 4);
        if (indexLength < 0 || indexLength > TableCodec.MAX_PAYLOAD) {
            throw new TableFormatException(where + " is inconsistent: the index would inflate past "
                    + TableCodec.MAX_PAYLOAD + " bytes (it records " + (indexLength & 0xFFFFFFFFL) + ")");
        }
        if (indexStored > all.length - indexAt) {
            throw new TableFormatException(where + " is inconsistent: index of " + indexStored
                    + " stored bytes and " + indexLength + " bytes in a table of " + all.length);
        }
        byte[] index = inflate(all, indexAt, (int) indexStored, indexLength, where);
        return new PortTable(all, indexAt + (int) indexStored, index, where);
    }

    /**
     * Opens a table read from a stream.
     *
     * @param in     the table; read to its end, not closed; null stands for a missing resource
     * @param source the name of the resource or file, used in error messages; not null
     * @return the table, never null
     * @throws TableFormatException naming the source and the problem if the table is missing,
     *                              unreadable, damaged, truncated, of another format or inconsistent
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
            // then the payload the header announces, straight into the table's array, if no table can
            // be larger; then one more byte, which must not be there
            long length = int32(header, 6) & 0xFFFFFFFFL;
            int expected = (int) Math.min(length, TableCodec.MAX_PAYLOAD);
            int got;
            if (expected <= DIRECT_READ) {
                all = Arrays.copyOf(header, TableCodec.HEADER_SIZE + expected);
                got = in.readNBytes(all, TableCodec.HEADER_SIZE, expected);
            } else { // a header may announce anything: an array that large only as the bytes arrive
                byte[] payload = in.readNBytes(expected);
                got = payload.length;
                all = Arrays.copyOf(header, TableCodec.HEADER_SIZE + got);
                System.arraycopy(payload, 0, all, TableCodec.HEADER_SIZE, got);
            }
            if (got < expected) {
                all = Arrays.copyOf(all, TableCodec.HEADER_SIZE + got); // open() names it truncated
            } else {
                int next = in.read();
                if (next >= 0) { // more than announced: at most the largest payload and one byte in all
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

    /** Inflates one DEFLATE stream of a known inflated length, which it must have exactly. */
    private static byte[] inflate(byte[] all, int at, int storedLength, int length, String where) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(all, at, storedLength);
            byte[] out = new byte[length];
            int n = 0;
            byte[] spare = null;
            while (!inflater.finished()) {
                int got;
                if (n < length) {
                    got = inflater.inflate(out, n, length - n);
                } else { // all recorded bytes are in (perhaps none): the stream must end here
                    spare = spare == null ? new byte[1] : spare;
                    if (inflater.inflate(spare) > 0) {
                        throw new TableFormatException(where + " is inconsistent: a compressed part inflates past its "
                                + length + " recorded bytes");
                    }
                    got = 0;
                }
                if (got == 0 && inflater.needsDictionary()) {
                    throw new TableFormatException(where + " is inconsistent: a compressed part asks for a preset"
                            + " dictionary, which a port table never uses");
                }
                if (got == 0 && !inflater.finished() && inflater.needsInput()) {
                    throw new TableFormatException(where + " is inconsistent: a compressed part ends early");
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

    private static int int32(byte[] b, int at) {
        return (u16(b, at) << 16) | u16(b, at + 2);
    }

    // ---------------------------------------------------------------- reading

    /**
     * Returns the data version, decoded and checked on the first call.
     *
     * @return the version, never null
     * @throws IllegalStateException naming the table if a version string or the date is bad (only a
     *                               table that skipped {@link #verify()})
     */
    public synchronized DataVersion version() {
        try {
            return decodeVersion();
        } catch (TableFormatException e) {
            throw broken(e);
        }
    }

    private DataVersion decodeVersion() {
        if (version == null) {
            byte[] b = indexData;
            int[] at = new int[3]; // source, date, revision
            for (int i = 0, p = 0; i < 3; i++, p += 2 + u16(b, p)) {
                at[i] = p;
                if (textCheck(b, p + 2, u16(b, p)) != TEXT_OK) {
                    throw inconsistent("version string " + i + " holds a bad string: not well-formed modified UTF-8"
                            + " or a control character");
                }
            }
            try {
                version = DataVersion.of(utf(at[0]), date(utf(at[1])), utf(at[2]));
            } catch (IllegalArgumentException e) {
                throw inconsistent(e.getMessage());
            }
        }
        return version;
    }

    /**
     * Returns how many ports have a record (any data).
     *
     * @return 0 to 65,536
     */
    public int portCount() {
        return dataPorts.length;
    }

    /**
     * Returns the i-th port that has a record, ascending.
     *
     * @param i 0 to {@link #portCount()} - 1
     * @return the port
     */
    public int dataPort(int i) {
        return dataPorts[i];
    }

    /**
     * Decodes one port: its record if it has one, else an UNASSIGNED record with empty lists.
     * Each call returns a new {@code PortInfo}; the assignments, uses and strings in it are shared.
     *
     * @param port 0 to 65535
     * @return the port's record, never null
     */
    public synchronized PortInfo port(int port) {
        try {
            return decodePort(port);
        } catch (TableFormatException e) { // a record or chunk check: only a table that skipped verify()
            throw broken(e);
        } catch (IllegalArgumentException e) { // a record constructor's check, likewise
            throw new IllegalStateException(where + " is inconsistent: " + e.getMessage(), e);
        }
    }

    private PortInfo decodePort(int port) {
        int i = Arrays.binarySearch(dataPorts, port);
        if (i < 0) {
            return PortInfo.of(port, NO_ASSIGNMENTS, NO_USES, NO_PORTS);
        }
        checkPortRecord(i);
        byte[] b = indexData;
        int at = portAt[i];
        int n = b[at++] & 0xFF;
        List<ServiceAssignment> as = NO_ASSIGNMENTS;
        if (n > 0) {
            ServiceAssignment[] a = new ServiceAssignment[n];
            for (int j = 0; j < n; j++, at += 2) {
                a[j] = assignment(u16(b, at));
            }
            as = List.of(a);
        }
        n = b[at++] & 0xFF;
        List<AlternateUse> us = NO_USES;
        if (n > 0) {
            AlternateUse[] u = new AlternateUse[n];
            for (int j = 0; j < n; j++, at += 2) {
                u[j] = use(u16(b, at));
            }
            us = List.of(u);
        }
        n = b[at++] & 0xFF;
        List<Integer> related = NO_PORTS;
        if (n > 0) {
            Integer[] r = new Integer[n];
            for (int j = 0; j < n; j++, at += 2) {
                r[j] = u16(b, at);
            }
            related = List.of(r);
        }
        return PortInfo.of(port, as, us, related);
    }

    /**
     * Returns how many names the table resolves.
     *
     * @return the count
     */
    public int nameCount() {
        return nameCount;
    }

    /**
     * Decodes the i-th name key, in table order (ascending and lower case in a table our writer
     * wrote; {@link #toTableData()} checks that).
     *
     * @param i 0 to {@link #nameCount()} - 1
     * @return the key, never null
     */
    public synchronized String name(int i) {
        try {
            return string(u16(indexData, nameOffsets()[i]));
        } catch (TableFormatException e) {
            throw broken(e);
        }
    }

    /**
     * Decodes the ports of the i-th name, in answer order (official ports first).
     *
     * @param i 0 to {@link #nameCount()} - 1
     * @return a new array of ports, never null
     */
    public synchronized int[] namePorts(int i) {
        int at;
        try {
            at = nameOffsets()[i] + 2;
        } catch (TableFormatException e) {
            throw broken(e);
        }
        int[] ports = new int[u16(indexData, at)];
        for (int j = 0; j < ports.length; j++) {
            ports[j] = u16(indexData, at + 2 + 2 * j);
        }
        return ports;
    }

    /**
     * Decodes everything, for the compiler and the tools, after {@link #verify()}.
     *
     * @return the content, never null
     * @throws TableFormatException naming the table and the problem
     */
    public synchronized TableData toTableData() {
        verify();
        List<PortInfo> ports = new ArrayList<>(dataPorts.length);
        for (int port : dataPorts) {
            ports.add(port(port));
        }
        TreeMap<String, List<Integer>> names = new TreeMap<>();
        for (int i = 0; i < nameCount; i++) {
            String key = name(i);
            int[] p = namePorts(i);
            Integer[] boxed = new Integer[p.length];
            for (int j = 0; j < p.length; j++) {
                boxed[j] = p[j];
            }
            names.put(key, List.of(boxed));
        }
        try {
            return new TableData(decodeVersion(), ports, names);
        } catch (IllegalArgumentException e) {
            throw inconsistent(e.getMessage());
        }
    }

    // ---------------------------------------------------------------- decoding, under the lock

    private ServiceAssignment assignment(int index) {
        ServiceAssignment a = assignments[index];
        if (a == null) {
            checkAssignment(index);
            byte[] b = indexData;
            int at = assignmentsAt + index * ASSIGNMENT_SIZE;
            a = ServiceAssignment.builder().name(string(u16(b, at))).description(string(u16(b, at + 2)))
                    .transports(transports(b[at + 4] & 0xFF)).status(STATUSES[b[at + 5] & 0xFF])
                    .reason(string(u16(b, at + 6))).build();
            assignments[index] = a;
        }
        return a;
    }

    private AlternateUse use(int index) {
        AlternateUse u = uses[index];
        if (u == null) {
            checkUse(index);
            byte[] b = indexData;
            int at = usesAt + index * USE_SIZE;
            int official = (u16(b, at + 6) << 16) | u16(b, at + 8);
            AlternateUse.Builder ub = AlternateUse.builder().name(string(u16(b, at))).description(string(u16(b, at + 2)))
                    .transports(transports(b[at + 4] & 0xFF)).kind(KINDS[b[at + 5] & 0xFF]).basis(string(u16(b, at + 10)));
            if (official != NO_PORT) {
                ub.officialPort(official);
            }
            u = ub.build();
            uses[index] = u;
        }
        return u;
    }

    private String string(int index) {
        String s = strings[index];
        if (s == null) {
            byte[] chunk = chunk(index / TableCodec.STRINGS_PER_CHUNK);
            int at = stringAt[index];
            int length = length(index);
            if (!printableAscii(chunk, at, length)) { // the text rules, for the few strings that need a look
                checkString(index, chunk);
            }
            s = utf(chunk, at, length);
            strings[index] = s;
        }
        return s;
    }

    /** Whether every byte is printable ASCII (0x20..0x7E), which passes the text rules as it is. */
    private static boolean printableAscii(byte[] b, int start, int length) {
        for (int k = start, end = start + length; k < end; k++) {
            byte c = b[k];
            if (c < 0x20 || c == 0x7F) { // a negative byte, above 0x7F, is below 0x20 too
                return false;
            }
        }
        return true;
    }

    private int length(int index) {
        return u16(indexData, lengthsAt + 2 * index);
    }

    /** Inflates a string chunk on its first use. */
    private byte[] chunk(int c) {
        byte[] chunk = chunks[c];
        if (chunk == null) {
            try {
                chunk = inflateChunk(c);
            } catch (TableFormatException e) {
                // left by opening to verify() (see the class comment), which this table skipped
                throw new IllegalStateException(e.getMessage() + " (string chunk " + c + ")", e);
            }
        }
        return chunk;
    }

    /**
     * Notes where each string of a chunk starts, checking that their lengths add up to the chunk's,
     * inflates the chunk and keeps it.
     */
    private byte[] inflateChunk(int c) {
        int first = c * TableCodec.STRINGS_PER_CHUNK;
        int last = Math.min(strings.length, first + TableCodec.STRINGS_PER_CHUNK);
        byte[] b = indexData;
        int offset = 0;
        for (int i = first, p = lengthsAt + 2 * first; i < last; i++, p += 2) {
            stringAt[i] = offset;
            offset += ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
        }
        if (offset != chunkLength[c]) {
            throw inconsistent("the strings of chunk " + c + " add up to " + offset + " bytes, the chunk to "
                    + chunkLength[c]);
        }
        byte[] chunk = inflate(stored, chunkAt[c], chunkStored[c], chunkLength[c], where);
        chunks[c] = chunk; // its strings are checked one by one when decoded, all of them by verify()
        return chunk;
    }

    /** A check that failed on a table that skipped {@link #verify()}, as the API reports it. */
    private static IllegalStateException broken(TableFormatException e) {
        return new IllegalStateException(e.getMessage(), e);
    }

    /** Decodes the modified UTF-8 string at {@code at} in the index (the three version strings). */
    private String utf(int at) {
        return utf(indexData, at + 2, u16(indexData, at));
    }

    /**
     * Decodes modified UTF-8. Never fails: a byte that does not start a well-formed sequence
     * becomes U+FFFD ({@link #verify} rejects such a table).
     */
    private static String utf(byte[] b, int start, int length) {
        int end = start + length;
        int k = start;
        while (k < end && b[k] >= 0) {
            k++;
        }
        if (k == end) {
            return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
        }
        char[] out = new char[end - start];
        int n = 0;
        for (k = start; k < end; ) {
            int c = b[k] & 0xFF;
            if (c < 0x80) {
                out[n++] = (char) c;
                k++;
            } else if ((c & 0xE0) == 0xC0 && k + 1 < end && (b[k + 1] & 0xC0) == 0x80) {
                out[n++] = (char) (((c & 0x1F) << 6) | (b[k + 1] & 0x3F));
                k += 2;
            } else if ((c & 0xF0) == 0xE0 && k + 2 < end && (b[k + 1] & 0xC0) == 0x80 && (b[k + 2] & 0xC0) == 0x80) {
                out[n++] = (char) (((c & 0x0F) << 12) | ((b[k + 1] & 0x3F) << 6) | (b[k + 2] & 0x3F));
                k += 3;
            } else {
                out[n++] = '\uFFFD';
                k++;
            }
        }
        return new String(out, 0, n);
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    /** The message for an assignment or use record that failed the open check (the failure path only). */
    private static String badRecord(int[] stringIndices, int stringCount, int mask, int ordinal, int ordinals,
                                    String ordinalName) {
        for (int index : stringIndices) {
            if (index >= stringCount) {
                return "string index " + index + " is out of bounds (pool of " + stringCount + ")";
            }
        }
        if (mask == 0 || mask > ALL_TRANSPORTS) {
            return "transport mask " + mask + ", expected 1.." + ALL_TRANSPORTS;
        }
        if (ordinal >= ordinals) {
            return ordinalName + " index " + ordinal + " is out of bounds (pool of " + ordinals + ")";
        }
        return "has status UNASSIGNED: expected an assignment or RESERVED status";
    }

    /** Fails if the u16 at {@code at} already appears in the list of u16s from {@code from}. */
    private void checkNoRepeat(byte[] b, int from, int at, int port) {
        for (int k = from; k < at; k += 2) {
            if (b[k] == b[at] && b[k + 1] == b[at + 1]) {
                throw inconsistent("port " + port + " lists the same assignment or alternate use twice");
            }
        }
    }

    // ---------------------------------------------------------------- checks of the text

    /**
     * Checks everything that opening a table leaves to the first use: the version strings and the
     * official date; every assignment, alternate use and port record (indices, ordinals, masks,
     * official ports, repeats, related-port order); the names section and the index's end; that
     * every string chunk inflates to its recorded length and its strings add up to it, every string
     * is well-formed modified UTF-8 and one line of plain text (no control character, no line or
     * paragraph separator); every alternate use has a name, and the name keys are well-formed
     * ({@link ServiceNames}), lower case, unique, ascending and each list one or more ports, each
     * once. Plain loops; the chunks stay inflated for the lookups that follow. Idempotent.
     *
     * @return this table, checked
     * @throws TableFormatException naming the table and the problem
     */
    public synchronized PortTable verify() {
        if (verified) {
            return this;
        }
        decodeVersion();
        for (int i = 0; i < assignments.length; i++) {
            checkAssignment(i);
        }
        for (int i = 0; i < uses.length; i++) {
            checkUse(i);
        }
        for (int i = 0; i < dataPorts.length; i++) {
            checkPortRecord(i);
        }
        nameOffsets();
        for (int c = 0; c < chunks.length; c++) {
            checkText(c, chunks[c] == null ? inflateChunk(c) : chunks[c]);
        }
        for (int i = 0; i < uses.length; i++) {
            if (string(u16(indexData, usesAt + i * USE_SIZE)).isBlank()) {
                throw inconsistent("alternate use " + i + ": alternate use name \"\" is blank");
            }
        }
        checkNames();
        verified = true;
        return this;
    }

    /**
     * Checks the strings of one inflated chunk (well-formed, one line of plain text); the chunk is
     * not yet stored in {@link #chunks}.
     */
    private void checkText(int c, byte[] chunk) {
        int last = Math.min(stringAt.length, (c + 1) * TableCodec.STRINGS_PER_CHUNK);
        for (int i = c * TableCodec.STRINGS_PER_CHUNK; i < last; i++) {
            checkString(i, chunk);
        }
    }

    /** Checks one string of an inflated chunk: well-formed modified UTF-8, one line of plain text. */
    private void checkString(int i, byte[] chunk) {
        int check = textCheck(chunk, stringAt[i], length(i));
        if (check == TEXT_MALFORMED) {
            throw inconsistent("string " + i + " is a bad string: not well-formed modified UTF-8");
        }
        if (check == TEXT_CONTROL) {
            String text = utf(chunk, stringAt[i], length(i));
            String problem = ServiceNames.textProblem(text);
            throw inconsistent("string " + i + " " + ServiceNames.quote(text) + " "
                    + (problem != null ? problem : "holds a control character") + ", which no table text may");
        }
    }

    /**
     * Checks the name keys: well-formed ({@link ServiceNames}), lower case, unique, ascending, and
     * each listing one or more ports, each once. {@link #verify()} runs it; so does the name index of
     * a registry, before its first answer, for a table opened without {@code verify}.
     *
     * @throws TableFormatException naming the table and the name
     */
    public synchronized void checkNames() {
        if (namesChecked) {
            return;
        }
        int[] offsets = nameOffsets();
        byte[] b = indexData;
        // the keys as bytes where they can be: in a fresh JVM's interpreter each String call costs
        byte[] previousChunk = null;
        int previousAt = 0;
        int previousLength = 0;
        boolean previousPlain = false;
        int previousIndex = -1;
        for (int i = 0; i < offsets.length; i++) {
            int index = u16(b, offsets[i]);
            byte[] chunk = chunk(index / TableCodec.STRINGS_PER_CHUNK);
            int at = stringAt[index];
            int length = length(index);
            boolean plain = plainLowerCaseAscii(chunk, at, length); // then it obeys both rules as it is
            if (!plain) {
                String key = string(index);
                String problem = ServiceNames.problem(key);
                if (problem != null) {
                    throw inconsistent("name " + ServiceNames.quote(key) + " " + problem
                            + ": expected a name that a query can reach");
                }
                if (!key.equals(key.toLowerCase(java.util.Locale.ROOT))) {
                    throw inconsistent("name " + ServiceNames.quote(key) + " is not lower case");
                }
            }
            if (previousIndex >= 0) {
                int order = plain && previousPlain
                        ? compareAscii(previousChunk, previousAt, previousLength, chunk, at, length)
                        : string(index).compareTo(string(previousIndex));
                if (order <= 0) {
                    throw inconsistent("name " + ServiceNames.quote(string(index)) + (order == 0 ? " appears twice"
                            : " follows " + ServiceNames.quote(string(previousIndex)) + ": names must be ascending"));
                }
            }
            previousChunk = chunk;
            previousAt = at;
            previousLength = length;
            previousPlain = plain;
            previousIndex = index;
            int portsAt = offsets[i] + 2;
            int count = u16(b, portsAt);
            boolean repeats = false;
            for (int j = 1; j < count && !repeats; j++) {
                for (int k = 0; k < j; k++) {
                    repeats |= b[portsAt + 2 + 2 * k] == b[portsAt + 2 + 2 * j]
                            && b[portsAt + 3 + 2 * k] == b[portsAt + 3 + 2 * j];
                }
            }
            if (count == 0 || repeats) {
                throw inconsistent("name " + ServiceNames.quote(string(index)) + " lists ports "
                        + Arrays.toString(namePorts(i)) + ": expected at least one port, each once");
            }
        }
        namesChecked = true;
    }

    /**
     * Whether a name key's modified UTF-8 is 1 to {@link ServiceNames#MAX_LENGTH} bytes of printable
     * ASCII without upper-case letters, not beginning or ending with a space: such a key obeys
     * {@link ServiceNames#problem} and is lower case.
     */
    private static boolean plainLowerCaseAscii(byte[] b, int at, int length) {
        if (length == 0 || length > ServiceNames.MAX_LENGTH || b[at] == ' ' || b[at + length - 1] == ' ') {
            return false;
        }
        for (int k = at, end = at + length; k < end; k++) {
            byte c = b[k];
            if (c < 0x20 || c == 0x7F || c >= 'A' && c <= 'Z') { // a negative byte is below 0x20 too
                return false;
            }
        }
        return true;
    }

    /** Compares two ASCII strings given as bytes, as String.compareTo does. */
    private static int compareAscii(byte[] a, int aAt, int aLength, byte[] b, int bAt, int bLength) {
        for (int k = 0, n = Math.min(aLength, bLength); k < n; k++) {
            int d = b[bAt + k] - a[aAt + k];
            if (d != 0) {
                return d;
            }
        }
        return bLength - aLength;
    }

    private static final int TEXT_OK = 0;
    private static final int TEXT_MALFORMED = 1;
    private static final int TEXT_CONTROL = 2;

    /**
     * Checks modified UTF-8 as {@code DataInputStream.readUTF} accepts it, and that it decodes to no
     * control character (U+0000..U+001F, U+007F..U+009F) and no U+2028 or U+2029.
     */
    private static int textCheck(byte[] b, int start, int length) {
        int end = start + length;
        for (int k = start; k < end; ) {
            int c = b[k] & 0xFF;
            int ch;
            if (c < 0x80) {
                ch = c;
                k++;
            } else if ((c & 0xE0) == 0xC0 && k + 1 < end && (b[k + 1] & 0xC0) == 0x80) {
                ch = ((c & 0x1F) << 6) | (b[k + 1] & 0x3F);
                k += 2;
            } else if ((c & 0xF0) == 0xE0 && k + 2 < end && (b[k + 1] & 0xC0) == 0x80 && (b[k + 2] & 0xC0) == 0x80) {
                ch = ((c & 0x0F) << 12) | ((b[k + 1] & 0x3F) << 6) | (b[k + 2] & 0x3F);
                k += 3;
            } else {
                return TEXT_MALFORMED;
            }
            if (ch < 0x20 || ch >= 0x7F && ch <= 0x9F || ch == 0x2028 || ch == 0x2029) {
                return TEXT_CONTROL;
            }
        }
        return TEXT_OK;
    }

    // ---------------------------------------------------------------- checks, while opening

    /**
     * Parses an ISO date: the usual {@code yyyy-mm-dd} with {@code LocalDate.of}, which does not
     * load the date-time formatters {@code LocalDate.parse} needs (about a millisecond in a fresh
     * JVM); anything else with {@code LocalDate.parse}.
     */
    private LocalDate date(String text) {
        try {
            if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
                int year = digits(text, 0, 4);
                int month = digits(text, 5, 7);
                int day = digits(text, 8, 10);
                if (year >= 0 && month >= 0 && day >= 0) {
                    return LocalDate.of(year, month, day);
                }
            }
            return LocalDate.parse(text);
        } catch (RuntimeException e) { // DateTimeException, caught by its superclass: one class less to load
            throw inconsistent("official date \"" + text + "\" is not an ISO date: " + e.getMessage());
        }
    }

    /** The number written in a range of decimal digits, or -1 if another character is there. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    private void checkEnd(int p) {
        if (p > indexData.length) {
            throw endsEarly(null);
        }
    }

    private TableFormatException endsEarly(RuntimeException cause) {
        return new TableFormatException(where + " is inconsistent: the index ends early", cause);
    }

    private TableFormatException inconsistent(String what) {
        return new TableFormatException(where + " is inconsistent: " + what);
    }

    /**
     * The transports of a mask, as a new set: the record constructors keep a shared immutable copy
     * instead (a cache here would be one more class to load in a fresh JVM, for nothing).
     */
    private static Set<Transport> transports(int mask) {
        EnumSet<Transport> set = EnumSet.noneOf(Transport.class);
        for (Transport t : Transport.values()) {
            if ((mask & (1 << t.ordinal())) != 0) {
                set.add(t);
            }
        }
        return set;
    }
}
