package dev.portregistry.internal;

import dev.portregistry.DataVersion;
import dev.portregistry.PortInfo;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The content of a compiled port table, independent of its binary form: what {@link TableCodec}
 * writes and reads back. Internal: not part of the API, not exported by the module.
 *
 * <p>Immutable and thread-safe.
 *
 * @param version the data version, never null
 * @param ports   the ports that have any data (assignments, alternate uses or related ports),
 *                strictly ascending by port; never null
 * @param names   lower-case service name to the ports it resolves to, in answer order (official
 *                ports first); sorted by name, never null
 */
public record TableData(DataVersion version, List<PortInfo> ports, SortedMap<String, List<Integer>> names) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if ports are not strictly ascending, a name is not lower case
     *                                  or not well-formed ({@link ServiceNames}), or a name's port
     *                                  list is empty, holds a port twice or a value outside 0..65535
     */
    public TableData {
        Objects.requireNonNull(version, "version must not be null");
        ports = List.copyOf(ports);
        int previous = -1;
        for (PortInfo p : ports) {
            if (p.port() <= previous) {
                throw new IllegalArgumentException("ports must be strictly ascending: " + p.port() + " after " + previous);
            }
            previous = p.port();
        }
        TreeMap<String, List<Integer>> copy = new TreeMap<>();
        for (Map.Entry<String, List<Integer>> e : names.entrySet()) {
            String key = e.getKey();
            String problem = ServiceNames.problem(key);
            if (problem != null) {
                throw new IllegalArgumentException("name " + ServiceNames.quote(key) + " " + problem
                        + ": expected a name that a query can reach");
            }
            if (!key.equals(key.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("name " + ServiceNames.quote(key) + " is not lower case");
            }
            List<Integer> list = List.copyOf(e.getValue());
            if (list.isEmpty() || new java.util.HashSet<>(list).size() != list.size()) {
                throw new IllegalArgumentException("name " + ServiceNames.quote(key) + " lists ports " + list
                        + ": expected at least one port, each once");
            }
            for (int port : list) {
                if (port < 0 || port > 0xFFFF) {
                    throw new IllegalArgumentException("name " + ServiceNames.quote(key) + " lists port " + port
                            + ": expected 0..65535");
                }
            }
            copy.put(key, list);
        }
        names = java.util.Collections.unmodifiableSortedMap(copy);
    }
}
