package dev.portregistry;

import dev.portregistry.internal.PortTable;
import org.jspecify.annotations.Nullable;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The names of a registry read from a table: the table's own name index (a hash section laid out
 * by the build) finds a name; this keeps each name's answer, made on its first request.
 *
 * <p>Thread-safe: an answer is made under the registry's lock and then read without one (an
 * immutable list is safe to publish so).
 */
final class NameIndex {
    private final PortTable table;
    private final PortRegistry registry;
    private final Object lock;
    private final List<PortInfo>[] answers;
    private final Names view = new Names();

    @SuppressWarnings({"unchecked", "rawtypes"}) // Java cannot create an array of List<PortInfo>: a raw one, unchecked
    NameIndex(PortTable table, PortRegistry registry, Object lock) {
        this.table = table;
        this.registry = registry;
        this.lock = lock;
        this.answers = new List[table.nameCount()];
    }

    /**
     * Returns the ports of a name.
     *
     * @param key the name in lower case, not null
     * @return the answer, immutable; null if the name is unknown
     */
    @Nullable List<PortInfo> find(String key) {
        int i = table.findName(key);
        if (i < 0) {
            return null;
        }
        List<PortInfo> answer = answers[i];
        return answer != null ? answer : answer(i);
    }

    private List<PortInfo> answer(int i) {
        synchronized (lock) {
            List<PortInfo> answer = answers[i];
            if (answer == null) {
                int[] found = table.namePorts(i);
                PortInfo[] infos = new PortInfo[found.length];
                for (int j = 0; j < infos.length; j++) {
                    infos[j] = registry.get(found[j]);
                }
                answer = List.of(infos);
                answers[i] = answer;
            }
            return answer;
        }
    }

    /** Returns the keys as an immutable set, sorted, never null. */
    Set<String> sortedView() {
        return view;
    }

    /** The table's keys, which are sorted, as an immutable set: membership through the hash section. */
    private final class Names extends AbstractSet<String> {
        @Override
        public Iterator<String> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < answers.length;
                }

                @Override
                public String next() {
                    if (next >= answers.length) {
                        throw new NoSuchElementException("no name after the last of " + answers.length);
                    }
                    return table.name(next++);
                }
            };
        }

        @Override
        public int size() {
            return answers.length;
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof String s && table.findName(s) >= 0;
        }
    }
}
