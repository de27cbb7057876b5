package dev.portregistry.internal;

import org.jspecify.annotations.Nullable;
import dev.portregistry.DataVersion;
import dev.portregistry.PortInfo;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * A layer over another registry's source: it holds only what an overlay (or IANA's CSV) changed,
 * the records of the ports it touched and the answers of the names it set, and asks the source
 * below for everything else, so applying an overlay decodes nothing it does not touch. Internal:
 * not part of the API, not exported by the module.
 *
 * <p>A name the layer does not set keeps the answer below, with the records of the ports this
 * layer changed put in place of the old ones (on first request, then kept). A name set to no port
 * is removed.
 *
 * <p>Immutable as seen from outside and thread-safe.
 */
public final class LayerSource implements RegistrySource {
    private final RegistrySource base;
    private final DataVersion version;
    /** The ports this layer changed, ascending, and their records at the same index. */
    private final int[] ports;
    private final PortInfo[] records;
    /** The names this layer sets, to their ports in answer order; an empty array removes the name. */
    private final Map<String, int[]> names;
    /** Answers made so far: names this layer sets, and names below whose answer holds a changed port; under its own lock. */
    private final Map<String, List<PortInfo>> answers = new java.util.HashMap<>();
    private volatile @Nullable Set<String> nameSet;

    /**
     * Layers changes over a source.
     *
     * @param base    the source below, not null
     * @param changed the records of the ports this layer changes, by port; not null
     * @param names   the names this layer sets (lower case, well-formed) to their ports in answer
     *                order, an empty list removing the name; not null
     * @param version the version of the data with this layer, not null
     * @throws IllegalArgumentException if a record is filed under another port, or a name lists a
     *                                  port twice or one outside 0..65535
     */
    public LayerSource(RegistrySource base, SortedMap<Integer, PortInfo> changed, Map<String, List<Integer>> names,
                       DataVersion version) {
        this.base = Objects.requireNonNull(base, "base must not be null");
        this.version = Objects.requireNonNull(version, "version must not be null");
        this.ports = new int[changed.size()];
        this.records = new PortInfo[changed.size()];
        int i = 0;
        for (Map.Entry<Integer, PortInfo> e : changed.entrySet()) {
            if (e.getValue().port() != e.getKey()) {
                throw new IllegalArgumentException("the record of port " + e.getValue().port()
                        + " is filed under port " + e.getKey());
            }
            ports[i] = e.getKey();
            records[i++] = e.getValue();
        }
        this.names = new java.util.HashMap<>(names.size() * 2);
        for (Map.Entry<String, List<Integer>> e : names.entrySet()) {
            int[] list = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            if (Arrays.stream(list).distinct().count() != list.length
                    || Arrays.stream(list).anyMatch(p -> p < 0 || p > 0xFFFF)) {
                throw new IllegalArgumentException("name " + ServiceNames.quote(e.getKey()) + " lists ports "
                        + e.getValue() + ": expected each of 0..65535 at most once");
            }
            this.names.put(e.getKey(), list);
        }
    }

    @Override
    public PortInfo port(int port) {
        int i = Arrays.binarySearch(ports, port);
        return i >= 0 ? records[i] : base.port(port);
    }

    @Override
    public @Nullable List<PortInfo> service(String key) {
        List<PortInfo> made;
        synchronized (answers) {
            made = answers.get(key);
        }
        if (made != null) {
            return made;
        }
        int[] own = names.get(key);
        if (own != null) {
            if (own.length == 0) {
                return null;
            }
            PortInfo[] infos = new PortInfo[own.length];
            for (int i = 0; i < own.length; i++) {
                infos[i] = port(own[i]);
            }
            return cache(key, List.of(infos));
        }
        List<PortInfo> below = base.service(key);
        if (below == null) {
            return null;
        }
        for (PortInfo p : below) {
            if (Arrays.binarySearch(ports, p.port()) >= 0) {
                PortInfo[] infos = new PortInfo[below.size()];
                for (int i = 0; i < infos.length; i++) {
                    infos[i] = port(below.get(i).port());
                }
                return cache(key, List.of(infos));
            }
        }
        return below;
    }

    private List<PortInfo> cache(String key, List<PortInfo> answer) {
        synchronized (answers) {
            List<PortInfo> before = answers.putIfAbsent(key, answer);
            return before != null ? before : answer;
        }
    }

    @Override
    public Set<String> serviceNames() {
        Set<String> set = nameSet;
        if (set == null) {
            TreeSet<String> all = new TreeSet<>(base.serviceNames());
            for (Map.Entry<String, int[]> e : names.entrySet()) {
                if (e.getValue().length == 0) {
                    all.remove(e.getKey());
                } else {
                    all.add(e.getKey());
                }
            }
            set = Collections.unmodifiableSortedSet(all);
            nameSet = set;
        }
        return set;
    }

    @Override
    public int[] dataPorts() {
        int[] below = base.dataPorts();
        int[] out = new int[below.length + ports.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < below.length || j < ports.length) {
            int next;
            if (j >= ports.length || (i < below.length && below[i] < ports[j])) {
                next = below[i++];
            } else {
                next = ports[j++];
                if (i < below.length && below[i] == next) {
                    i++;
                }
            }
            out[n++] = next;
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public DataVersion version() {
        return version;
    }
}
