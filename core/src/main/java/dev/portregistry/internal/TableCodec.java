package dev.portregistry.internal;

import dev.portregistry.Origin;

/**
 * The one codec of the compiled port table: the layout, its constants and {@link #read}; {@link TableWriter}
 * (used by the compiler in {@code registry-data}) writes it, {@link PortTable} reads it. Internal: not
 * part of the API, not exported by the module.
 *
 * <h2>Layout, format 4</h2>
 * Numbers are big-endian, unsigned but for the official port. A string, date, list, assignment,
 * extra, use or record is named by its u16 index in its pool; every distinct value is stored once.
 * DEFLATE is zlib at its best compression.
 * <pre>
 * header, 14 bytes  u32 magic 0x50525442 ("PRTB"), u16 format 4, u32 body length N, u32 CRC-32 of the body
 * body, N bytes     u32 inflated length X and u32 stored length I of the port index, u32 Y and u32 J of
 *                   the name index, the port index (DEFLATE), the name index (DEFLATE), then the
 *                   string chunks (DEFLATE) back to back
 * port index, X bytes  9 x u32 counts: S strings, C chunks, D dates, L lists, A assignments, E extras,
 *                   U uses, R runs, Q records; then the sections below, each of a size the counts
 *                   give, so that each section's offset is known without reading the others:
 *   version       6  u16 official source (string), u16 official date (date), u16 curated revision
 *   chunks    C x 8  u32 stored, u32 inflated length (at most 65,535); chunk c holds strings
 *                    c * 512 .. c * 512 + 511
 *   strings   S x 2  where string i starts in its chunk (UTF-8); it ends where the next string of
 *                    the chunk starts, or at the chunk's end. String 0 is "".
 *   dates     D x 4  u16 year, u8 month, u8 day (0: month precision); date 0 is none, stored as 0
 *   lists     L x 4  offset in the index of a list: u8 n, n x u16 string. List 0 is empty. References
 *                    are a list; programs are a list of pairs (name, command line marker or "")
 *   assignments A x 14  u16 name, u16 description, u8 transport mask, u8 status ordinal,
 *                    u16 registration date, u16 modification date, u16 references, u16 extra
 *   extras   E x 18  IANA's and our rarer facts: u16 service code, u16 unauthorized use reported,
 *                    u16 assignment notes, u16 product, u16 vendor, u16 discontinued year (0: none),
 *                    u16 reason, u16 basis, u16 programs. Extra 0 is all zeros: none of them
 *   uses     U x 18  u16 name, u16 description, u8 transport mask, u8 kind ordinal, i32 official port
 *                    (-1: none), u16 basis, u16 first year, u16 last year (0: unknown), u16 programs
 *   runs      R x 6  u16 first port, u16 last port, u16 record: the ports first..last all have that
 *                    record; runs ascend and do not overlap; a port in no run has no data
 *   records   Q x 4  offset of a record: u8 a, a x u16 assignment, u8 u, u x u16 use, u8 r, r x u16
 *                    related port. A port's uses are exactly its record's, in order: a use that
 *                    covers a range (Windows' dynamic ports) is one use, one record and a few runs
 *   then the lists and records themselves, to the index's end
 * name index, Y bytes  2 x u32 counts: K names, H hash slots; then
 *   names     K x 2  each name's key (string), strictly ascending in String order
 *   answers   K x 4  offset in the name index of each name's ports: u16 n ports, u16 m values, m x u16
 *                    value; the ports in answer order (official first), where a value followed by
 *                    itself and a greater value w stands for the ports from it to w
 *   hash      H x 2  name index + 1 (0: empty) at its slot: linear probing from
 *                    {@link #slot slot(key.hashCode(), H - 1)}; H is the least power of two >= 2K
 *   then the answers themselves, to the name index's end
 * </pre>
 * Transport mask bit {@code 1 << t.ordinal()} stands for transport t (TCP=1, UDP=2, SCTP=4, DCCP=8).
 * An assignment in a table is always of {@link Origin#IANA}. The name keys are strings 1..K, so a
 * first name query inflates a chunk of short strings; the others follow in order of first use by
 * ascending port, so that a port's strings share a chunk. The name index is inflated on the first
 * name query, a string chunk when one of its strings is first decoded. The same content gives the same bytes.
 *
 * <h2>Limits and current usage</h2>
 * At most {@value #MAX_POOL} strings, dates, lists, assignments, extras, uses, runs, records, names
 * and ports per name; at most {@value #MAX_PER_PORT} assignments, uses or related ports per port and
 * entries per list; a string, and a chunk's text, of at most {@value #MAX_POOL} UTF-8 bytes. The
 * writer rejects content over a limit. core's table of iana 2026-09-17 holds about 40,000 ports with
 * data in about 7,000 runs and 7,500 names; the compiler's report prints the counts of each build.
 */
public final class TableCodec {
    /** "PRTB". */
    public static final int MAGIC = 0x50525442;
    /** The format version this codec writes and the only one {@link PortTable} reads. */
    public static final int FORMAT_VERSION = 4;
    /** The header size in bytes: magic, format, body length, checksum. */
    public static final int HEADER_SIZE = 14;
    /** The largest pool, and the most ports one name can list. */
    public static final int MAX_POOL = 0xFFFF;
    /** The most assignments, alternate uses or related ports of one port, and entries of one list. */
    public static final int MAX_PER_PORT = 0xFF;
    /** The largest body or inflated part a reader accepts: a guard against absurd lengths. */
    public static final int MAX_PAYLOAD = 64 * 1024 * 1024;
    /** String i is in chunk {@code i >> CHUNK_SHIFT}. */
    public static final int CHUNK_SHIFT = 9;
    /** The port index's counts, by their place at its start. */
    static final int S = 0, C = 1, D = 2, L = 3, A = 4, E = 5, U = 6, R = 7, Q = 8, COUNTS = 9;
    /** The port index's sections, in order; {@link #VARIABLE} is where the lists and records begin. */
    static final int VERSION = 0, CHUNKS = 1, STRINGS = 2, DATES = 3, LISTS = 4, ASSIGNMENTS = 5, EXTRAS = 6,
            USES = 7, RUNS = 8, RECORDS = 9, VARIABLE = 10;
    /** Each section's entry size, and the count of its entries (-1: one entry). */
    static final int[] SECTION_SIZE = {6, 8, 2, 4, 4, 14, 18, 18, 6, 4};
    static final int[] SECTION_COUNT = {-1, C, S, D, L, A, E, U, R, Q};
    /** Where the name index's names start, after its counts K and H. */
    static final int NAMES = 8;

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
}
