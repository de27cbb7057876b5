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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static dev.portregistry.internal.TableCodec.*;

/**
 * The writer of {@link TableCodec}'s layout: used by the compiler in {@code registry-data} and by
 * tests, never by the reader ({@link PortTable}). Internal: not part of the API, not
 * exported by the module.
 *
 * <p>Stateless and thread-safe.
 */
// EnumOrdinal: the table stores LifecycleStatus, UseKind and Transport (as bit 1 << ordinal) by their
// ordinals: their declaration order is part of the table format (see TableCodec), so a new constant goes last.
@SuppressWarnings("EnumOrdinal")
public final class TableWriter {
    private TableWriter() {
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
        Pool<List<Integer>> extras = new Pool<>("assignment extras", Collections.nCopies(9, 0));
        Pool<ServiceAssignment> assignments = new Pool<>("assignments");
        Pool<AlternateUse> uses = new Pool<>("alternate uses");
        Pool<List<Integer>> records = new Pool<>("records");
        int[] version = {strings.add(table.version().officialSource()), dates.add(RegistryDate.of(table.version()
                .officialDate())), strings.add(table.version().curatedRevision())};
        // the records, encoded as first met by ascending port, so that strings are pooled in that order
        Buffer fixedA = new Buffer();
        Buffer fixedU = new Buffer();
        Buffer runs = new Buffer();
        int[] run = {-2, -2, -1}; // first, last, record
        for (PortInfo p : table.ports()) {
            List<Integer> record = new ArrayList<>();
            record.add(count(p.assignments().size(), "port " + p.port(), "assignments"));
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
                            extras.add(List.of(strings.add(a.serviceCode().orElse("")),
                                    strings.add(a.unauthorizedUseReported().orElse("")),
                                    strings.add(a.assignmentNotes().orElse("")), strings.add(a.product().orElse("")),
                                    strings.add(a.vendor().orElse("")), a.discontinuedYear().orElse(0),
                                    strings.add(a.reason().orElse("")), strings.add(a.basis().orElse("")),
                                    lists.add(programs(strings, a.programs())))));
                }
                record.add(assignments.add(a));
            }
            record.add(count(p.alternateUses().size(), "port " + p.port(), "alternate uses"));
            for (AlternateUse u : p.alternateUses()) {
                if (uses.isNew(u)) {
                    fixedU.shorts(strings.add(u.name()), strings.add(u.description()));
                    fixedU.bytes(mask(u.transports()), u.kind().ordinal());
                    fixedU.ints(u.officialPort().orElse(-1));
                    fixedU.shorts(strings.add(u.basis()), u.firstYear().orElse(0), u.lastYear().orElse(0),
                            lists.add(programs(strings, u.programs())));
                }
                record.add(uses.add(u));
            }
            record.add(count(p.relatedPorts().size(), "port " + p.port(), "related ports"));
            record.addAll(p.relatedPorts());
            int q = records.add(record);
            if (p.port() != run[1] + 1 || q != run[2]) { // a new run
                if (run[2] >= 0) {
                    runs.shorts(run);
                }
                run = new int[] {p.port(), p.port(), q};
            } else {
                run[1]++;
            }
        }
        if (run[2] >= 0) {
            runs.shorts(run);
        }
        if (runs.size() / 6 > MAX_POOL) {
            throw new TableFormatException("too many runs of ports: the format allows at most " + MAX_POOL);
        }
        List<Integer> extra = new ArrayList<>();
        extras.values.forEach(extra::addAll);
        int[] count = {strings.size(), (strings.size() + (1 << CHUNK_SHIFT) - 1) >> CHUNK_SHIFT, dates.size(),
                lists.size(), assignments.size(), extras.size(), uses.size(), runs.size() / 6, records.size()};
        long variableAt = 4 * COUNTS;
        for (int s = 0; s < SECTION_SIZE.length; s++) {
            variableAt += (long) SECTION_SIZE[s] * (SECTION_COUNT[s] < 0 ? 1 : count[SECTION_COUNT[s]]);
        }
        // the lists and records, and the offsets to them
        Buffer variable = new Buffer();
        Buffer listAt = new Buffer();
        for (List<Integer> list : lists.values) {
            listAt.ints((int) variableAt + variable.size());
            variable.bytes(list.size());
            list.forEach(variable::shorts);
        }
        Buffer recordAt = new Buffer();
        for (List<Integer> record : records.values) {
            recordAt.ints((int) variableAt + variable.size());
            for (int i = 0; i < record.size(); i += 1 + record.get(i)) {
                variable.bytes(record.get(i));
                record.subList(i + 1, i + 1 + record.get(i)).forEach(variable::shorts);
            }
        }
        // the strings, chunk by chunk, and the index in section order
        Buffer chunkSizes = new Buffer();
        Buffer stringAt = new Buffer();
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        for (int c = 0; c < count[C]; c++) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            for (int i = c << CHUNK_SHIFT; i < Math.min(count[S], (c + 1) << CHUNK_SHIFT); i++) {
                byte[] utf = strings.values.get(i).getBytes(StandardCharsets.UTF_8);
                if (text.size() + utf.length > MAX_POOL) {
                    throw new TableFormatException("string chunk " + c + " would hold over " + MAX_POOL
                            + " UTF-8 bytes, the format's limit, with " + ServiceNames.quote(strings.values.get(i)));
                }
                stringAt.shorts(text.size());
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
        index.writeBytes(listAt.toByteArray());
        index.writeBytes(fixedA.toByteArray());
        extra.forEach(index::shorts);
        for (Buffer section : new Buffer[] {fixedU, runs, recordAt, variable}) {
            index.writeBytes(section.toByteArray());
        }
        byte[] names = nameIndex(table, strings);
        if (index.size() > MAX_PAYLOAD || names.length > MAX_PAYLOAD) {
            throw new TableFormatException("the index would be " + Math.max(index.size(), names.length)
                    + " bytes: the format allows at most " + MAX_PAYLOAD);
        }
        byte[] storedIndex = deflate(index.toByteArray());
        byte[] storedNames = deflate(names);
        Buffer body = new Buffer();
        body.ints(index.size(), storedIndex.length, names.length, storedNames.length);
        body.writeBytes(storedIndex);
        body.writeBytes(storedNames);
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

    /** The name index: counts, keys, answer offsets, hash slots, answers (runs of 4 ports or more as v, v, w). */
    private static byte[] nameIndex(TableData table, Pool<String> strings) {
        int k = table.names().size();
        int[] hash = new int[slots(k)];
        Buffer keys = new Buffer();
        Buffer answerAt = new Buffer();
        Buffer answers = new Buffer();
        int variableAt = NAMES + 6 * k + 2 * hash.length;
        for (Map.Entry<String, List<Integer>> e : table.names().entrySet()) {
            List<Integer> ports = e.getValue();
            if (ports.size() > MAX_POOL) {
                throw new TableFormatException("name \"" + e.getKey() + "\" lists " + ports.size()
                        + " ports: the format allows at most " + MAX_POOL);
            }
            keys.shorts(strings.add(e.getKey()));
            answerAt.ints(variableAt + answers.size());
            Buffer values = new Buffer();
            for (int i = 0, j; i < ports.size(); i = j + 1) {
                for (j = i; j + 1 < ports.size() && ports.get(j + 1) == ports.get(j) + 1; j++) {
                    // the run of consecutive ascending ports from i to j
                }
                if (j - i >= 3) {
                    values.shorts(ports.get(i), ports.get(i), ports.get(j));
                } else {
                    values.shorts(ports.get(i));
                    j = i;
                }
            }
            answers.shorts(ports.size(), values.size() / 2);
            answers.writeBytes(values.toByteArray());
            int s = slot(e.getKey().hashCode(), hash.length - 1);
            while (hash[s] != 0) {
                s = (s + 1) & (hash.length - 1);
            }
            hash[s] = keys.size() / 2;
        }
        Buffer names = new Buffer();
        names.ints(k, hash.length);
        names.writeBytes(keys.toByteArray());
        names.writeBytes(answerAt.toByteArray());
        names.shorts(hash);
        names.writeBytes(answers.toByteArray());
        return names.toByteArray();
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
