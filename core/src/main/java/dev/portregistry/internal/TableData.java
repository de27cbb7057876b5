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
     * @throws IllegalArgumentException if ports are not strictly ascending or a name is not lower case
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
            if (key.isEmpty() || !key.equals(key.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("name key must be non-empty and lower case: \"" + key + "\"");
            }
            copy.put(key, List.copyOf(e.getValue()));
        }
        names = java.util.Collections.unmodifiableSortedMap(copy);
    }
}
