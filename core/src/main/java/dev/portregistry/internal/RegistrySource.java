package dev.portregistry.internal;

import org.jspecify.annotations.Nullable;
import dev.portregistry.DataVersion;
import dev.portregistry.PortInfo;

import java.util.List;
import java.util.Set;

/**
 * Where a {@code PortRegistry} gets its answers: the one seam between the public registry and its
 * data. Two implementations: {@link TableSource}, a compiled table whose records are decoded on
 * first use (the bundled registry and {@code PortRegistry.fromTable}), and {@link LayerSource},
 * what an overlay or IANA's CSV changed, over the source of the registry it was applied to.
 * Internal: not part of the API, not exported by the module.
 *
 * <p>Implementations are immutable as seen from outside and thread-safe; they may fill caches
 * lazily.
 */
public interface RegistrySource {
    /**
     * Returns a port's record.
     *
     * @param port the port; outside 0..65535 an implementation throws some RuntimeException (the
     *             registry, which checks no range on its fast path, turns it into the
     *             IllegalArgumentException of its contract)
     * @return the record, never null
     */
    PortInfo port(int port);

    /**
     * Returns the answer to a name.
     *
     * @param key a well-formed name in lower case, not null
     * @return the ports it resolves to, in answer order, immutable; null if the name is unknown
     */
    @Nullable List<PortInfo> service(String key);

    /**
     * Returns every name {@link #service} answers.
     *
     * @return the names in lower case, sorted, immutable; never null
     */
    Set<String> serviceNames();

    /**
     * Returns the ports that may hold data (an assignment, an alternate use or related ports),
     * ascending; every port with data is among them.
     *
     * @return a new array, never null
     */
    int[] dataPorts();

    /**
     * Returns the version of the data.
     *
     * @return the version, never null
     */
    DataVersion version();
}
