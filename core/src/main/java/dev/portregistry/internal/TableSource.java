package dev.portregistry.internal;

import org.jspecify.annotations.Nullable;
import dev.portregistry.DataVersion;
import dev.portregistry.PortInfo;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A compiled table as a registry's source: a port's record is decoded by {@link PortTable#port}
 * on its first request and kept, a name's answer is made on its first request through the table's
 * hash section and kept. Internal: not part of the API, not exported by the module.
 *
 * <p>Thread-safe: records and answers are made under one lock and then read without one (they are
 * immutable, so safe to publish so).
 */
public final class TableSource implements RegistrySource {
    private final PortTable table;
    /** Each port's record once decoded; written under the lock, read without. */
    private final PortInfo[] records = new PortInfo[0x10000];
    /**
     * Each name's answer once made, by the table's name index; made on the first name query, not
     * with the source, as sizing it inflates the name index; written under the lock.
     */
    private volatile List<PortInfo> @Nullable [] answers;

    /**
     * Serves a table.
     *
     * @param table the table, checked as its origin requires (the bundled one by its CRC-32, any
     *              other by {@link PortTable#verify()}); not null
     */
    public TableSource(PortTable table) {
        this.table = table;
    }

    /**
     * The records decoded so far, indexed by port, null where not yet decoded: the bundled
     * registry's lookup reads this array directly. The caller must not write to it.
     *
     * @return the array, never null
     */
    public PortInfo[] records() {
        return records;
    }

    @Override
    public PortInfo port(int port) {
        PortInfo info = records[port]; // an ArrayIndexOutOfBoundsException outside 0..65535
        return info != null ? info : decode(port);
    }

    /** The first request of a port: decodes its record once, under the lock, so all callers share it. */
    private PortInfo decode(int port) {
        synchronized (records) {
            PortInfo info = records[port];
            if (info == null) {
                info = table.port(port);
                records[port] = info;
            }
            return info;
        }
    }

    @Override
    public @Nullable List<PortInfo> service(String key) {
        int i = table.findName(key);
        if (i < 0) {
            return null;
        }
        List<PortInfo>[] made = answers;
        List<PortInfo> answer = made != null ? made[i] : null;
        return answer != null ? answer : answer(i);
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // Java cannot create a generic array: each slot holds a List<PortInfo>
    private List<PortInfo> answer(int i) {
        synchronized (records) {
            List<PortInfo>[] made = answers;
            if (made == null) {
                made = new List[table.nameCount()];
                answers = made;
            }
            List<PortInfo> answer = made[i];
            if (answer == null) {
                int[] found = table.namePorts(i);
                PortInfo[] infos = new PortInfo[found.length];
                for (int j = 0; j < infos.length; j++) {
                    PortInfo info = records[found[j]];
                    infos[j] = info != null ? info : decode(found[j]);
                }
                answer = List.of(infos);
                made[i] = answer;
            }
            return answer;
        }
    }

    @Override
    public Set<String> serviceNames() {
        return new Names();
    }

    @Override
    public int[] dataPorts() {
        int[] out = new int[table.portCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = table.dataPort(i);
        }
        return out;
    }

    @Override
    public DataVersion version() {
        return table.version();
    }

    /** The table's keys, which are sorted, as an immutable set: membership through the hash section. */
    private final class Names extends AbstractSet<String> {
        @Override
        public Iterator<String> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < table.nameCount();
                }

                @Override
                public String next() {
                    if (next >= table.nameCount()) {
                        throw new NoSuchElementException("no name after the last of " + table.nameCount());
                    }
                    return table.name(next++);
                }
            };
        }

        @Override
        public int size() {
            return table.nameCount();
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof String s && table.findName(s) >= 0;
        }
    }
}
