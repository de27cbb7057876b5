package dev.portregistry;

import dev.portregistry.internal.PortTable;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The name index of one registry: lower-case service name to its ports, built when a registry is
 * first asked for a name (not on the lookup path, so not at load).
 *
 * <p>An open-addressing hash table of the names (linear probing, at most half full): parallel slot
 * arrays for the key, its entry in the table and its answer; a name's {@code List<PortInfo>} is
 * made on its first request and kept. A sorted array of the keys backs {@link #sortedView()}.
 * Costs about 50 bytes a name where a {@code HashMap} plus a {@code TreeSet} of the keys cost
 * about 120. The keys are checked first ({@code PortTable.checkNames}: well-formed, lower case,
 * unique, ascending); a table that fails that check fails every name query with
 * IllegalStateException naming the table.
 *
 * <p>Thread-safe: the keys never change after construction; an answer is made under the
 * registry's lock and then read without one (an immutable list is safe to publish so).
 */
final class NameIndex {
    private final String[] sorted;
    private final String[] keys;
    private final int[] entries;
    private final List<PortInfo>[] answers;
    private final int mask;
    private final PortTable table;
    private final PortRegistry registry;
    private final Object lock;
    private final Names view = new Names();

    /**
     * Decodes every name key of a table.
     *
     * @param table the table, not null
     * @param registry the registry whose records the answers hold, not null
     * @param lock     the lock that guards answer making, the registry's; not null
     */
    @SuppressWarnings("unchecked")
    NameIndex(PortTable table, PortRegistry registry, Object lock) {
        this.table = table;
        this.registry = registry;
        this.lock = lock;
        try {
            table.checkNames(); // done already if the table was verified at open
        } catch (dev.portregistry.internal.TableFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        int count = table.nameCount();
        int capacity = Integer.highestOneBit(Math.max(2, count) * 2 - 1) << 1;
        keys = new String[capacity];
        entries = new int[capacity];
        answers = new List[capacity];
        mask = capacity - 1;
        String[] inOrder = new String[count];
        int unique = 0;
        boolean ascending = true;
        for (int i = 0; i < count; i++) {
            String key = table.name(i);
            int slot = slot(key);
            while (keys[slot] != null && !keys[slot].equals(key)) {
                slot = (slot + 1) & mask;
            }
            if (keys[slot] == null) {
                keys[slot] = key;
                entries[slot] = i;
                ascending &= unique == 0 || inOrder[unique - 1].compareTo(key) < 0;
                inOrder[unique++] = key;
            }
        }
        sorted = unique == count ? inOrder : Arrays.copyOf(inOrder, unique);
        if (!ascending) {
            Arrays.sort(sorted);
        }
    }

    /**
     * Returns the ports of a name.
     *
     * @param key the name in lower case, not null
     * @return the answer, immutable; null if the name is unknown
     */
    List<PortInfo> find(String key) {
        for (int slot = slot(key); ; slot = (slot + 1) & mask) {
            String k = keys[slot];
            if (k == null) {
                return null;
            }
            if (k.equals(key)) {
                List<PortInfo> answer = answers[slot];
                return answer != null ? answer : answer(slot);
            }
        }
    }

    private List<PortInfo> answer(int slot) {
        synchronized (lock) {
            List<PortInfo> answer = answers[slot];
            if (answer == null) {
                int[] found = table.namePorts(entries[slot]);
                PortInfo[] infos = new PortInfo[found.length];
                for (int i = 0; i < infos.length; i++) {
                    infos[i] = registry.get(found[i]);
                }
                answer = List.of(infos);
                answers[slot] = answer;
            }
            return answer;
        }
    }

    private int slot(String key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }

    /**
     * Returns the keys as an immutable set, sorted.
     *
     * @return the set, never null
     */
    java.util.Set<String> sortedView() {
        return view;
    }

    /** The sorted keys as an immutable set: iteration in order, membership by binary search. */
    private final class Names extends AbstractSet<String> {
        @Override
        public Iterator<String> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < sorted.length;
                }

                @Override
                public String next() {
                    if (next >= sorted.length) {
                        throw new NoSuchElementException("no name after the last of " + sorted.length);
                    }
                    return sorted[next++];
                }
            };
        }

        @Override
        public int size() {
            return sorted.length;
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof String && Arrays.binarySearch(sorted, o) >= 0;
        }
    }
}
