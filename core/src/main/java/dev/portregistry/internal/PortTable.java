package dev.portregistry.internal;

import dev.portregistry.AlternateUse;
import dev.portregistry.DataVersion;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * The inflated payload of a port table (layout in {@link TableCodec}), checked when it is opened
 * and decoded piece by piece afterwards: a port's record, a string, an assignment or a name's
 * ports become objects only when first asked for, and each string and assignment is decoded once
 * and then shared. Internal: not part of the API, not exported by the module.
 *
 * <p>Why: decoding all 65,536 records up front costs a fresh JVM several times what its first
 * answer needs (numbers in {@code benchmarks/README.md}). Opening walks the payload once, in plain
 * loops, to note where each string, port and name starts and to check everything a decode relies
 * on: every length, index, enum ordinal, transport mask, port order, related-port order and the
 * official date. So a table that opens cannot make a later lookup fail.
 *
 * <p>Two checks are left to {@link #toTableData()} (that is, to {@link TableCodec#read}, which
 * the compiler and the tools use) because a lookup does not depend on them and they would cost a
 * fresh JVM a pass over every byte of every string: that each string is well-formed modified
 * UTF-8 (run-time decoding maps a malformed byte to U+FFFD instead of failing), and that the name
 * keys are lower case, unique and ascending (the name index tolerates any order). The table's
 * CRC-32, checked before any of this, is what catches damage.
 *
 * <p>Thread-safe: the decoding methods are synchronized; the rest reads final fields.
 */
public final class PortTable {
    private static final int NO_PORT = -1;
    private static final LifecycleStatus[] STATUSES = LifecycleStatus.values();
    private static final UseKind[] KINDS = UseKind.values();
    private static final int ALL_TRANSPORTS = (1 << Transport.values().length) - 1;
    /** Size of one assignment in the payload: u16 name, u16 description, u8 mask, u8 status, u16 note. */
    private static final int ASSIGNMENT_SIZE = 8;
    /** Size of one alternate use: u16 name, u16 description, u8 mask, u8 kind, i32 port, u16 basis. */
    private static final int USE_SIZE = 12;
    /** The ordinal of UNASSIGNED, the last status: no assignment can have it or any above. */
    private static final int UNASSIGNED = LifecycleStatus.UNASSIGNED.ordinal();
    private static final List<ServiceAssignment> NO_ASSIGNMENTS = List.of();
    private static final List<AlternateUse> NO_USES = List.of();
    private static final List<Integer> NO_PORTS = List.of();

    private final String where;
    private final byte[] payload;
    private final DataVersion version;
    /** Offset of each pooled string's u16 length. */
    private final int[] stringAt;
    /** Offset of the first assignment and of the first alternate use. */
    private final int assignmentsAt;
    private final int usesAt;
    /** The ports that have a record, ascending, and the offset of each record after its port number. */
    private final int[] dataPorts;
    private final int[] portAt;
    /** Offset of each name entry (its u16 key), in table order. */
    private final int[] nameAt;

    /** Decoded strings, assignments and uses by pool index; null until first needed. */
    private final String[] strings;
    private final ServiceAssignment[] assignments;
    private final AlternateUse[] uses;

    /**
     * Checks an inflated payload and notes where its parts start.
     *
     * @param payload the inflated payload, kept (not copied); not null
     * @param where   "port table " and the table's name, for messages; not null
     * @throws TableFormatException naming the table and the problem if the payload is inconsistent
     */
    PortTable(byte[] payload, String where) {
        this.where = where;
        this.payload = payload;
        // One pass in plain loops over local variables: a fresh JVM runs this in the interpreter,
        // where each call and field access costs. Reading past the end throws
        // ArrayIndexOutOfBoundsException, reported below as a payload that ends early.
        byte[] b = payload;
        int p = 0;
        try {
            int sourceAt = p;
            p += 2 + u16(b, p);
            int dateAt = p;
            p += 2 + u16(b, p);
            int revisionAt = p;
            p += 2 + u16(b, p);
            checkEnd(p);
            try {
                version = new DataVersion(utf(sourceAt), date(utf(dateAt)), utf(revisionAt), TableCodec.FORMAT_VERSION);
            } catch (IllegalArgumentException e) {
                throw inconsistent(e.getMessage());
            }

            int stringCount = u16(b, p);
            p += 2;
            stringAt = new int[stringCount];
            for (int i = 0; i < stringCount; i++) {
                stringAt[i] = p;
                p += 2 + (((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF));
            }
            checkEnd(p);
            strings = new String[stringCount];

            int assignmentCount = u16(b, p);
            p += 2;
            assignmentsAt = p;
            for (int i = 0; i < assignmentCount; i++, p += ASSIGNMENT_SIZE) {
                int name = ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
                int description = ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
                int mask = b[p + 4] & 0xFF;
                int status = b[p + 5] & 0xFF;
                int note = ((b[p + 6] & 0xFF) << 8) | (b[p + 7] & 0xFF);
                if (name >= stringCount || description >= stringCount || note >= stringCount
                        || mask == 0 || mask > ALL_TRANSPORTS || status >= UNASSIGNED) {
                    throw inconsistent("assignment " + i + " has string indices " + name + ", " + description
                            + ", " + note + " (pool of " + stringCount + "), transport mask " + mask
                            + ", status ordinal " + status);
                }
            }
            checkEnd(p);
            assignments = new ServiceAssignment[assignmentCount];

            int useCount = u16(b, p);
            p += 2;
            usesAt = p;
            for (int i = 0; i < useCount; i++, p += USE_SIZE) {
                int name = u16(b, p);
                int description = u16(b, p + 2);
                int mask = b[p + 4] & 0xFF;
                int kind = b[p + 5] & 0xFF;
                int official = (u16(b, p + 6) << 16) | u16(b, p + 8);
                int basis = u16(b, p + 10);
                if (name >= stringCount || description >= stringCount || basis >= stringCount
                        || mask == 0 || mask > ALL_TRANSPORTS || kind >= KINDS.length
                        || official < NO_PORT || official > 0xFFFF || string(name).isBlank()) {
                    throw inconsistent("alternate use " + i + " has string indices " + name + ", " + description
                            + ", " + basis + " (pool of " + stringCount + "), transport mask " + mask
                            + ", kind ordinal " + kind + ", official port " + official + " or a blank name");
                }
            }
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
                if (port <= previous) {
                    throw inconsistent("port " + port + " follows " + previous);
                }
                previous = port;
                dataPorts[i] = port;
                portAt[i] = p;
                for (int n = b[p++] & 0xFF; n > 0; n--, p += 2) {
                    int index = ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
                    if (index >= assignmentCount) {
                        throw inconsistent("port " + port + ": assignment index " + index
                                + " is out of bounds (pool of " + assignmentCount + ")");
                    }
                }
                for (int n = b[p++] & 0xFF; n > 0; n--, p += 2) {
                    int index = ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
                    if (index >= useCount) {
                        throw inconsistent("port " + port + ": alternate use index " + index
                                + " is out of bounds (pool of " + useCount + ")");
                    }
                }
                int last = -1;
                for (int n = b[p++] & 0xFF; n > 0; n--, p += 2) {
                    int related = ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
                    if (related <= last || related == port) {
                        throw inconsistent("related ports of port " + port
                                + " must be ascending, unique and exclude the port itself");
                    }
                    last = related;
                }
            }
            checkEnd(p);

            int nameCount = (u16(b, p) << 16) | u16(b, p + 2);
            p += 4;
            if (nameCount < 0 || nameCount > stringCount) {
                throw inconsistent("name count " + nameCount + ", expected 0.." + stringCount);
            }
            nameAt = new int[nameCount];
            for (int i = 0; i < nameCount; i++) {
                nameAt[i] = p;
                int key = ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
                if (key >= stringCount) {
                    throw inconsistent("name " + i + ": string index " + key + " is out of bounds (pool of "
                            + stringCount + ")");
                }
                p += 4 + 2 * (((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF));
            }
            checkEnd(p);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw endsEarly(e);
        }
        if (p != payload.length) {
            throw new TableFormatException(where + " has " + (payload.length - p) + " unexpected bytes after the names");
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * Returns the data version.
     *
     * @return the version, never null
     */
    public DataVersion version() {
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
        int i = Arrays.binarySearch(dataPorts, port);
        if (i < 0) {
            return PortInfo.of(port, NO_ASSIGNMENTS, NO_USES, NO_PORTS);
        }
        byte[] b = payload;
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
        return nameAt.length;
    }

    /**
     * Decodes the i-th name key, in table order (ascending and lower case in a table our writer
     * wrote; {@link #toTableData()} checks that).
     *
     * @param i 0 to {@link #nameCount()} - 1
     * @return the key, never null
     */
    public synchronized String name(int i) {
        return string(u16(payload, nameAt[i]));
    }

    /**
     * Decodes the ports of the i-th name, in answer order (official ports first).
     *
     * @param i 0 to {@link #nameCount()} - 1
     * @return a new array of ports, never null
     */
    public int[] namePorts(int i) {
        int at = nameAt[i] + 2;
        int[] ports = new int[u16(payload, at)];
        for (int j = 0; j < ports.length; j++) {
            ports[j] = u16(payload, at + 2 + 2 * j);
        }
        return ports;
    }

    /**
     * Decodes everything, for the compiler and the tools, and makes the two checks that opening
     * leaves out: every string is well-formed modified UTF-8, and the name keys are lower case,
     * unique and ascending.
     *
     * @return the content, never null
     * @throws TableFormatException naming the table and the problem
     */
    public synchronized TableData toTableData() {
        for (int i = 0; i < stringAt.length; i++) {
            try {
                String strict = DataInputStream.readUTF(new DataInputStream(
                        new ByteArrayInputStream(payload, stringAt[i], payload.length - stringAt[i])));
                if (!strict.equals(string(i))) {
                    throw new IOException("string " + i + " decodes two ways");
                }
            } catch (IOException e) {
                throw new TableFormatException(where + " is inconsistent: string " + i
                        + " is not well-formed modified UTF-8", e);
            }
        }
        List<PortInfo> ports = new ArrayList<>(dataPorts.length);
        for (int port : dataPorts) {
            ports.add(port(port));
        }
        TreeMap<String, List<Integer>> names = new TreeMap<>();
        String previous = null;
        for (int i = 0; i < nameAt.length; i++) {
            String key = name(i);
            if (previous != null && previous.compareTo(key) >= 0) {
                throw inconsistent("name \"" + key + "\" follows \"" + previous + "\": names must be unique and ascending");
            }
            previous = key;
            int[] p = namePorts(i);
            Integer[] boxed = new Integer[p.length];
            for (int j = 0; j < p.length; j++) {
                boxed[j] = p[j];
            }
            names.put(key, List.of(boxed));
        }
        try {
            return new TableData(version, ports, names);
        } catch (IllegalArgumentException e) {
            throw inconsistent(e.getMessage());
        }
    }

    // ---------------------------------------------------------------- decoding, under the lock

    private ServiceAssignment assignment(int index) {
        ServiceAssignment a = assignments[index];
        if (a == null) {
            byte[] b = payload;
            int at = assignmentsAt + index * ASSIGNMENT_SIZE;
            a = new ServiceAssignment(string(u16(b, at)), string(u16(b, at + 2)), transports(b[at + 4] & 0xFF),
                    STATUSES[b[at + 5] & 0xFF], string(u16(b, at + 6)));
            assignments[index] = a;
        }
        return a;
    }

    private AlternateUse use(int index) {
        AlternateUse u = uses[index];
        if (u == null) {
            byte[] b = payload;
            int at = usesAt + index * USE_SIZE;
            int official = (u16(b, at + 6) << 16) | u16(b, at + 8);
            u = new AlternateUse(string(u16(b, at)), string(u16(b, at + 2)), transports(b[at + 4] & 0xFF),
                    KINDS[b[at + 5] & 0xFF], official == NO_PORT ? OptionalInt.empty() : OptionalInt.of(official),
                    string(u16(b, at + 10)));
            uses[index] = u;
        }
        return u;
    }

    private String string(int index) {
        String s = strings[index];
        if (s == null) {
            s = utf(stringAt[index]);
            strings[index] = s;
        }
        return s;
    }

    /**
     * Decodes the modified UTF-8 string whose u16 length is at {@code at}. Never fails: a byte
     * that does not start a well-formed sequence becomes U+FFFD (only {@link #toTableData} is strict).
     */
    private String utf(int at) {
        byte[] b = payload;
        int start = at + 2;
        int end = start + u16(b, at);
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

    // ---------------------------------------------------------------- checks, while opening

    /** Parses an ISO date; the usual {@code yyyy-mm-dd} without loading the date-time formatters. */
    private LocalDate date(String text) {
        try {
            if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
                return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
            }
            return LocalDate.parse(text);
        } catch (DateTimeException | NumberFormatException e) {
            throw inconsistent("official date \"" + text + "\" is not an ISO date: " + e.getMessage());
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new NumberFormatException("'" + ch + "' at " + i + " is not a digit");
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    private void checkEnd(int p) {
        if (p > payload.length) {
            throw endsEarly(null);
        }
    }

    private TableFormatException endsEarly(RuntimeException cause) {
        return new TableFormatException(where + " is inconsistent: payload ends early", cause);
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
