package dev.portregistry.internal;

import dev.portregistry.LifecycleStatus;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import static dev.portregistry.internal.PortTable.ALL_TRANSPORTS;
import static dev.portregistry.internal.PortTable.CHUNK_MASK;
import static dev.portregistry.internal.PortTable.require;
import static dev.portregistry.internal.TableCodec.*;

/**
 * The full check of a table from outside, behind {@link PortTable#verify()}: the bundled table is
 * trusted once its CRC-32 matches and never goes through it. Internal: not part of the API, not
 * exported by the module.
 *
 * <p>Stateless; called under the table's lock.
 */
// EnumOrdinal: a table stores LifecycleStatus by its ordinal (see TableCodec)
@SuppressWarnings("EnumOrdinal")
final class TableVerifier {
    private TableVerifier() {
    }

    /**
     * Checks everything a damaged or foreign table could get wrong: every string strict UTF-8 and
     * one line of text; every date real; every list, assignment, extra, use, record and run decoded
     * (every index and offset in range, transport masks, enum ordinals, each record's constructor
     * rules); runs ascending and apart; names well-formed, lower case, ascending and found through
     * the hash section, their answers well-formed; nothing after the last record or answer. Call it
     * before anything is decoded.
     *
     * @param t the table, just opened; not null
     * @throws TableFormatException naming the table, the part and the problem
     */
    static void verify(PortTable t) {
        String part = "string ";
        int i = 0;
        try {
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
            for (; i < t.count[S]; i++) {
                byte[] chunk = t.chunk(i >> CHUNK_SHIFT);
                int start = t.u16(t.at[STRINGS] + 2 * i);
                require((i & CHUNK_MASK) != 0 || start == 0, "does not start its chunk");
                t.strings[i] = utf8.decode(ByteBuffer.wrap(chunk, start, t.stringEnd(i, chunk) - start)).toString();
                require(ServiceNames.textProblem(t.strings[i]));
            }
            Arrays.fill(t.chunks, null); // every string decoded: no chunk is needed again
            // entry 0 of each pool stands for "none": named by its own part, not the last string's
            part = "string ";
            i = 0;
            require(t.strings[0].isEmpty(), "is not empty");
            part = "date ";
            require(t.i32(t.at[DATES]) == 0, "is not empty");
            part = "list ";
            require(t.u8(t.i32(t.at[LISTS])) == 0, "is not empty");
            int end = t.at[VARIABLE];
            for (part = "list ", i = 0; i < t.count[L]; i++) {
                end = Math.max(end, offset(t.index, t.at[LISTS] + 4 * i, t.at[VARIABLE]) + 1 + 2 * t.u8(t.i32(t.at[LISTS] + 4 * i)));
                t.references(i);
            }
            for (part = "date ", i = 1; i < t.count[D]; i++) {
                t.date(i);
            }
            for (part = "extra ", i = 0; i < t.count[E]; i++) {
                int p = t.at[EXTRAS] + SECTION_SIZE[EXTRAS] * i;
                require(t.u8(t.i32(t.at[LISTS] + 4 * t.u16(p + 16))) % 2 == 0 && (i > 0 || (t.i32(p) == 0 && t.u16(p + 16) == 0)),
                        "has a bad programs list or is not empty");
            }
            for (part = "assignment ", i = 0; i < t.count[A]; i++) {
                int p = t.at[ASSIGNMENTS] + SECTION_SIZE[ASSIGNMENTS] * i;
                require(t.u8(p + 4) <= ALL_TRANSPORTS && t.u8(p + 5) < LifecycleStatus.UNASSIGNED.ordinal(), "has a bad mask or status");
                t.assignment(i);
            }
            for (part = "alternate use ", i = 0; i < t.count[U]; i++) {
                int p = t.at[USES] + SECTION_SIZE[USES] * i;
                require(t.u8(p + 4) <= ALL_TRANSPORTS && t.i32(p + 6) >= -1 && t.u8(t.i32(t.at[LISTS] + 4 * t.u16(p + 16))) % 2 == 0,
                        "has a bad mask, official port or programs list");
                t.use(i);
            }
            for (part = "record ", i = 0; i < t.count[Q]; i++) {
                int p = offset(t.index, t.at[RECORDS] + 4 * i, t.at[VARIABLE]);
                for (int list = 0; list < 3; list++) {
                    p += 1 + 2 * t.u8(p);
                }
                end = Math.max(end, p);
            }
            for (part = "run ", i = 0; i < t.count[R]; i++) {
                int first = t.u16(t.at[RUNS] + 6 * i);
                require(first <= t.u16(t.at[RUNS] + 6 * i + 2) && (i == 0 || first > t.u16(t.at[RUNS] + 6 * i - 4))
                        && t.u16(t.at[RUNS] + 6 * i + 4) < t.count[Q], "is empty, overlaps the run before it or names no record");
                for (int port = first; port <= t.u16(t.at[RUNS] + 6 * i + 2); port++) {
                    t.decodePort(port);
                }
            }
            if (end != t.index.length) {
                throw t.inconsistent("the index has " + (t.index.length - end) + " unexpected bytes after its last record");
            }
            part = "version ";
            t.version();
            part = "name index ";
            byte[] n = t.loadNames();
            int k = t.nameCount();
            int hash = NAMES + 6 * k;
            end = hash + 2 * PortTable.i32(n, 4);
            for (part = "name ", i = 0; i < k; i++) {
                String key = t.name(i);
                require(ServiceNames.problem(key));
                require(key.equals(key.toLowerCase(Locale.ROOT)), "is not lower case");
                require(i == 0 || t.name(i - 1).compareTo(key) < 0, "does not follow the name before it in order");
                int p = offset(n, NAMES + 2 * k + 4 * i, hash + 2 * PortTable.i32(n, 4));
                end = Math.max(end, p + 4 + 2 * PortTable.u16(n, p + 2));
                int ports = PortTable.u16(n, p);
                require(end <= n.length && ports > 0 && Arrays.stream(t.namePorts(i)).distinct().count() == ports,
                        "lists no port or one twice");
            }
            int slotted = 0;
            for (part = "hash slot ", i = 0; i < PortTable.i32(n, 4); i++) {
                require(PortTable.u16(n, hash + 2 * i) <= k, "holds no name");
                slotted += PortTable.u16(n, hash + 2 * i) == 0 ? 0 : 1;
            }
            for (part = "name ", i = 0; i < k; i++) {
                require(slotted == k && t.findName(t.name(i)) == i, "is not found through the hash section");
            }
            if (end != n.length) {
                throw t.inconsistent("the name index has " + (n.length - end) + " unexpected bytes after its last answer");
            }
        } catch (RuntimeException | CharacterCodingException e) {
            // an index past an array's end is named by us: once the JIT compiles the throwing code, the
            // JVM may throw a preallocated exception without a message (OmitStackTraceInFastThrow)
            String problem = e instanceof CharacterCodingException ? "is not well-formed UTF-8 (" + e + ")"
                    : e instanceof IndexOutOfBoundsException ? "points past the end of the index"
                            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                    : String.valueOf(e.getMessage());
            throw e instanceof TableFormatException f ? f : t.inconsistent(part + i + ": " + problem);
        }
    }

    /** In verify(): the offset at p in b, which must lie past {@code from} and in b. */
    private static int offset(byte[] b, int p, int from) {
        require(PortTable.i32(b, p) >= from && PortTable.i32(b, p) < b.length, "lies outside the index's lists, records and answers");
        return PortTable.i32(b, p);
    }
}
